# nnviz — the README's two set-up commands are `make demo` and `make test`.
# Every system package the build needs is installed here (as root, only when missing), never by hand.

SWIFT   ?= swift
APT_PKGS = libcairo2-dev fonts-dejavu-core pkg-config
RELEASE  = .build/release/nnviz

.PHONY: all deps build release test demo gallery bench fixtures templates clean

all: build

deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product nnviz

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: release
	$(RELEASE) summary tiny-net
	$(RELEASE) forward tiny-net --sample 0.6,0.1,0.9,0.4

# Regenerates the NumPy fixtures the tests compare against (needs python3 with numpy).
fixtures:
	python3 Tests/NNVizEngineTests/Fixtures/make_fixtures.py
	python3 Tests/NNVizEngineTests/Fixtures/make_datasets.py

clean:
	rm -rf .build

# Re-embeds templates/ into Sources/NNVizReport/DefaultTemplates.swift (a test checks they agree).
templates:
	python3 scripts/embed_templates.py
