#include "convene/schedule/penalty.h"

namespace convene::schedule {
namespace {

struct TermInfo {
  std::string_view name;
  std::int64_t penalty;
};

// Indexed by Term; the defaults of the format page's cost table.
constexpr TermInfo kTerms[kTermCount] = {
    {"unscheduled", 10000000},
    {"session_requires_trim", 100000},
    {"timerange", 1000000},
    {"conflict", 100000},
    {"conflic2", 10000},
    {"conflic3", 1000},
    {"chair_conflict", 100000},
    {"tech_overlap", 10000},
    {"key_participant", 100000},
    {"bethere", 10000},
    {"bof_overlapping_bof", 100000},
    {"bof_overlapping_prg", 100000},
    {"bof_overlapping_area_wg", 100000},
    {"bof_overlapping_area_meeting", 10000},
    {"area_overlapping_other_area", 100000},
    {"area_overlapping_in_area", 10000},
    {"session_overlap_ad", 100},
    {"exclusive_overlap", 100000},
    {"sessions_out_of_order", 100000},
    {"time_relation", 1000},
    {"wg_adjacent", 1000},
};

}  // namespace

std::string_view to_string(Term term) { return kTerms[static_cast<int>(term)].name; }

std::optional<Term> term_from(std::string_view name) {
  for (int i = 0; i < kTermCount; ++i) {
    if (kTerms[i].name == name) return static_cast<Term>(i);
  }
  return std::nullopt;
}

std::int64_t default_penalty(Term term) { return kTerms[static_cast<int>(term)].penalty; }

Penalties::Penalties() {
  for (int i = 0; i < kTermCount; ++i) values_[i] = kTerms[i].penalty;
}

}  // namespace convene::schedule
