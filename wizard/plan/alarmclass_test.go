package plan

import (
	"slices"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/i18n"
)

// TestAlarmedGroupNotInfrequent: Infrequent Access groups support no
// metric filters, so the auth log's group cannot be INFREQUENT_ACCESS while
// the alarms are on; other groups can.
func TestAlarmedGroupNotInfrequent(t *testing.T) {
	base := func() Answers {
		a := Defaults(rhelWeb(), RoleBase)
		a.Alarms.Enabled = true
		return a
	}
	a := base()
	if len(a.SecurityGroups()) != 1 {
		t.Fatalf("fixture has security groups %v", a.SecurityGroups())
	}
	auth := a.SecurityGroups()[0]
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}

	a.LogGroupClass = ClassInfrequent
	if got := problemKeys(a); !slices.Equal(got, []string{"iamsetup.ans.alarm_infrequent log_group_class"}) {
		t.Errorf("all groups IA: %v", got)
	}
	ko := i18n.New(i18n.KO).Error(a.Validate())
	if !strings.Contains(ko, auth) || !strings.Contains(ko, "지표 필터") || !strings.Contains(ko, "STANDARD") {
		t.Errorf("Korean message names neither the group nor the fix: %s", ko)
	}

	a = base()
	i := slices.IndexFunc(a.Logs, func(l LogSource) bool { return a.GroupName(l) == auth })
	a.Logs[i].Class = ClassInfrequent
	if got := problemKeys(a); len(got) != 1 || got[0] != "iamsetup.ans.alarm_infrequent logs["+string(rune('0'+i))+"].class" {
		t.Errorf("auth log IA: %v", got)
	}

	// Another log's group may be IA; the auth log's group STANDARD.
	a = base()
	a.LogGroupClass = ClassInfrequent
	a.Logs[i].Class = ClassStandard
	if err := a.Validate(); err != nil {
		t.Errorf("auth group STANDARD, rest IA: %v", err)
	}
	// Alarms off: IA everywhere is fine.
	a = base()
	a.Alarms.Enabled = false
	a.LogGroupClass = ClassInfrequent
	if err := a.Validate(); err != nil {
		t.Errorf("alarms off: %v", err)
	}
}
