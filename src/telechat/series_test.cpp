#include "convene/telechat/series.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace convene::telechat {
namespace {

using testing::day;

SeriesSettings informal_series() {
  SeriesSettings s;
  s.kind = Kind::informal;
  s.first_date = day("2026-11-26");  // a Thursday
  return s;
}

std::vector<std::string> dates(const std::vector<Occurrence>& os) {
  std::vector<std::string> out;
  for (const Occurrence& o : os) out.push_back(format_date(o.date) + (o.cancelled ? " cancelled" : ""));
  return out;
}

TEST(Series, EveryTwoWeeksFromTheFirstDate) {
  auto os = occurrences(informal_series(), day("2026-11-01"), day("2027-01-22"));
  EXPECT_EQ(dates(os), (std::vector<std::string>{"2026-11-26", "2026-12-10", "2026-12-24",
                                                 "2027-01-07", "2027-01-21"}));
  for (const Occurrence& o : os) {
    EXPECT_EQ(o.scheduled_date, o.date);
    EXPECT_EQ(o.sequence, 0);
    EXPECT_EQ(to_local(start_utc(informal_series(), o.date), "America/New_York").weekday, 4);
  }
}

TEST(Series, FoundByKindOrTheDefaults) {
  SeriesSettings formal = default_series(Kind::formal);
  formal.interval_days = 28;
  const std::vector<SeriesSettings> saved = {formal};
  ASSERT_NE(find_series(saved, Kind::formal), nullptr);
  EXPECT_EQ(find_series(saved, Kind::formal)->interval_days, 28);
  EXPECT_EQ(find_series(saved, Kind::informal), nullptr);
  const SeriesSettings informal = default_series(Kind::informal);
  EXPECT_EQ(informal.kind, Kind::informal);
  EXPECT_EQ(informal.interval_days, 14);
  EXPECT_EQ(informal.start_minute, 600);
  EXPECT_EQ(informal.time_zone, "America/New_York");
}

TEST(Series, RangeIsHalfOpen) {
  auto os = occurrences(informal_series(), day("2026-12-10"), day("2026-12-24"));
  EXPECT_EQ(dates(os), std::vector<std::string>{"2026-12-10"});
}

TEST(Series, CancellationsStayListedAndMovesShift) {
  SeriesSettings s = informal_series();
  s.cancelled.insert(day("2026-12-24"));
  s.moved[day("2027-01-07")] = day("2027-01-06");
  s.moved[day("2027-01-21")] = day("2027-02-02");  // moved out of the range
  ASSERT_TRUE(validate(s).ok());
  auto os = occurrences(s, day("2026-12-01"), day("2027-01-31"));
  EXPECT_EQ(dates(os), (std::vector<std::string>{"2026-12-10", "2026-12-24 cancelled", "2027-01-06"}));
  EXPECT_EQ(os[1].sequence, 1);
  EXPECT_EQ(os[2].scheduled_date, day("2027-01-07"));
  EXPECT_EQ(os[2].sequence, 1);
  // A move into the range from a cadence date outside it.
  auto feb = occurrences(s, day("2027-02-01"), day("2027-02-03"));
  ASSERT_EQ(feb.size(), 1u);
  EXPECT_EQ(feb[0].scheduled_date, day("2027-01-21"));
}

TEST(Series, StartIsTenInNewYorkInUtc) {
  SeriesSettings s = informal_series();
  EXPECT_EQ(format_utc(start_utc(s, day("2026-12-10"))), "2026-12-10T15:00:00Z");  // EST
  EXPECT_EQ(format_utc(start_utc(s, day("2027-06-10"))), "2027-06-10T14:00:00Z");  // EDT
}

TEST(Series, ValidationErrors) {
  SeriesSettings s = informal_series();
  s.interval_days = 0;
  EXPECT_EQ(validate(s).error().code, "bad_interval");
  s = informal_series();
  s.time_zone = "Mars/Olympus";
  EXPECT_EQ(validate(s).error().code, "bad_time_zone");
  s = informal_series();
  s.start_minute = 1440;
  EXPECT_EQ(validate(s).error().code, "bad_start_minute");
  s = informal_series();
  s.moved[day("2026-12-11")] = day("2026-12-12");
  EXPECT_EQ(validate(s).error().code, "moved_not_in_cadence");
  s = informal_series();
  s.moved[day("2026-12-10")] = day("2026-12-24");
  EXPECT_EQ(validate(s).error().code, "moved_collision");
  s = informal_series();
  s.cancelled.insert(day("2026-12-11"));
  EXPECT_EQ(validate(s).error().code, "cancelled_not_in_cadence");
  EXPECT_TRUE(in_cadence(informal_series(), day("2027-01-07")));
  EXPECT_FALSE(in_cadence(informal_series(), day("2026-11-12")));
}

}  // namespace
}  // namespace convene::telechat
