// Command cwsetup takes a Linux EC2 instance from "logs only on local disk"
// to "logs and metrics in CloudWatch with a least-privilege role".
// This file only wires: parse, build dependencies, run.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], newStreams()))
}
