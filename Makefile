# Scaleplan. Two commands matter: `make run` and `make test`.
# Both install what is missing on Debian/Ubuntu first (as root, or with sudo).

GO       ?= go
APT_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev \
            wayland-protocols xvfb xauth xdotool x11-utils imagemagick \
            libreoffice-calc-nogui gnumeric poppler-utils fonts-dejavu-core fonts-crosextra-carlito
MINGW_PKG := gcc-mingw-w64-x86-64
MINGW_CC  := x86_64-w64-mingw32-gcc
export LANG := en_US.UTF-8
# no_emoji leaves out Fyne's bundled colour-emoji font (4 MB, parsed again
# for every text style in use: about 5 MB of resident memory at start-up).
# Emoji in names and notes are drawn with the system's emoji font instead,
# where there is one. GOFLAGS reaches every go command below, and the fyne
# tool's builds too, except where it sets tags of its own (fyne package
# --release adds "release", which replaces these: package-windows passes
# --tags no_emoji itself).
export GOFLAGS += -tags=no_emoji

.PHONY: all deps build cli run test vet unit e2e startup bench fuzz package package-windows docs clean

all: build

## deps: install the Debian packages the build and tests need, if missing
deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi

## cli: the headless command (no cgo)
cli:
	CGO_ENABLED=0 $(GO) build -o scaleplan-cli ./cmd/scaleplan-cli

## build: the desktop app and the CLI
build: deps cli
	$(GO) build -o scaleplan ./cmd/scaleplan

## run: open the desktop app with the sample plan (untitled: saving asks where,
## so the repository's assets/sample.scaleplan is never overwritten)
run: deps
	$(GO) run ./cmd/scaleplan

## test: vet and every test (unit, workbook recalculation, end to end)
test: deps vet unit e2e

## vet: gofmt, a tidy go.mod (go mod tidy -diff is empty) and go vet
vet:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
		if [ -n "$$bad" ]; then echo "not gofmt-formatted: $$bad"; exit 1; fi
	@$(GO) mod tidy -diff >/dev/null || { echo "go.mod/go.sum are not tidy (go mod tidy -diff):"; $(GO) mod tidy -diff; exit 1; }
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

## e2e: the real desktop binary under Xvfb (open, title, screenshot, Ctrl+S, Ctrl+Q, crash recovery)
e2e: deps
	$(GO) build -o scaleplan ./cmd/scaleplan
	ui/e2e/e2e.sh ./scaleplan

## startup: start-up time and resident memory against a minimal Fyne window
## (one label, ui/e2e/minimal) under Xvfb, medians of 5 (RUNS=9 make startup for more)
startup: deps
	$(GO) build -o scaleplan ./cmd/scaleplan
	$(GO) build -o minimal ./ui/e2e/minimal
	ui/e2e/startup.sh ./scaleplan ./minimal

## package: a Linux desktop bundle (Scaleplan.tar.xz) made with the fyne tool
package: deps
	$(GO) build -o scaleplan ./cmd/scaleplan
	cp FyneApp.toml .FyneApp.toml.keep  # the fyne tool rewrites it (bumps Build)
	$(GO) tool fyne package --os linux --exe scaleplan --icon assets/icon.png; \
		rc=$$?; mv .FyneApp.toml.keep FyneApp.toml; exit $$rc

## package-windows: a Windows build (Scaleplan.exe, icon and version inside),
## cross-compiled with mingw-w64 (installed first if missing); not part of make test.
## The fyne tool (built for this machine into build/) compiles in the main package's
## folder, so FyneApp.toml is copied there (icon path adjusted) and removed afterwards.
package-windows:
	@command -v $(MINGW_CC) >/dev/null || { \
		echo "installing: $(MINGW_PKG)"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $(MINGW_PKG) >/dev/null; }
	$(GO) build -o build/fyne fyne.io/tools/cmd/fyne  # for this machine, not for Windows
	sed 's|^\( *Icon = "\)|\1../../|' FyneApp.toml > cmd/scaleplan/FyneApp.toml
	cd cmd/scaleplan && CC=$(MINGW_CC) GOOS=windows GOARCH=amd64 ../../build/fyne package --os windows --release --tags no_emoji; \
		rc=$$?; rm -f FyneApp.toml; [ $$rc = 0 ] && mv Scaleplan.exe ../../Scaleplan.exe; exit $$rc
	@file Scaleplan.exe

## bench: the benchmarks quoted in the README
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: one minute per fuzz target
fuzz:
	$(GO) test ./scenario -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime 60s
	$(GO) test ./scenario -run '^$$' -fuzz '^FuzzParseNumber$$' -fuzztime 60s

## docs: copy the user guide into the embedded assets
docs:
	cp docs/MODELS.md assets/MODELS.md

clean:
	rm -f scaleplan scaleplan-cli minimal Scaleplan.exe Scaleplan.tar.xz
