# mckit: `make run` and `make test` are all a new machine needs; both install what is missing.
JOBS    ?= 2
CTEST_ARGS ?=
# `make test SANITIZE=1`: the suite built with ASan and UBSan in its own directory, less the
# RTL's lint and synthesis runs (Verilator and Yosys, not C++) and the AI workloads at their
# default sizes (a third of the sanitized suite's time; their code runs there at small sizes).
ifeq ($(SANITIZE),1)
BUILD   ?= build-san
CMAKE_OPTIONS := -DMCKIT_SANITIZE=ON
SUITE   := -E '^(rtl_(lint|synth)|Workloads/AiDefault\..*)$$'
export UBSAN_OPTIONS := print_stacktrace=1
endif
BUILD   ?= build
# `make fuzz FUZZ_SECONDS=N`: each libFuzzer target for N seconds (docs/testing.md), built
# with clang in its own directory. Over FUZZ_TIMEOUT seconds for one input, or FUZZ_RSS_MB of
# memory, is a finding too.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB  ?= 2048

# Boost.JSON needs Boost >= 1.75: Debian 12's default libboost-dev is 1.74, so the 1.81 packages.
DEB_PACKAGES := g++ make cmake pkg-config ccache python3 verilator yosys libsystemc-dev libcli11-dev \
                libboost1.81-dev libboost-json1.81-dev libgtest-dev zlib1g-dev
# What the tests need beyond the build: GTKWave's fst2vcd, with which the wave tests read the
# dumps back (it needs no display); clang and its fuzzer runtime for `make fuzz`, llvm for
# symbolized sanitizer reports (g++ brings ASan and UBSan for SANITIZE=1).
TEST_PACKAGES := gtkwave clang libclang-rt-14-dev llvm
# Viewing waves, and docs/waves-screenshot.sh: GTKWave under a virtual X server, screenshots.
VIEW_PACKAGES := gtkwave xvfb xauth imagemagick

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MCKIT := $(BUILD)/sim/mckit

.PHONY: all deps deps-test deps-view build run test test-regress fuzz bench mutate prefetch-eval \
        lint synth waves-screenshot clean

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
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_OPTIONS)

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

# The whole suite but the long `regress` runs; `make test-regress` runs those. A test that hangs
# fails under its name after TEST_TIMEOUT seconds (the slowest take 16 s, 2 min sanitized on a
# busy machine; synthesis has its own limit).
TEST_TIMEOUT ?= 600
test: deps-test build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout $(TEST_TIMEOUT) -LE regress \
	  $(SUITE) $(CTEST_ARGS)

test-regress: deps-test build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L regress $(CTEST_ARGS)

fuzz: deps-test $(FUZZ_BUILD)/CMakeCache.txt
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target mckit_fuzzers
	tests/fuzz/run_fuzzers.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TIMEOUT) $(FUZZ_RSS_MB)

$(FUZZ_BUILD)/CMakeCache.txt: | deps-test
	CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMCKIT_FUZZ=ON

# Each measurement in its own process, so peak RSS is that run's (~5 min on 2 cores). Memory:
# over 4 MiB the store fills, so 1 M and 5 M requests must show the same RSS; over 4 GiB it
# grows with writes. `wrap` prices the SystemC top against the bare harness; bench_run.sh
# gives both backends' speed and memory through `mckit run`; refresh_loss.sh the bandwidth each
# preset loses to refresh on sequential and random reads (docs/controller.md, "Refresh");
# bench_efficiency every preset's sequential and random read efficiency beside its timing limit
# (docs/efficiency.md).
bench: build
	$(BUILD)/bench/bench_device
	$(BUILD)/bench/bench_rtl bandwidth
	$(BUILD)/bench/bench_rtl speed 1000000
	$(BUILD)/bench/bench_rtl memory 1000000 4
	$(BUILD)/bench/bench_rtl memory 5000000 4
	$(BUILD)/bench/bench_rtl memory 1000000 4096
	$(BUILD)/bench/bench_rtl wrap 1000000
	bench/bench_run.sh $(BUILD)/sim/mckit 1000000
	bench/refresh_loss.sh $(MCKIT)
	$(BUILD)/bench/bench_efficiency

# The mutation table of docs/mutation.md: every controller timing one cycle short on every
# shipped preset, and the rule the device model's checker names (docs/testing.md).
mutate: build
	$(BUILD)/bench/mutate

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
