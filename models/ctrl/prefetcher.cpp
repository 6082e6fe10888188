#include "ctrl/prefetcher.h"

#include <stdexcept>
#include <string>

#include "ctrl/pf_nextline.h"
#include "ctrl/pf_stream.h"
#include "ctrl/pf_stride.h"

namespace mckit::ctrl {

namespace {

void check_burst_address(std::uint64_t addr, const char* what) {
  if (addr >> kAddrBits)
    throw std::invalid_argument(std::string(what) + " wider than a burst address");
}

}  // namespace

Prefetcher::Prefetcher(const PrefetcherConfig& config, unsigned fifo_depth)
    : config_(config), fifo_(fifo_depth, kAddrBits) {
  if (config.distance > 15 || config.degree > 15)
    throw std::invalid_argument("prefetch distance and degree are 4-bit inputs (0..15)");
}

void Prefetcher::observe(std::uint64_t addr, std::uint32_t stream) {
  check_burst_address(addr, "observed address");
  if (stream >> kStreamBits) throw std::invalid_argument("observed stream id wider than 8 bits");
  if (observed_) throw std::invalid_argument("a prefetcher observes at most one read per cycle");
  observed_ = true;
  if (config_.enable) run_ = predict(addr, stream);
}

void Prefetcher::kill(std::uint64_t addr) {
  check_burst_address(addr, "killed address");
  if (kill_) throw std::invalid_argument("a prefetcher takes at most one kill per cycle");
  kill_ = addr;
}

void Prefetcher::clock(bool ready) {
  fifo_.clock(run_, ready, kill_);
  run_.reset();
  kill_.reset();
  observed_ = false;
}

std::unique_ptr<Prefetcher> make_prefetcher(PrefetcherKind kind, const PrefetcherConfig& config) {
  switch (kind) {
    case PrefetcherKind::NextLine: return std::make_unique<NextLinePrefetcher>(config);
    case PrefetcherKind::Stream: return std::make_unique<StreamPrefetcher>(config);
    case PrefetcherKind::Stride: return std::make_unique<StridePrefetcher>(config);
    case PrefetcherKind::None: break;
  }
  return nullptr;
}

}  // namespace mckit::ctrl
