# Capstan: `make run` serves a working anchor on the devnet, `make test` runs every test. `make` lists the rest.
.DEFAULT_GOAL := help
SHELL := /bin/bash

SWIFT ?= swift
CONFIG_DIR ?= .capstan
CONFIG ?= $(CONFIG_DIR)/capstan.yaml
CAPSTAN := .build/debug/capstan
REFERENCE_SO := .build/debug/libCapstanReferencePlugin.so
# Release builds put every function in its own section, so the linker can drop the unused ones and lay out the
# start-up code (scripts/capstan.order.gz, from `make order`) first: an idle server keeps fewer pages of code.
ORDER := .build/capstan.order
# (-fdata-sections lets the linker drop the unused constants of the C targets too: SQLite, BoringSSL, libyaml.)
RELEASE_FLAGS := -c release -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections -Xcc -fdata-sections
# Only capstan links with lld (Package.swift); the plugin's linker does not know the option.
ORDER_FLAGS := -Xlinker --symbol-ordering-file=$(CURDIR)/$(ORDER) -Xlinker --no-warn-symbol-ordering

help:  # Show the targets.
	@grep -Eh '^[a-z-]+:.*#' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*# (.*)/  \1\t\2/' | expand -t 12

deps:  # Install what the build and tests need (apt: libsodium-dev, chromium, postgresql, wrk; pip: stellar-sdk, pytest), quietly, only when missing.
	@scripts/deps.sh

build: deps  # Debug build of the capstan binary.
	$(SWIFT) build --product capstan

plugins: deps  # Build the reference (Swift) and minimal (C) plugins into plugins.d/.
	$(SWIFT) build --product CapstanReferencePlugin
	@mkdir -p plugins.d
	cp -f $(REFERENCE_SO) plugins.d/libreference.so
	@$(MAKE) --no-print-directory -C Plugins/minimal-c OUT=$(CURDIR)/plugins.d

config: build  # Write a development config (devnet, fresh keys) to $(CONFIG) unless one exists.
	@test -f $(CONFIG) || $(CAPSTAN) init --dir $(CONFIG_DIR) --network devnet --home-domain localhost:8000

run: build plugins config  # The devnet on :8001 with SRT set up, and the anchor with every worker on http://127.0.0.1:8000.
	@CAPSTAN=$(CAPSTAN) CONFIG_DIR=$(CONFIG_DIR) CONFIG=$(CONFIG) scripts/dev.sh

demo: deps  # With `make run` serving: a stellar-sdk wallet deposits and withdraws SRT through SEP-24 and SEP-6.
	python3 scripts/demo.py

test: deps plugins  # Build and run every test: the Swift suites, then the Python interop suite.
	CAPSTAN_REFERENCE_PLUGIN=$(CURDIR)/plugins.d/libreference.so CAPSTAN_REQUIRE_REFERENCE_PLUGIN=1 $(SWIFT) test
	$(SWIFT) build --product capstan
	CAPSTAN_BIN=$(CURDIR)/$(CAPSTAN) python3 -m pytest -q -p no:cacheprovider Tests/Interop

release: deps $(ORDER)  # Release build of capstan (.build/release/) and of both plugins (.build/bench/plugins.d/).
	$(SWIFT) build $(RELEASE_FLAGS) $(ORDER_FLAGS) --product capstan
	$(SWIFT) build $(RELEASE_FLAGS) --product CapstanReferencePlugin
	@mkdir -p .build/bench/plugins.d
	cp -f .build/release/libCapstanReferencePlugin.so .build/bench/plugins.d/libreference.so
	@$(MAKE) --no-print-directory -C Plugins/minimal-c OUT=$(CURDIR)/.build/bench/plugins.d

# SwiftPM does not know the list is an input of the link, so a new list removes the binary to have it relinked.
$(ORDER): scripts/capstan.order.gz
	@mkdir -p $(dir $@)
	gunzip -c $< > $@.tmp && mv $@.tmp $@
	rm -f .build/release/capstan

order:  # After `make release`: re-profile the functions start-up runs into scripts/capstan.order.gz (perf; asks sudo).
	@test -x .build/release/capstan || { echo "run make release first"; exit 1; }
	$$([ "$$(id -u)" = 0 ] || echo sudo) python3 scripts/order.py --bin .build/release/capstan --plugins .build/bench/plugins.d

bench: release  # Release build, then requests/s, p99, idle RSS and start-up time on loopback.
	@scripts/bench.sh

vectors:  # Regenerate the StellarKit golden vectors with the Python stellar-sdk.
	python3 scripts/vectors/generate.py

clean:  # Remove build outputs (keeps $(CONFIG_DIR)).
	rm -rf .build plugins.d/*.so

.PHONY: help deps build plugins config run demo test release order bench vectors clean
