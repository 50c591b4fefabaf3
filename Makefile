# nnviz — the README's two set-up commands are `make demo` and `make test`.
# Every system package the build needs is installed here (as root, only when missing), never by hand.

SWIFT   ?= swift
APT_PKGS = libcairo2-dev zlib1g-dev libgif-dev libhdf5-dev fonts-dejavu-core pkg-config poppler-utils locales
RELEASE  = .build/release/nnviz
# Static Swift runtime and Foundation: an ~80 MB binary that starts in ~9 ms of CPU instead of ~15 (no dynamic
# symbol lookups across the Swift libraries), which is what `nnviz summary` in a watch script feels.
RELEASE_FLAGS = -c release --static-swift-stdlib $(CPU_FLAGS)
# Release builds use the vector unit of an x86-64 machine from Haswell (2013) on when this one has it (AVX2, FMA,
# BMI2, MOVBE): the grid and batch kernels (SIMD8<Double>) then run about 1.5-2x faster than on the SSE2 baseline,
# with the same bits (Swift never fuses a multiply and an add). `make release CPU_FLAGS=` builds for any x86-64.
CPU_FLAGS ?= $(shell [ "$$(uname -m)" = x86_64 ] && for f in avx2 fma bmi2 movbe; do grep -qw $$f /proc/cpuinfo || exit 1; done \
	2>/dev/null && echo "-Xswiftc -target-cpu -Xswiftc haswell")
PYTHON  ?= python3

.PHONY: all deps build release test check-long example demo gallery lesson bench bench-readme bench-scaling fixtures templates clean

all: build

deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@# The locale test needs a decimal-comma locale that really exists.
	@locale -a 2>/dev/null | grep -qx 'de_DE.utf8' || { echo "generating locale de_DE.UTF-8"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; $$SUDO localedef -i de_DE -f UTF-8 de_DE.UTF-8; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product nnviz

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory example

# Property tests at full size: the decimal reader against Double(String) on 5 million seeded random decimals
# (make test tries 200,000), in a release build of the tests.
check-long: deps
	NNVIZ_DECIMAL_CASES=5000000 $(SWIFT) test -c release --filter DecimalTextTests

# The example package (Examples/render-xor) depends on this checkout by path, as an outside package would, and
# renders XOR through the public API; it must build and write a real PNG.
example: deps
	$(SWIFT) build --package-path Examples/render-xor
	@out=$$(mktemp -d) && cd $$out && $(CURDIR)/Examples/render-xor/.build/debug/render-xor \
		&& head -c 8 xor-regions.png | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' \
		&& echo "example: render-xor wrote a PNG" && rm -rf $$out

# The README's first command: a finished report for the XOR network with its truth table overlaid.
demo: release
	$(RELEASE) report xor --data xor
	@echo "Report: output/xor/index.html (open it in a browser; report.md and every figure are beside it)"

# The README's figures, rendered by nnviz itself into output/gallery/ (the one tracked part of output/).
GALLERY = output/gallery
gallery: release
	@mkdir -p $(GALLERY)
	$(RELEASE) diagram tiny-net --sample 0.6,0.1,0.9,0.4 --scale 2 -o $(GALLERY)/diagram-tiny-net.png
	$(RELEASE) diagram xor --scale 2 -o $(GALLERY)/diagram-xor.png
	$(RELEASE) diagram iris --random 1 --theme dark --scale 2 -o $(GALLERY)/diagram-iris-dark.png
	$(RELEASE) diagram mlp-784 -o $(GALLERY)/diagram-mlp-784.png
	$(RELEASE) diagram mlp-784 --all -o $(GALLERY)/diagram-mlp-784-all.png
	$(RELEASE) heatmap xor --sample 0,0 --sample 0,1 --sample 1,0 --sample 1,1 --scale 2 -o $(GALLERY)/heatmap-xor.png
	$(RELEASE) heatmap iris --random 32 --sort --scale 2 -o $(GALLERY)/heatmap-iris.png
	$(RELEASE) heatmap iris --hinton --scale 2 -o $(GALLERY)/heatmap-iris-hinton.png
	$(RELEASE) regions xor --data xor --neurons --scale 2 -o $(GALLERY)/regions-xor.png
	$(RELEASE) regions xor-sigmoid --data xor:200 --neurons --theme dark --scale 2 -o $(GALLERY)/regions-xor-sigmoid-dark.png
	$(RELEASE) regions iris --axes 3,4 --x-range 0:7 --y-range 0:2.6 --slice 5.8,3.0 --scale 2 -o $(GALLERY)/regions-iris.png
	@# Sizes course material needs: a 16:9 slide, and a half-column print figure (85 mm wide, 9 pt text, 288 dpi).
	$(RELEASE) regions xor --data xor --neurons --width 1280 --height 720 -o $(GALLERY)/regions-xor-slide.png
	$(RELEASE) diagram xor --sample 1,0 --width 85mm --scale 4 -o $(GALLERY)/diagram-xor-85mm.png
	@# The XOR story of training: 2-4-1 learns it, 2-1 (no hidden layer) cannot.
	@rm -rf output/train-xor output/train-xor-linear
	$(RELEASE) train xor-train --data xor --lr 1 --epochs 3000 -o output/train-xor.json --figures output/train-xor --quiet
	$(RELEASE) train xor-linear --data xor --lr 1 --epochs 3000 -o output/train-xor-linear.json --figures output/train-xor-linear --quiet
	cp output/train-xor/filmstrip.png $(GALLERY)/train-xor-filmstrip.png
	cp output/train-xor/loss.png $(GALLERY)/train-xor-loss.png
	cp output/train-xor/weights.png $(GALLERY)/train-xor-weights.png
	cp output/train-xor/training.gif $(GALLERY)/train-xor.gif
	cp output/train-xor-linear/filmstrip.png $(GALLERY)/train-xor-linear-filmstrip.png
	cp output/train-xor-linear/loss.png $(GALLERY)/train-xor-linear-loss.png
	@# Teaching figures: one neuron at work, activation curves, networks compared, the print palette.
	$(RELEASE) neuron neuron --sample 0.5,0.9,0.1 --scale 2 -o $(GALLERY)/neuron.png
	$(RELEASE) activations --derivatives --scale 2 -o $(GALLERY)/activations.png
	$(RELEASE) activations --from tiny-net --sample 0.6,0.1,0.9,0.4 --scale 2 -o $(GALLERY)/activations-tiny-net.png
	$(RELEASE) compare xor xor-no-activation --data xor --scale 2 -o $(GALLERY)/compare-xor.png
	$(RELEASE) compare xor-linear xor-sigmoid --data xor:200 --scale 2 -o $(GALLERY)/compare-xor-sigmoid.png
	$(RELEASE) diagram xor --palette print --scale 2 -o $(GALLERY)/diagram-xor-print.png
	$(RELEASE) compare xor xor-no-activation --data xor --neurons --scale 2 -o $(GALLERY)/compare-xor-neurons.png
	$(RELEASE) compare spirals-wide spirals-deep --data spirals --scale 2 -o $(GALLERY)/compare-spirals.png
	$(RELEASE) compare spirals-wide spirals-deep --data spirals --neurons --scale 2 -o $(GALLERY)/compare-spirals-neurons.png
	$(RELEASE) regions xor-sigmoid --data xor:200 --palette print --scale 2 -o $(GALLERY)/regions-xor-print.png
	@# The seed lesson built, so the README can link the page (its cache is not tracked).
	$(RELEASE) md Examples/lesson/lesson.md -o $(GALLERY)/lesson

# The seed lesson as Markdown with nnviz blocks, rendered into output/lesson/lesson.md and its images.
lesson: release
	$(RELEASE) md Examples/lesson/lesson.md -o output/lesson

# Times nnviz against NumPy + matplotlib peers and a plain-Cairo reference (issue 5); results in output/bench/.
# matplotlib is installed with pip only when missing; without it the peers are skipped (no ratios).
# Extra options for the bench tool: make bench BENCH_ARGS="--only diagram-png,regions --runs 3".
bench: deps
	@$(PYTHON) -c "import matplotlib" 2>/dev/null || $(PYTHON) -m pip install --quiet matplotlib \
		|| echo "matplotlib could not be installed: the peers will be skipped"
	$(SWIFT) build $(RELEASE_FLAGS) --product nnviz
	$(SWIFT) build $(RELEASE_FLAGS) --product NNVizBench
	.build/release/NNVizBench --nnviz $(RELEASE) \
		--python "$$($(PYTHON) -c 'import sys; print(sys.executable)' 2>/dev/null || echo python3)" \
		--label "$$(git describe --always --dirty 2>/dev/null)" $(BENCH_ARGS)

# The whole bench (on a quiet machine), then its table (output/bench/README-table.md) spliced into README.md's
# Performance section between the bench-table markers. `make bench BENCH_ARGS="--only …"` alone updates those rows
# of README-table.md and keeps the others from the previous run, marked with their run.
bench-readme: bench
	.build/release/NNVizBench --output output/bench --splice-readme README.md

# How each cost grows (README "Scale"): a few sizes of each figure and of training with the release binary, a
# linear fit per cost and each limit's largest input; writes output/bench/scaling.md.
bench-scaling: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product nnviz
	$(SWIFT) build $(RELEASE_FLAGS) --product NNVizBench
	.build/release/NNVizBench --nnviz $(RELEASE) --scaling $(BENCH_ARGS)

# Regenerates the NumPy fixtures the tests compare against (needs python3 with numpy).
fixtures:
	python3 Tests/NNVizEngineTests/Fixtures/make_fixtures.py
	python3 Tests/NNVizEngineTests/Fixtures/make_datasets.py
	python3 Tests/NNVizEngineTests/Fixtures/make_training.py

clean:
	rm -rf .build

# Re-embeds templates/ into Sources/NNVizReport/DefaultTemplates.swift (a test checks they agree).
templates:
	python3 scripts/embed_templates.py
