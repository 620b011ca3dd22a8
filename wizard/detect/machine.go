package detect

import (
	"io"
	"strings"

	"github.com/cwsetup/cwsetup/internal/lazy"
	"github.com/cwsetup/cwsetup/wizard/host"
)

// What the machine's own identity says about being an EC2 instance; stable
// strings in `detect --json`.
const (
	MachineEC2     = "ec2"
	MachineNotEC2  = "not_ec2"
	MachineUnknown = "unknown" // no DMI or hypervisor identity readable (a container, most often)
)

// Machine is the verdict of the machine's firmware (DMI) and hypervisor
// identity, read before IMDS is asked (docs/architecture.md): on EC2 a slow IMDS
// (a loaded instance) must not be taken for "not EC2".
type Machine struct {
	Verdict string `json:"verdict"`
	// Evidence is the file that decided: sys_vendor, board_asset_tag,
	// product_uuid, hypervisor_uuid ("" when nothing was readable).
	Evidence string `json:"evidence,omitempty"`
}

// EC2 reports whether the machine says it is an EC2 instance.
func (m Machine) EC2() bool { return m.Verdict == MachineEC2 }

// The identity files, under the root.
const (
	dmiVendor      = "/sys/class/dmi/id/sys_vendor"
	dmiAssetTag    = "/sys/class/dmi/id/board_asset_tag"
	dmiProductUUID = "/sys/class/dmi/id/product_uuid"
	hypervisorUUID = "/sys/hypervisor/uuid"
)

var instanceIDRE = lazy.Regexp(`^i-[0-9a-f]{8,17}$`)

// MachineIdentity reads the DMI and hypervisor identity under r:
// sys_vendor "Amazon EC2" (Nitro), board_asset_tag an instance id (Nitro),
// /sys/hypervisor/uuid starting with "ec2" (Xen), or product_uuid starting
// with "ec2" on a Xen machine (any case). product_uuid alone is not
// trusted on other vendors' machines: one random UUID in 4096 starts with
// those three hex digits. product_uuid is readable by root only; the other
// files by anyone.
func MachineIdentity(r host.Root) Machine {
	read := func(p string) (string, bool) {
		f, err := r.Open(p)
		if err != nil {
			return "", false
		}
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, 256))
		if err != nil {
			return "", false
		}
		s := strings.TrimSpace(string(b))
		return s, s != ""
	}
	vendor, hasVendor := read(dmiVendor)
	tag, hasTag := read(dmiAssetTag)
	hvUUID, hasHV := read(hypervisorUUID)
	prodUUID, hasProd := read(dmiProductUUID)
	ec2Prefix := func(s string) bool { return strings.HasPrefix(strings.ToLower(s), "ec2") }
	switch {
	case vendor == "Amazon EC2":
		return Machine{MachineEC2, "sys_vendor"}
	case instanceIDRE().MatchString(tag):
		return Machine{MachineEC2, "board_asset_tag"}
	case hasHV && ec2Prefix(hvUUID):
		return Machine{MachineEC2, "hypervisor_uuid"}
	case hasProd && ec2Prefix(prodUUID) && (!hasVendor || vendor == "Xen"):
		return Machine{MachineEC2, "product_uuid"}
	case hasVendor:
		return Machine{MachineNotEC2, "sys_vendor"}
	case hasTag:
		return Machine{MachineNotEC2, "board_asset_tag"}
	case hasHV:
		return Machine{MachineNotEC2, "hypervisor_uuid"}
	case hasProd:
		return Machine{MachineNotEC2, "product_uuid"}
	}
	return Machine{Verdict: MachineUnknown}
}
