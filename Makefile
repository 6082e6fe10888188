# mckit: `make run` and `make test` are all a new machine needs; both install what is missing.
BUILD   ?= build
JOBS    ?= 2
CTEST_ARGS ?=

# Boost.JSON needs Boost >= 1.75: Debian 12's default libboost-dev is 1.74, so the 1.81 packages.
DEB_PACKAGES := g++ make cmake pkg-config ccache verilator yosys libsystemc-dev libcli11-dev \
                libboost1.81-dev libboost-json1.81-dev libgtest-dev zlib1g-dev
# The wave tests read the dumps back with GTKWave's fst2vcd (it needs no display).
TEST_PACKAGES := gtkwave
# Viewing waves, and docs/waves-screenshot.sh: GTKWave under a virtual X server, screenshots.
VIEW_PACKAGES := gtkwave xvfb xauth imagemagick

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MCKIT := $(BUILD)/sim/mckit

.PHONY: all deps deps-test deps-view build run test test-regress bench prefetch-eval lint synth \
        waves-screenshot clean

all: build

# Installs the Debian packages of $(1) that are missing; with all present it does nothing.
define install-missing
@missing=""; for p in $(1); do \
  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  echo "Installing:$$missing"; \
  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
fi
endef

deps:
	$(call install-missing,$(DEB_PACKAGES))

deps-test: deps
	$(call install-missing,$(TEST_PACKAGES))

deps-view:
	$(call install-missing,$(VIEW_PACKAGES))

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The flagship: LLaMA-2 7B decoding two tokens for a batch of 4 (512 tokens of context), one
# layer of it (int4 weights streamed, bf16 KV cache), on the RTL controller through SystemC.
run: build
	$(MCKIT) presets
	@echo
	$(MCKIT) check --preset ddr4-3200 docs/examples/ddr4-3200-read-write.log
	@echo
	$(MCKIT) run --preset ddr4-3200 --backend rtl --scheduler frfcfs-cap --workload llm-decode \
	  --model llama2-7b --batch 4 --context 512 --tokens 2 --layers 1 --dtype int4

# The whole suite but the long `regress` runs; `make test-regress` runs those.
test: deps-test build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE regress $(CTEST_ARGS)

test-regress: deps-test build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L regress $(CTEST_ARGS)

# Each measurement in its own process, so peak RSS is that run's (~5 min on 2 cores). Memory:
# over 4 MiB the store fills, so 1 M and 5 M requests must show the same RSS; over 4 GiB it
# grows with writes. `wrap` prices the SystemC top against the bare harness; bench_run.sh
# gives both backends' speed and memory through `mckit run`.
bench: build
	$(BUILD)/bench/bench_device
	$(BUILD)/bench/bench_rtl bandwidth
	$(BUILD)/bench/bench_rtl speed 1000000
	$(BUILD)/bench/bench_rtl memory 1000000 4
	$(BUILD)/bench/bench_rtl memory 5000000 4
	$(BUILD)/bench/bench_rtl memory 1000000 4096
	$(BUILD)/bench/bench_rtl wrap 1000000
	bench/bench_run.sh $(BUILD)/sim/mckit 1000000

# The table of docs/prefetchers.md: every AI workload x prefetcher on DDR4-3200 and HBM2.
prefetch-eval: build
	bench/prefetch_eval.sh $(MCKIT)

lint: deps
	sim/rtl_lint.sh

# Yosys synthesis of mc_top, then of each pf_* prefetcher, with the default parameters:
# cells and flops of each block.
synth: deps
	sim/rtl_synth.sh $(BUILD)/synth

# docs/images/waves.png: GTKWave's view of a short run, under a virtual X server.
waves-screenshot: deps-view build
	docs/waves-screenshot.sh $(MCKIT)

clean:
	rm -rf $(BUILD)
