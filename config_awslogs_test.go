package main

import (
	"strings"
	"testing"
)

// On the AL2 awslogs root, config says which logs come from the old
// agent, with their sections and streams, what was not carried over, and
// how to stop the old agent; in both languages.
func TestConfigAwslogsSummary(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			"These 5 logs come from your awslogs config (/etc/awslogs/awslogs.conf):",
			"  /var/log/app/shop.log: section [shop-app] (/etc/awslogs/config/app.conf:1), log stream {instance_id}-{ip_address}",
			"  /var/log/secure: section [/var/log/secure] (/etc/awslogs/awslogs.conf:18), log stream {hostname}",
			"Not carried over from awslogs as it was:",
			"  - [shop-jobs] datetime_format = %Y%j %H:%M: the new agent has no equivalent",
			"  - [httpd-access] datetime_format = %d/%m/%Y %H:%M:%S: the converted format does not parse",
			"stop it (systemctl disable --now awslogsd), or every line is shipped twice.",
		}},
		{"ko", []string{
			"이 로그 5개는 awslogs 설정(/etc/awslogs/awslogs.conf)에서 가져왔습니다:",
			"  /var/log/secure: [/var/log/secure] 섹션 (/etc/awslogs/awslogs.conf:18), 로그 스트림 {hostname}",
			"awslogs 설정에서 그대로 옮기지 못한 항목:",
			"  - [shop-jobs] encoding = latin_1: cwsetup은 UTF-8만 보냅니다.",
			"이전 에이전트(awslogsd)가 아직 이 파일들을 보내고 있습니다.",
		}},
	} {
		code, out, errOut := runCLI(t, nil, "--lang", c.lang, "config", "--root", "testdata/roots/al2-awslogs", "--summary")
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", c.lang, code, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: summary lacks %q:\n%s", c.lang, w, out)
			}
		}
	}
	// A host without the old agent says nothing about it.
	_, out, _ := runCLI(t, nil, "config", "--root", "testdata/roots/al2", "--summary")
	if strings.Contains(out, "awslogs") {
		t.Errorf("awslogs mentioned on a host without it:\n%s", out)
	}
}
