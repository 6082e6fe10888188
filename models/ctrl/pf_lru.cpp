#include "ctrl/pf_lru.h"

namespace mckit::ctrl {

LruOrder::LruOrder(unsigned entries) : age_(entries) {
  for (unsigned i = 0; i < entries; ++i) age_[i] = i;
}

unsigned LruOrder::victim() const {
  unsigned v = 0;
  for (unsigned i = 0; i < age_.size(); ++i)
    if (age_[i] == age_.size() - 1) v = i;
  return v;
}

}  // namespace mckit::ctrl
