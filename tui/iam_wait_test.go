package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/cwsetup/cwsetup/app"
	"github.com/cwsetup/cwsetup/i18n"
	"github.com/cwsetup/cwsetup/wizard/agent"
	"github.com/cwsetup/cwsetup/wizard/plan"
)

// TestIAMConsoleWaitsForRole: the console path stays on the steps and
// asks IMDS again on Enter; once the role is attached it says so by name
// and goes on to the review.
func TestIAMConsoleWaitsForRole(t *testing.T) {
	s := session(i18n.EN)
	s.StartAt = screenIAM
	none := s.IAM
	calls := 0
	s.IAM = func(ctx context.Context, a plan.Answers) (IAMState, error) {
		calls++
		if calls >= 3 {
			return IAMState{Role: "cwsetup-cloudwatch-agent"}, nil
		}
		return none(ctx, a)
	}
	tm := start(t, s, 80, 24)
	waitFor(t, tm, "How do you want to attach the role?")
	press(tm, "enter") // the console steps
	waitFor(t, tm, "IMDS checks so far: 1")
	waitFor(t, tm, "The role is not attached yet")
	press(tm, "enter") // check again: still none
	// Only changed cells are drawn: the count's digit and what follows.
	waitFor(t, tm, "2)")
	press(tm, "enter") // check again: attached
	waitFor(t, tm, "Role cwsetup-cloudwatch-agent is attached")
	press(tm, "enter")
	waitFor(t, tm, "Looks right?")
	tm.Quit()
	m := final(t, tm)
	if calls != 3 || m.sess.iamChecks != 3 {
		t.Errorf("IMDS asked %d times, the screen counted %d; want 3", calls, m.sess.iamChecks)
	}
	if m.sess.roleMissing() || m.sess.iamWithout {
		t.Errorf("role missing %v, went on without %v after the role was found", m.sess.roleMissing(), m.sess.iamWithout)
	}
}

// TestVerifyNamesMissingRole: after going on without a role, a failed
// verify names the role first; with a role it does not.
func TestVerifyNamesMissingRole(t *testing.T) {
	p := i18n.New(i18n.EN)
	for _, role := range []string{"", "cwsetup-cloudwatch-agent"} {
		s := session(i18n.EN)
		m := newModel(s)
		s.iamDone, s.iam.Role, s.iamWithout = true, role, role == ""
		s.applyDone, s.verifyStarted, s.verifyDone = true, true, true
		s.verifyRes = &app.Verified{VerifyResult: &agent.VerifyResult{Checks: []agent.Check{{Status: agent.Fail, Msg: i18n.Errorf(i18n.TUIVerifyFailed)}}}}
		body := ""
		for _, sc := range m.screens {
			if sc.id == screenVerify {
				body = sc.body(m, 78)
			}
		}
		got := strings.Contains(strings.Join(strings.Fields(body), " "), strings.Join(strings.Fields(p.T(i18n.TUIVerifyNoRole)), " ")[:40])
		if got != (role == "") {
			t.Errorf("role %q: the missing role named %v:\n%s", role, got, body)
		}
	}
}

// TestRoleHelpFollowsCursor: the server type's help is the highlighted
// type's, not the suggested one's.
func TestRoleHelpFollowsCursor(t *testing.T) {
	s := session(i18n.EN)
	s.StartAt = screenRole
	p := i18n.New(i18n.EN)
	at := -1
	for i, pr := range plan.Presets {
		if pr.Role == s.Answers.Role {
			at = i
		}
	}
	if at < 0 || at+1 >= len(plan.Presets) {
		t.Fatalf("the suggested type %s has no next preset", s.Answers.Role)
	}
	next := plan.Presets[at+1].Role
	tm := start(t, s, 120, 40)
	waitFor(t, tm, p.T(roleKeys[s.Answers.Role][1])[:30])
	press(tm, "down")
	waitFor(t, tm, "> "+string(next))
	tm.Quit()
	// Only changed cells are drawn: read the whole screen of the end.
	if got := screenText(final(t, tm)); !strings.Contains(got, p.T(roleKeys[next][1])[:30]) {
		t.Errorf("the help does not follow the cursor to %s:\n%s", next, got)
	}
}

// TestAccessibleHostNoEnds: line mode asks "continue with this host?"
// and 아니요 ends the wizard there, nothing changed; 네 goes on.
func TestAccessibleHostNoEnds(t *testing.T) {
	s := session(i18n.KO)
	s.Apply, s.Verify, s.Sizing, s.IAM, s.Review = nil, nil, nil, nil, nil
	r, out := runAccessibleLines(t, s, "", "아니요")
	if r.Outcome != Aborted || strings.Contains(out, "전송할 로그") {
		t.Fatalf("after 아니요 at the host: %+v; output:\n%s", r, out)
	}
	s = session(i18n.KO)
	s.Apply, s.Verify, s.Sizing, s.IAM, s.Review = nil, nil, nil, nil, nil
	_, out = runAccessibleLines(t, s, "", "네")
	if !strings.Contains(out, "전송할 로그") {
		t.Fatalf("네 at the host did not go on:\n%s", out)
	}
}
