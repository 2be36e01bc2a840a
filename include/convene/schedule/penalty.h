// The terms of cost model 1 (formats/schedule-problem.md) and their penalties.
// Names are the Datatracker's, so penalty tables map across one to one.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace convene::schedule {

enum class Term {
  unscheduled,
  session_requires_trim,
  timerange,
  conflict,
  conflic2,
  conflic3,
  chair_conflict,
  tech_overlap,
  key_participant,
  bethere,
  bof_overlapping_bof,
  bof_overlapping_prg,
  bof_overlapping_area_wg,
  bof_overlapping_area_meeting,
  area_overlapping_other_area,
  area_overlapping_in_area,
  session_overlap_ad,
  exclusive_overlap,
  sessions_out_of_order,
  time_relation,
  wg_adjacent,
};
inline constexpr int kTermCount = static_cast<int>(Term::wg_adjacent) + 1;

// The term's name as in the format page, e.g. "bof_overlapping_prg".
std::string_view to_string(Term term);
// The term named `name`, or nullopt if no term has that name.
std::optional<Term> term_from(std::string_view name);
// The penalty the format page gives `term` when a problem does not override it.
std::int64_t default_penalty(Term term);

// One penalty per term. Default: the format page's table.
class Penalties {
 public:
  Penalties();
  std::int64_t operator[](Term term) const { return values_[static_cast<int>(term)]; }
  void set(Term term, std::int64_t penalty) { values_[static_cast<int>(term)] = penalty; }

 private:
  std::array<std::int64_t, kTermCount> values_;
};

}  // namespace convene::schedule
