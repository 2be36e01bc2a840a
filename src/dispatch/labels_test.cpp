// The label table: every value of every enumeration shown to people has a
// label of its own, never its machine word.
#include "convene/dispatch/labels.h"

#include <gtest/gtest.h>

#include <set>

#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

template <class T>
void expect_labels(const std::vector<T>& values, std::string_view (*label)(T)) {
  std::set<std::string_view> seen;
  for (T v : values) {
    EXPECT_NE(label(v), to_string(v));
    EXPECT_FALSE(label(v).empty()) << to_string(v);
    EXPECT_TRUE(seen.insert(label(v)).second) << "two values read as " << label(v);
  }
}

TEST(Labels, EveryEnumerationValueReadsAsWords) {
  expect_labels(request_states(), state_label);
  expect_labels<OutcomeKind>(outcome_kinds(), outcome_label);
  expect_labels({MeetingMode::in_person, MeetingMode::hybrid, MeetingMode::virtual_only}, mode_label);
  expect_labels({DispatchMode::per_area, DispatchMode::consolidated}, dispatch_mode_label);
  for (const char* flag : {"resubmission", "rerouted", "shopping", "venue_differs_from_suggestion"})
    EXPECT_NE(flag_label(flag), flag);
  for (const char* event : {"requested", "accepted", "declined", "dispatched"})
    EXPECT_NE(history_event_label(event), event);
}

TEST(Labels, OutcomesByTheirApiWord) {
  EXPECT_EQ(outcome_label(std::string_view("ad-sponsored")), "AD-sponsored publication");
  EXPECT_EQ(outcome_label(std::string_view("no-such-kind")), "no-such-kind");
}

TEST(Labels, VenuesAreasAndRoles) {
  EXPECT_EQ(venue_title(kAllDispatch), "ALLDISPATCH");
  EXPECT_EQ(area_title("art"), "ART");
  EXPECT_EQ(role_label("secretariat"), "Secretariat");
  EXPECT_EQ(role_label("iesg"), "IESG member");
  EXPECT_EQ(role_label("ad:sec"), "Area director (SEC)");
  EXPECT_EQ(role_label("chair:dispatch"), "Chair of DISPATCH");
}

TEST(Labels, InstantsForPeople) {
  UnixSeconds cutoff = parse_rfc3339("2026-03-02T23:59:00Z", "t").value();
  EXPECT_EQ(format_readable(cutoff, "UTC"), "Monday 2 March 2026, 23:59");
  EXPECT_EQ(format_readable(cutoff, "Asia/Shanghai"), "Tuesday 3 March 2026, 07:59");
  EXPECT_EQ(format_readable(0, "UTC"), "Thursday 1 January 1970, 00:00");
}

TEST(Labels, MeetingDates) {
  Meeting m;
  auto dates = [&](const char* start, const char* end) {
    m.start_date = parse_date(start, "start").value();
    m.end_date = parse_date(end, "end").value();
    return meeting_dates_label(m);
  };
  EXPECT_EQ(dates("2026-03-14", "2026-03-20"), "14–20 March 2026");
  EXPECT_EQ(dates("2026-02-28", "2026-03-03"), "28 February – 3 March 2026");
  EXPECT_EQ(dates("2026-12-30", "2027-01-02"), "30 December 2026 – 2 January 2027");
  EXPECT_EQ(dates("2026-05-05", "2026-05-05"), "5 May 2026");
}

TEST(Labels, MeetingTimesInTheMeetingsZoneThenUtc) {
  Meeting m;
  m.time_zone = "Asia/Shanghai";
  UnixSeconds t = parse_rfc3339("2026-03-02T23:59:00Z", "t").value();
  EXPECT_EQ(meeting_time_label(m, t), "Tuesday 3 March 2026, 07:59 Asia/Shanghai (Monday 2 March 2026, 23:59 UTC)");
}

}  // namespace
}  // namespace convene
