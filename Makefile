# Capstan — `make help` lists the targets.
SHELL := /bin/bash
SWIFT ?= swift
BUILD_DIR := .build
CAPSTAN := $(BUILD_DIR)/debug/capstan
CONFIG ?= config/capstan.yaml

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

deps: ## Install the system packages Capstan needs (apt, as root)
	@scripts/install-deps.sh

build: deps ## Build the capstan binary (debug)
	$(SWIFT) build --product capstan

run: build ## Build and run the service on sample-repo with the simulated cluster
	@scripts/run.sh $(CONFIG)

test: ## Run every test (unit, integration with real git, SQLite, HTTP and a private Docker daemon)
	@scripts/install-deps.sh --test
	$(SWIFT) build --build-tests
	@# The service proxy's tests (they time connects, and free ephemeral ports to bind them again, which any other
	@# test's outgoing connection can take meanwhile) and the tests of real containers run after the rest, each
	@# on their own: on 2 cores, everything at once made timing-bounded tests of all three flaky.
	@SWIFT=$(SWIFT) scripts/with-test-dockerd.sh scripts/test-passes.sh

test-one: ## Run tests matching NAME, e.g. make test-one NAME=PruneTests
	@scripts/with-test-dockerd.sh $(SWIFT) test --filter '$(NAME)'

bench: ## Run the benchmarks and write docs/benchmarks.md
	@scripts/install-deps.sh --bench
	@scripts/bench.sh

format: ## Format the sources with swift-format
	$(SWIFT) format --in-place --recursive Sources Tests

clean: ## Remove build output and the local run state
	rm -rf $(BUILD_DIR) .run

.PHONY: help deps build run test test-one bench format clean
