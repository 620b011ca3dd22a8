package render

import (
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines around each change.
const diffContext = 3

// maxDiffCells bounds the LCS table; larger inputs diff as one hunk.
const maxDiffCells = 16 << 20

// Diff returns a unified diff from the existing config to the new one, or
// "" when they are equal.
func Diff(old, new []byte) string {
	return DiffNamed("config.json (current)", "config.json (cwsetup)", old, new)
}

// DiffNamed returns a unified diff (as `diff -u` prints it, without
// timestamps) from old to new, or "" when they are equal. Names label the
// two sides.
func DiffNamed(oldName, newName string, old, new []byte) string {
	if string(old) == string(new) {
		return ""
	}
	a, b := splitLines(string(old)), splitLines(string(new))
	ops := lineOps(a, b)

	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldName, newName)
	// Group ops into hunks: runs of changes with up to 2*context equal lines between.
	i := 0
	for i < len(ops) {
		for i < len(ops) && ops[i].kind == ' ' {
			i++
		}
		if i == len(ops) {
			break
		}
		start := max(i-diffContext, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*diffContext {
				end = min(end+diffContext, len(ops))
				break
			}
			end = run
		}
		h := ops[start:end]
		aStart, bStart := h[0].a, h[0].b
		aLen, bLen := 0, 0
		for _, op := range h {
			if op.kind != '+' {
				aLen++
			}
			if op.kind != '-' {
				bLen++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
		for _, op := range h {
			sb.WriteByte(op.kind)
			sb.WriteString(op.text)
			sb.WriteByte('\n')
			if op.noEOL {
				sb.WriteString("\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return sb.String()
}

type lineOp struct {
	kind  byte // ' ', '-', '+'
	text  string
	a, b  int // 0-based line index in old/new where this op sits
	noEOL bool
}

type line struct {
	text  string
	noEOL bool
}

func splitLines(s string) []line {
	if s == "" {
		return nil
	}
	parts := strings.SplitAfter(s, "\n")
	var out []line
	for _, p := range parts {
		if p == "" {
			continue
		}
		if strings.HasSuffix(p, "\n") {
			out = append(out, line{text: p[:len(p)-1]})
		} else {
			out = append(out, line{text: p, noEOL: true})
		}
	}
	return out
}

// lineOps is an LCS edit script: deletions before insertions in each change.
func lineOps(a, b []line) []lineOp {
	n, m := len(a), len(b)
	if n*m > maxDiffCells {
		var ops []lineOp
		for i, l := range a {
			ops = append(ops, lineOp{kind: '-', text: l.text, a: i, b: 0, noEOL: l.noEOL})
		}
		for j, l := range b {
			ops = append(ops, lineOp{kind: '+', text: l.text, a: n, b: j, noEOL: l.noEOL})
		}
		return ops
	}
	// lcs[i][j] = LCS length of a[i:], b[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []lineOp
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, lineOp{kind: ' ', text: a[i].text, a: i, b: j, noEOL: a[i].noEOL})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, lineOp{kind: '-', text: a[i].text, a: i, b: j, noEOL: a[i].noEOL})
			i++
		default:
			ops = append(ops, lineOp{kind: '+', text: b[j].text, a: i, b: j, noEOL: b[j].noEOL})
			j++
		}
	}
	return ops
}

// hunkRange is diff -u's "start,len" (1-based; start is the line before
// when len is 0).
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
