# cwsetup — see README.md. `make run` builds and starts the wizard,
# `make test` runs the whole test suite (what CI runs).
GO       ?= go
BIN      ?= bin/cwsetup
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT   ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
DATE     ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS  := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)

.PHONY: build run test bench fmt vet
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) .

run: build
	./$(BIN) $(ARGS)

test:
	./scripts/test

bench:
	./scripts/bench

fmt:
	gofmt -w .

vet:
	$(GO) vet ./...
