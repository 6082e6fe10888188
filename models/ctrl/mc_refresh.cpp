#include "ctrl/mc_refresh.h"

namespace mckit::ctrl {

std::uint64_t Refresh::next_due(std::uint64_t now) const {
  if (p_.refresh_en && since_due_ < p_.trefi) return now + (p_.trefi - 1 - since_due_);
  return UINT64_MAX;
}

void Refresh::skip(std::uint64_t cycles) {
  if (p_.refresh_en) since_due_ = std::uint32_t((since_due_ + cycles) & kSinceDueMask);
}

}  // namespace mckit::ctrl
