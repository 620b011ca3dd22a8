// Command refreshprices rebuilds wizard/sizing/catalog.json from an AWS
// Price List offer file (AmazonEC2, one region, CSV). It is run by
// scripts/refresh-prices, which downloads the file; it never touches the
// network itself. Usage:
//
//	go run ./wizard/sizing/internal/refreshprices -csv index.csv -region ap-northeast-2 -out wizard/sizing/catalog.json
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/cwsetup/cwsetup/wizard/sizing"
)

func main() {
	csvPath := flag.String("csv", "", "AmazonEC2 regional offer file (index.csv)")
	region := flag.String("region", "ap-northeast-2", "region code the file is for")
	out := flag.String("out", "wizard/sizing/catalog.json", "catalog to read the type list from and to rewrite")
	flag.Parse()
	if err := run(*csvPath, *region, *out); err != nil {
		fmt.Fprintln(os.Stderr, "refreshprices:", err)
		os.Exit(1)
	}
}

func run(csvPath, region, out string) error {
	if csvPath == "" {
		return fmt.Errorf("-csv is required")
	}
	old, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	base, err := sizing.ParseCatalog(old)
	if err != nil {
		return err
	}
	f, err := os.Open(csvPath)
	if err != nil {
		return err
	}
	defer f.Close()
	c, err := Convert(f, region, base)
	if err != nil {
		return err
	}
	b, err := Marshal(c)
	if err != nil {
		return err
	}
	if _, err := sizing.ParseCatalog(b); err != nil {
		return fmt.Errorf("result does not load: %w", err)
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}
