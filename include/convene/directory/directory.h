// The directory: the areas and groups of the standards body (working
// groups, research groups, BoFs, dispatch groups, area groups, the IESG,
// programs), which the secretariat keeps. Pure values and rules; the use
// cases are in directory/service.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convene/core/result.h"

namespace convene {

struct Group {
  std::string acronym;
  std::string name;
  std::string type;        // one of group_types()
  std::string area;        // an area's acronym; "" when none
  std::string state = "active";  // one of group_states()
  std::string ad = "";     // the responsible area director's e-mail, "" when none
  std::string list_email = "";  // the group's mailing list, "" when none
};

// An area of the standards body: "art", "sec", and new ones as they come
// (e.g. "wit"). "irtf" holds the research groups.
struct Area {
  std::string acronym;
  std::string name;
  std::string state = "active";  // active or concluded
};

// The areas a new directory starts with (those of area_acronyms(), named).
const std::vector<Area>& standard_areas();

// wg, rg, bof, dispatch, area, iesg, program, hotrfc.
const std::vector<std::string>& group_types();
// active, bof, proposed, concluded.
const std::vector<std::string>& group_states();
// Words for a person: "Working group" for "wg", "Concluded" for
// "concluded"; an unknown value is returned as it is.
std::string_view group_type_label(std::string_view type);
std::string_view group_state_label(std::string_view state);

// The rules of a group record, each a bad_value naming its field: an
// acronym (is_group_acronym), a name of 1-200 characters, a known type and
// state, an area that is one of `areas` (required for wg, bof and
// dispatch; a concluded area takes no new groups), an `ad` and `list_email`
// that are e-mail addresses or empty.
Status check_group(const Group& g, const std::vector<Area>& areas);
// An area: an acronym (is_group_acronym), a name, state active or concluded.
Status check_area(const Area& a);

// A group acronym: 1 to 40 lower-case letters, digits and '-', starting with
// a letter or digit ("httpbis", "6man", "core").
bool is_group_acronym(std::string_view s);

// The areas a dispatch request may name, as their acronyms ("art", "gen",
// "int", "ops", "rtg", "sec", "tsv", "wit") and "irtf" for the research
// groups. The same areas are in the directory from the start (migration 6).
const std::vector<std::string>& area_acronyms();

// Storage failure is an internal Error; nothing else fails. "Not there" is
// an empty optional.
class DirectoryRepository {
 public:
  virtual ~DirectoryRepository() = default;
  // Every group, by acronym.
  virtual Result<std::vector<Group>> groups() = 0;
  virtual Result<std::optional<Group>> group(const std::string& acronym) = 0;
  // Inserts or replaces the group with g.acronym.
  virtual Status save_group(const Group& g) = 0;
  // Every area, by acronym.
  virtual Result<std::vector<Area>> areas() = 0;
  // Inserts or replaces the area with a.acronym.
  virtual Status save_area(const Area& a) = 0;
};

}  // namespace convene
