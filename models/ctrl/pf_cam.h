// The tag search of a prefetcher's small fully associative table, rtl/pf_cam.sv in C++: the
// index of the valid entry whose tag matches, if any (tags are unique among valid entries;
// were two to match, the higher index would win, as in the RTL).
#pragma once

#include <optional>
#include <vector>

namespace mckit::ctrl {

// `tag_of(entry)` gives an entry's tag; entries have a `valid` flag.
template <class Entry, class Tag, class TagOf>
std::optional<unsigned> cam_search(const std::vector<Entry>& table, const Tag& tag,
                                   TagOf tag_of) {
  std::optional<unsigned> found;
  for (unsigned i = 0; i < table.size(); ++i)
    if (table[i].valid && tag_of(table[i]) == tag) found = i;
  return found;
}

}  // namespace mckit::ctrl
