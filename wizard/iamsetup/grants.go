package iamsetup

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// statement is one statement of any IAM policy document, read loosely:
// IAM accepts a string or a list wherever a list is allowed.
type statement struct {
	Effect                                   string
	Action, NotAction, Resource, NotResource []string
	Principal                                map[string][]string
	NotPrincipal                             bool
	Condition                                any
}

// parseDocument reads a policy document's statements.
func parseDocument(doc string) ([]statement, error) {
	var d struct {
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		return nil, err
	}
	var raw []map[string]any
	if err := json.Unmarshal(d.Statement, &raw); err != nil {
		var one map[string]any
		if err := json.Unmarshal(d.Statement, &one); err != nil {
			return nil, fmt.Errorf("no statements: %w", err)
		}
		raw = []map[string]any{one}
	}
	var out []statement
	for _, r := range raw {
		s := statement{Condition: r["Condition"]}
		s.Effect, _ = r["Effect"].(string)
		s.Action, s.NotAction = stringList(r["Action"]), stringList(r["NotAction"])
		s.Resource, s.NotResource = stringList(r["Resource"]), stringList(r["NotResource"])
		_, s.NotPrincipal = r["NotPrincipal"]
		switch p := r["Principal"].(type) {
		case string:
			s.Principal = map[string][]string{"*": {p}}
		case map[string]any:
			s.Principal = map[string][]string{}
			for k, v := range p {
				s.Principal[k] = stringList(v)
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// stringList reads a string-or-list value.
func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// Grant is one action on one resource that a policy allows.
type Grant struct {
	Action   string `json:"action"`
	Resource string `json:"resource"`
}

// maxGrants bounds the grants listed per policy: enough to show what a
// policy holds, not a wall of text.
const maxGrants = 8

// Beyond lists what the policy document doc allows that the policy ours
// (cwsetup's own) does not; nil when doc allows nothing more. Deny statements take nothing away from this
// judgement (they only narrow), an Allow with NotAction or NotResource is
// always beyond, and an unreadable document is beyond too.
func Beyond(ours, doc string) []Grant {
	mine, err := parseDocument(ours)
	if err != nil {
		return []Grant{{Action: "?", Resource: "?"}}
	}
	theirs, err := parseDocument(doc)
	if err != nil {
		return []Grant{{Action: "?", Resource: "?"}} // unreadable: assume the worst
	}
	var out []Grant
	add := func(action, resource string) {
		g := Grant{action, resource}
		if !slices.Contains(out, g) && len(out) < maxGrants {
			out = append(out, g)
		}
	}
	for _, s := range theirs {
		if !strings.EqualFold(s.Effect, "Allow") {
			continue
		}
		if len(s.NotAction) > 0 {
			add("NotAction "+join(s.NotAction), join(append(s.Resource, s.NotResource...)))
			continue
		}
		if len(s.NotResource) > 0 {
			add(join(s.Action), "NotResource "+join(s.NotResource))
			continue
		}
		for _, a := range s.Action {
			for _, r := range s.Resource {
				if !covered(mine, a, r, s.Condition) {
					add(a, r)
				}
			}
		}
	}
	return out
}

// covered reports whether one of cwsetup's statements allows action on
// resource under no more conditions than cond.
func covered(mine []statement, action, resource string, cond any) bool {
	for _, o := range mine {
		if o.Effect != "Allow" || o.Condition != nil && !reflect.DeepEqual(o.Condition, cond) {
			continue
		}
		if slices.ContainsFunc(o.Action, func(p string) bool { return glob(strings.ToLower(p), strings.ToLower(action)) }) &&
			slices.ContainsFunc(o.Resource, func(p string) bool { return glob(p, resource) }) {
			return true
		}
	}
	return false
}

// TrustedPrincipals lists the principals a trust policy lets assume the
// role, as "Service ec2.amazonaws.com", "AWS arn:aws:iam::…:root", "*".
// Foreign are those other than the EC2 service.
func TrustedPrincipals(trust string) (all, foreign []string) {
	ss, err := parseDocument(trust)
	if err != nil {
		return []string{"(unreadable trust policy)"}, []string{"(unreadable trust policy)"}
	}
	for _, s := range ss {
		if !strings.EqualFold(s.Effect, "Allow") {
			continue
		}
		if s.NotPrincipal {
			all, foreign = appendNew(all, "NotPrincipal"), appendNew(foreign, "NotPrincipal")
		}
		kinds := make([]string, 0, len(s.Principal))
		for k := range s.Principal {
			kinds = append(kinds, k)
		}
		slices.Sort(kinds)
		for _, k := range kinds {
			for _, v := range s.Principal[k] {
				p := k + " " + v
				if k == "*" {
					p = v
				}
				all = appendNew(all, p)
				if k != "Service" || v != TrustedService {
					foreign = appendNew(foreign, p)
				}
			}
		}
	}
	return all, foreign
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func join(ss []string) string {
	if len(ss) == 1 {
		return ss[0]
	}
	return "[" + strings.Join(ss, ", ") + "]"
}

// glob matches IAM's wildcards: * any run of characters, ? one.
func glob(pattern, s string) bool {
	px, sx := 0, 0
	star, mark := -1, 0
	for sx < len(s) {
		switch {
		case px < len(pattern) && (pattern[px] == '?' || pattern[px] == s[sx]):
			px++
			sx++
		case px < len(pattern) && pattern[px] == '*':
			star, mark = px, sx
			px++
		case star >= 0:
			px = star + 1
			mark++
			sx = mark
		default:
			return false
		}
	}
	for px < len(pattern) && pattern[px] == '*' {
		px++
	}
	return px == len(pattern)
}
