// Names of the problem's enumerations.
#include <array>

#include "convene/schedule/problem.h"

namespace convene::schedule {
namespace {

constexpr std::array<std::string_view, 10> kTypeNames = {
    "conflict", "conflic2", "conflic3", "chair_conflict", "tech_overlap",
    "key_participant", "bethere", "timerange", "time_relation", "wg_adjacent"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 3> kDayParts = {"morning", "afternoon-early",
                                                       "afternoon-late"};

}  // namespace

std::string_view to_string(ConstraintType type) { return kTypeNames[static_cast<int>(type)]; }

std::optional<ConstraintType> constraint_type_from(std::string_view name) {
  for (std::size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<ConstraintType>(i);
  }
  return std::nullopt;
}

bool is_group_conflict(ConstraintType type) {
  return static_cast<int>(type) <= static_cast<int>(ConstraintType::key_participant);
}

Term term_of(ConstraintType type) {
  switch (type) {
    case ConstraintType::conflict: return Term::conflict;
    case ConstraintType::conflic2: return Term::conflic2;
    case ConstraintType::conflic3: return Term::conflic3;
    case ConstraintType::chair_conflict: return Term::chair_conflict;
    case ConstraintType::tech_overlap: return Term::tech_overlap;
    case ConstraintType::key_participant: return Term::key_participant;
    case ConstraintType::bethere: return Term::bethere;
    case ConstraintType::timerange: return Term::timerange;
    case ConstraintType::time_relation: return Term::time_relation;
    case ConstraintType::wg_adjacent: return Term::wg_adjacent;
  }
  return Term::conflict;
}

std::optional<TimeRange> time_range_from(std::string_view text) {
  for (std::size_t d = 0; d < kWeekdays.size(); ++d) {
    const auto& day = kWeekdays[d];
    if (text.size() <= day.size() || text.substr(0, day.size()) != day || text[day.size()] != '-') {
      continue;
    }
    const auto rest = text.substr(day.size() + 1);
    for (std::size_t p = 0; p < kDayParts.size(); ++p) {
      if (rest == kDayParts[p]) return TimeRange{static_cast<int>(d), static_cast<DayPart>(p)};
    }
  }
  return std::nullopt;
}

std::string to_string(TimeRange range) {
  return std::string(kWeekdays[range.weekday]) + "-" +
         std::string(kDayParts[static_cast<int>(range.part)]);
}

DayPart day_part_of(int minute_of_day) {
  if (minute_of_day < 12 * 60 + 30) return DayPart::morning;
  if (minute_of_day < 15 * 60 + 30) return DayPart::afternoon_early;
  return DayPart::afternoon_late;
}

}  // namespace convene::schedule
