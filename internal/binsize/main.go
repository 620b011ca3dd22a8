// Command binsize shows where the bytes of a Go binary go: the sizes of its
// code and data symbols that occupy the file (not .bss), summed by package.
// It needs an unstripped build; scripts/bench runs it when the release
// binary is over budget.
//
//	go run ./internal/binsize -top 6 ./cwsetup-unstripped
package main

import (
	"debug/elf"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	top := flag.Int("top", 8, "packages to list")
	byModule := flag.Bool("modules", false, "sum by module (the AWS SDK, charm, x/text, the standard library) instead of by package")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: binsize [-top N] unstripped-binary")
		os.Exit(2)
	}
	f, err := elf.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "binsize:", err)
		os.Exit(1)
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		fmt.Fprintln(os.Stderr, "binsize: no symbols (stripped binary?):", err)
		os.Exit(1)
	}
	byPkg := map[string]uint64{}
	var total uint64
	for _, s := range syms {
		if int(s.Section) <= 0 || int(s.Section) >= len(f.Sections) {
			continue
		}
		if f.Sections[s.Section].Type == elf.SHT_NOBITS { // .bss, .noptrbss: not in the file
			continue
		}
		key := packageOf(s.Name)
		if *byModule {
			key = moduleOf(key)
		}
		byPkg[key] += s.Size
		total += s.Size
	}
	type row struct {
		pkg  string
		size uint64
	}
	var rows []row
	for p, n := range byPkg {
		rows = append(rows, row{p, n})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].size > rows[j].size })
	st, err := os.Stat(flag.Arg(0))
	if err == nil {
		fmt.Printf("symbols: %.2f MiB of the %.2f MiB file (the rest: pcln tables, strings, debug info)\n",
			float64(total)/(1<<20), float64(st.Size())/(1<<20))
	}
	for i, r := range rows {
		if i == *top {
			break
		}
		fmt.Printf("%7.2f MiB  %4.1f%%  %s\n", float64(r.size)/(1<<20), 100*float64(r.size)/float64(total), r.pkg)
	}
}

// moduleOf groups a package path by where it comes from: the standard
// library, this module, or the first path elements of a dependency
// ("github.com/aws/aws-sdk-go-v2/service/iam" → "github.com/aws/aws-sdk-go-v2").
func moduleOf(pkg string) string {
	if strings.HasPrefix(pkg, "(") {
		return pkg
	}
	parts := strings.Split(pkg, "/")
	switch {
	case !strings.Contains(parts[0], "."):
		return "(standard library)"
	case parts[0] == "github.com" || parts[0] == "golang.org":
		return strings.Join(parts[:min(3, len(parts))], "/")
	}
	return strings.Join(parts[:min(2, len(parts))], "/")
}

// packageOf maps a Go symbol name to its package path:
// "github.com/a/b.(*T).M" → "github.com/a/b", "type:*x" → "(type descriptors)".
func packageOf(sym string) string {
	switch {
	case strings.HasPrefix(sym, "type:"):
		return "(type descriptors)"
	case strings.HasPrefix(sym, "go:"):
		return "(runtime tables)"
	}
	if i := strings.IndexAny(sym, "(["); i >= 0 {
		sym = sym[:i]
	}
	slash := strings.LastIndex(sym, "/")
	if dot := strings.Index(sym[slash+1:], "."); dot >= 0 {
		return sym[:slash+1+dot]
	}
	return sym
}
