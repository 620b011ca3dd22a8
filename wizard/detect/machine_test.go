package detect

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cwsetup/cwsetup/wizard/host"
)

func TestMachineIdentity(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  Machine
	}{
		{"nitro", map[string]string{dmiVendor: "Amazon EC2\n", dmiAssetTag: "i-0abc1234def567890\n"}, Machine{MachineEC2, "sys_vendor"}},
		{"nitro, vendor unreadable", map[string]string{dmiAssetTag: "i-0abc1234def567890\n"}, Machine{MachineEC2, "board_asset_tag"}},
		{"xen t2", map[string]string{dmiVendor: "Xen\n", hypervisorUUID: "ec2e1916-9099-7caf-fd21-012345678901\n"}, Machine{MachineEC2, "hypervisor_uuid"}},
		{"xen, uuid in capitals", map[string]string{dmiVendor: "Xen\n", dmiProductUUID: "EC2E1916-9099-7CAF-FD21-012345678901\n"}, Machine{MachineEC2, "product_uuid"}},
		{"kvm laptop", map[string]string{dmiVendor: "QEMU\n", dmiAssetTag: "\n", dmiProductUUID: "4c4c4544-0042-3510-8052-b4c04f4e4b32\n"}, Machine{MachineNotEC2, "sys_vendor"}},
		// One UUID in 4096 starts with ec2 by chance: not on a Dell.
		{"dell, ec2 by chance", map[string]string{dmiVendor: "Dell Inc.\n", dmiProductUUID: "ec2d4544-0042-3510-8052-b4c04f4e4b32\n"}, Machine{MachineNotEC2, "sys_vendor"}},
		{"asset tag not an instance id", map[string]string{dmiAssetTag: "i-love-my-server\n"}, Machine{MachineNotEC2, "board_asset_tag"}},
		{"container", nil, Machine{Verdict: MachineUnknown}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for p, s := range c.files {
				lp := filepath.Join(dir, p)
				if err := os.MkdirAll(filepath.Dir(lp), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(lp, []byte(s), 0o444); err != nil {
					t.Fatal(err)
				}
			}
			r, err := host.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if got := MachineIdentity(r); got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}
