#include "ctrl/prefetcher.h"

#include <stdexcept>

#include "ctrl/pf_nextline.h"
#include "ctrl/pf_stream.h"
#include "ctrl/pf_stride.h"

namespace mckit::ctrl {

Prefetcher::Prefetcher(const PrefetcherConfig& config, unsigned fifo_depth)
    : config_(config), fifo_(fifo_depth, kAddrBits) {
  if (config.distance > 15 || config.degree > 15)
    throw std::invalid_argument("prefetch distance and degree are 4-bit inputs (0..15)");
}

void Prefetcher::observe(std::uint64_t addr, std::uint32_t stream) {
  if (addr >> kAddrBits) throw std::invalid_argument("observed address wider than a burst address");
  if (stream >> kStreamBits) throw std::invalid_argument("observed stream id wider than 8 bits");
  if (observed_) throw std::invalid_argument("a prefetcher observes at most one read per cycle");
  observed_ = true;
  if (config_.enable) run_ = predict(addr, stream);
}

void Prefetcher::clock(bool ready) {
  fifo_.clock(run_, ready);
  run_.reset();
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
