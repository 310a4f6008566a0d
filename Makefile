# SPDX-License-Identifier: GPL-3.0-or-later
#
# A thin layer over meson so that a fresh Debian 12 or Ubuntu machine needs
# two commands: `make run` and `make check`. Both install what is missing
# first (see `deps`). Everything real lives in the meson.build files.

SHELL := /bin/bash

BUILDDIR ?= _build
ASANDIR  ?= _build-asan
ARGS     ?=

# CI turns warnings into errors.
ifeq ($(CI),true)
WERROR := -Dwerror=true
endif

# The Debian packages the build, the tests and the validators need.
DEBS := \
	meson ninja-build pkg-config gcc \
	libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev \
	libsqlite3-dev libpoppler-glib-dev libgnutls28-dev libjson-glib-dev \
	gettext desktop-file-utils appstream jq libxml2-utils valgrind \
	xvfb xauth dbus dbus-x11 at-spi2-core gir1.2-atspi-2.0 python3-gi \
	poppler-utils

# Installed without recommends: flatpak-builder only parses the manifest
# here, and its recommends would add desktop portals to the test session.
DEBS_NO_RECOMMENDS := flatpak-builder

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: all deps setup build run check bench update-po clean

all: build

# Installs only what dpkg says is missing; `apt-get update` only then.
deps:
	@missing=""; missing_nr=""; \
	for p in $(DEBS); do \
	  dpkg-query -W -f='$${db:Status-Abbrev}' "$$p" 2>/dev/null | grep -q '^ii' || missing="$$missing $$p"; \
	done; \
	for p in $(DEBS_NO_RECOMMENDS); do \
	  dpkg-query -W -f='$${db:Status-Abbrev}' "$$p" 2>/dev/null | grep -q '^ii' || missing_nr="$$missing_nr $$p"; \
	done; \
	if [ -n "$$missing$$missing_nr" ]; then \
	  echo "Installing:$$missing$$missing_nr"; \
	  $(SUDO) apt-get update -q && \
	  { [ -z "$$missing" ] || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; } && \
	  { [ -z "$$missing_nr" ] || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing_nr; }; \
	fi

# $(call meson_setup,DIR,OPTIONS): configures DIR once; later runs only
# turn -Dwerror on when CI asks for it.
meson_setup = { [ -f $(1)/meson-private/coredata.dat ] || meson setup $(1) $(2) $(WERROR); } && \
	{ [ -z "$(WERROR)" ] || meson configure $(1) $(WERROR); }

ASAN_OPTIONS_MESON := -Dui=false -Db_sanitize=address,undefined -Db_lundef=false

setup: deps
	@$(call meson_setup,$(BUILDDIR),)

build: setup
	meson compile -C $(BUILDDIR)

# The settings schema is compiled into $(BUILDDIR)/data; the UI resources
# are compiled into the binary.
run: build
	GSETTINGS_SCHEMA_DIR=$(abspath $(BUILDDIR))/data $(BUILDDIR)/ui/steward $(ARGS)

bench: build
	$(BUILDDIR)/tests/bench-workspace $(ARGS)

# Everything under Xvfb with its own session bus (dbus-run-session inside
# xvfb-run, so portals and AT-SPI see the display), then the core tests
# under valgrind (it sees freed memory used inside GLib, which is not
# instrumented for ASan), then the core tests again with AddressSanitizer
# and UBSan. Ends with one line "N passed, N failed" counted from the three
# runs' test logs; a build that does not compile counts as one failure.
check: deps
	@status=0; broken=0; \
	logs="$(BUILDDIR)/meson-logs/testlog.json $(BUILDDIR)/meson-logs/testlog-valgrind.json $(ASANDIR)/meson-logs/testlog.json"; \
	rm -f $$logs; \
	if $(call meson_setup,$(BUILDDIR),) && meson compile -C $(BUILDDIR); then \
	  GSETTINGS_SCHEMA_DIR=$(abspath $(BUILDDIR))/data \
	  $(XVFB) dbus-run-session -- meson test -C $(BUILDDIR) --print-errorlogs || status=1; \
	  meson test -C $(BUILDDIR) --setup valgrind --suite core --print-errorlogs || status=1; \
	else \
	  echo "check: the build in $(BUILDDIR) failed" >&2; broken=$$((broken + 1)); status=1; \
	fi; \
	if $(call meson_setup,$(ASANDIR),$(ASAN_OPTIONS_MESON)) && meson compile -C $(ASANDIR); then \
	  meson test -C $(ASANDIR) --suite core --print-errorlogs || status=1; \
	else \
	  echo "check: the sanitizer build in $(ASANDIR) failed" >&2; broken=$$((broken + 1)); status=1; \
	fi; \
	counts=$$(cat $$logs 2>/dev/null \
	  | jq -rs '[.[].result] as $$r | "\($$r | map(select(. == "OK" or . == "EXPECTEDFAIL")) | length) \($$r | map(select(. == "SKIP")) | length) \($$r | map(select(. != "OK" and . != "EXPECTEDFAIL" and . != "SKIP")) | length)"'); \
	read -r passed skipped failed <<< "$${counts:-0 0 0}"; \
	failed=$$((failed + broken)); \
	if [ $$status -ne 0 ] && [ $$failed -eq 0 ]; then failed=1; fi; \
	if [ $$failed -ne 0 ]; then status=1; fi; \
	[ $$skipped -eq 0 ] || echo "($$skipped skipped)"; \
	echo "$$passed passed, $$failed failed"; \
	exit $$status

update-po: setup
	meson compile -C $(BUILDDIR) steward-pot steward-update-po

clean:
	rm -rf $(BUILDDIR) $(ASANDIR)
