//go:build gendocs

// The man command is only in builds with -tags gendocs (scripts/release
// uses it), so the release binary does not carry cobra/doc and its
// markdown renderer (about 0.7 MB).

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/cwsetup/cwsetup/i18n"
)

func init() { register(newManCmd) }

type manOptions struct {
	Dir string
}

// newManCmd is hidden: scripts/release runs it to put man pages (English,
// and Korean with --lang ko) into the archives and packages.
func newManCmd(g *globals, s *streams) *cobra.Command {
	o := &manOptions{}
	cmd := &cobra.Command{
		Use:    "man",
		Short:  g.p.T(i18n.ManShort),
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return manRun(cmd.Root(), g.p, o, s)
		},
	}
	cmd.Flags().StringVar(&o.Dir, "dir", "", g.p.T(i18n.ManFlagDir))
	return cmd
}

func manRun(root *cobra.Command, p i18n.Printer, o *manOptions, s *streams) error {
	root.DisableAutoGenTag = true
	v, _, d := buildInfo()
	header := doc.GenManHeader{Section: "1", Source: "cwsetup " + v, Manual: p.T(i18n.ManManual)}
	// The build date keeps pages reproducible; cobra falls back to
	// SOURCE_DATE_EPOCH, then to the current time.
	if t, err := time.Parse(time.RFC3339, d); err == nil {
		header.Date = &t
	}
	if o.Dir == "" {
		page, err := manPage(root, header, p)
		if err != nil {
			return i18n.Errorf(i18n.ErrWriteOut, err)
		}
		if _, err := s.Out.Write(page); err != nil {
			return i18n.Errorf(i18n.ErrWriteOut, err)
		}
		return nil
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return i18n.UsageErrorf(i18n.ErrManWrite, o.Dir, err)
	}
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		page, err := manPage(c, header, p)
		if err != nil {
			return err
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		if err := os.WriteFile(filepath.Join(o.Dir, name), page, 0o644); err != nil {
			return i18n.UsageErrorf(i18n.ErrManWrite, o.Dir, err)
		}
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
				if err := walk(sub); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return walk(root)
}

// manPage renders one command's page with the section headings in p's
// language (cobra/doc writes them in English).
func manPage(c *cobra.Command, header doc.GenManHeader, p i18n.Printer) ([]byte, error) {
	var buf bytes.Buffer
	if err := doc.GenMan(c, &header, &buf); err != nil {
		return nil, err
	}
	headings := map[string]i18n.Key{
		"NAME":                                   i18n.ManSecName,
		"SYNOPSIS":                               i18n.ManSecSynopsis,
		"DESCRIPTION":                            i18n.ManSecDescription,
		"OPTIONS":                                i18n.ManSecOptions,
		"OPTIONS INHERITED FROM PARENT COMMANDS": i18n.ManSecInherited,
		"EXAMPLE":                                i18n.ManSecExample,
		"SEE ALSO":                               i18n.ManSecSeeAlso,
	}
	lines := strings.SplitAfter(buf.String(), "\n")
	for i, l := range lines {
		// Ragged right: justifying Korean lines, which have few spaces, beside an
		// unbreakable default such as a URL makes troff warn "cannot adjust line".
		if strings.HasPrefix(l, ".TH ") {
			lines[i] = l + ".ad l\n"
			continue
		}
		title, ok := strings.CutPrefix(strings.TrimSuffix(l, "\n"), ".SH ")
		if k, known := headings[title]; ok && known {
			lines[i] = ".SH " + p.T(k) + "\n"
		}
	}
	return []byte(strings.Join(lines, "")), nil
}
