#include "ctrl/pf_stream.h"

#include <algorithm>

#include "ctrl/pf_cam.h"

namespace mckit::ctrl {

StreamPrefetcher::StreamPrefetcher(const PrefetcherConfig& config, unsigned entries,
                                   unsigned fifo_depth, unsigned region_bits)
    : Prefetcher(config, fifo_depth), region_bits_(region_bits), table_(entries), lru_(entries) {}

std::optional<CandidateRun> StreamPrefetcher::predict(std::uint64_t addr, std::uint32_t) {
  const std::uint64_t region = addr >> region_bits_;
  const std::uint64_t off = addr & ((std::uint64_t{1} << region_bits_) - 1);
  const std::optional<unsigned> found =
      cam_search(table_, region, [](const Entry& e) { return e.region; });
  const bool hit = found.has_value();
  const unsigned idx = hit ? *found : lru_.victim();
  Entry* sel = &table_[idx];

  const bool up = hit && off == sel->last + 1;
  const bool down = hit && off + 1 == sel->last;
  const bool run = up || down;
  const unsigned ahead_prev = sel->run && run && sel->descending == down ? sel->ahead : 0;
  const unsigned first = std::max(config_.distance, ahead_prev);
  const unsigned end = config_.distance + config_.degree;  // one past the last candidate
  const bool issue = run && first < end;
  const unsigned ahead = issue ? end - 1 : (ahead_prev > 0 ? ahead_prev - 1 : 0);

  lru_.touch(idx);
  *sel = Entry{true, run, down, region, off, ahead};

  if (!issue) return std::nullopt;
  return CandidateRun{addr, down ? -1 : 1, first, end - first};
}

}  // namespace mckit::ctrl
