#include "convene/directory/directory.h"

namespace convene {

bool is_group_acronym(std::string_view s) {
  if (s.empty() || s.size() > 40 || s.front() == '-') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace convene
