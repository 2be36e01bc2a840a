// The directory: the groups of the standards body (working groups, research
// groups, BoFs, dispatch groups, areas). Later issues grow it (areas, chairs,
// states); today it holds what the demo and the dispatch rules need.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "convene/core/result.h"

namespace convene {

struct Group {
  std::string acronym;
  std::string name;
  std::string type;     // wg, rg, bof, dispatch, area, iesg, hotrfc
  std::string area;     // "" when none
};

// A group acronym: 1 to 40 lower-case letters, digits and '-', starting with
// a letter or digit ("httpbis", "6man", "core").
bool is_group_acronym(std::string_view s);

// The areas of the standards body, as their acronyms ("art", "gen", "int",
// "ops", "rtg", "sec", "tsv", "wit") and "irtf" for the research groups.
const std::vector<std::string>& area_acronyms();

// Storage failure is an internal Error; nothing else fails.
class DirectoryRepository {
 public:
  virtual ~DirectoryRepository() = default;
  // Every group, by acronym.
  virtual Result<std::vector<Group>> groups() = 0;
  // Inserts or replaces the group with g.acronym.
  virtual Status save_group(const Group& g) = 0;
};

}  // namespace convene
