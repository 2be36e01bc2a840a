#include "convene/directory/directory.h"

namespace convene {

const std::vector<std::string>& area_acronyms() {
  static const std::vector<std::string> areas = {"art", "gen", "int", "ops", "rtg", "sec", "tsv", "wit", "irtf"};
  return areas;
}

bool is_group_acronym(std::string_view s) {
  if (s.empty() || s.size() > 40 || s.front() == '-') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace convene
