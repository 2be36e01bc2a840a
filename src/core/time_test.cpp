#include "convene/core/time.h"

#include <gtest/gtest.h>

namespace convene {
namespace {

TEST(Time, ParsesUtcAndOffsets) {
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z", "t").value(), 0);
  EXPECT_EQ(parse_rfc3339("2019-11-18T10:00:00+08:00", "t").value(),
            parse_rfc3339("2019-11-18T02:00:00Z", "t").value());
  EXPECT_EQ(parse_rfc3339("2024-10-21T23:59:00.250-01:30", "t").value(),
            parse_rfc3339("2024-10-22T01:29:00Z", "t").value());
}

TEST(Time, RejectsMalformedWithFieldName) {
  for (const char* bad : {"2024-10-21", "2024-10-21T23:59:00", "2024-13-01T00:00:00Z",
                          "2024-02-30T00:00:00Z", "2024-10-21T24:00:00Z", "tomorrow",
                          "2024-10-21T23:59:00+0100"}) {
    auto r = parse_rfc3339(bad, "id_cutoff");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, "bad_time");
    EXPECT_NE(r.error().message.find("id_cutoff"), std::string::npos);
  }
}

TEST(Time, FormatsRoundTrip) {
  auto t = parse_rfc3339("2024-10-21T23:59:00Z", "t").value();
  EXPECT_EQ(format_utc(t), "2024-10-21T23:59:00Z");
  EXPECT_EQ(format_date(parse_date("2024-11-02", "d").value()), "2024-11-02");
  EXPECT_FALSE(parse_date("2024-11-2", "d").ok());
}

TEST(Time, LocalViewFollowsZoneRules) {
  ASSERT_TRUE(is_time_zone("Asia/Singapore"));
  EXPECT_FALSE(is_time_zone("Mars/Olympus"));
  auto t = parse_rfc3339("2019-11-18T02:00:00Z", "t").value();
  LocalTime lt = to_local(t, "Asia/Singapore");
  EXPECT_EQ(lt.minute_of_day, 10 * 60);
  EXPECT_EQ(lt.weekday, 1);  // Monday
  EXPECT_EQ(lt.utc_offset_min, 480);
  // Dublin in summer is UTC+1, in winter UTC+0.
  EXPECT_EQ(to_local(parse_rfc3339("2024-07-01T12:00:00Z", "t").value(), "Europe/Dublin").utc_offset_min, 60);
  EXPECT_EQ(to_local(parse_rfc3339("2024-11-04T12:00:00Z", "t").value(), "Europe/Dublin").utc_offset_min, 0);
  EXPECT_EQ(format_local(t, "Asia/Singapore"), "2019-11-18 10:00 (+08:00)");
}

TEST(Time, FromLocalIsTheInverseOfToLocal) {
  const auto day = parse_date("2019-11-18", "d").value();
  const UnixSeconds t = from_local(day, 10 * 60, "Asia/Singapore");
  EXPECT_EQ(format_utc(t), "2019-11-18T02:00:00Z");
  const LocalTime lt = to_local(t, "Asia/Singapore");
  EXPECT_EQ(lt.days, day);
  EXPECT_EQ(lt.minute_of_day, 600);
  // Summer and winter offsets of one zone.
  EXPECT_EQ(format_utc(from_local(parse_date("2024-07-01", "d").value(), 9 * 60, "Europe/Dublin")),
            "2024-07-01T08:00:00Z");
  EXPECT_EQ(format_utc(from_local(parse_date("2024-11-04", "d").value(), 9 * 60, "Europe/Dublin")),
            "2024-11-04T09:00:00Z");
}

TEST(Time, FromLocalInADaylightSavingGapUsesTheOffsetBeforeIt) {
  // 2024-03-31 02:30 does not exist in Paris (02:00 jumps to 03:00).
  const UnixSeconds t = from_local(parse_date("2024-03-31", "d").value(), 150, "Europe/Paris");
  EXPECT_EQ(format_utc(t), "2024-03-31T01:30:00Z");
}

TEST(Time, HttpDate) {
  EXPECT_EQ(format_http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");  // RFC 9110's example
}

TEST(Time, ParseTimeOfDay) {
  EXPECT_EQ(parse_time_of_day("00:00", "start").value(), 0);
  EXPECT_EQ(parse_time_of_day("10:00", "start").value(), 600);
  EXPECT_EQ(parse_time_of_day("23:59", "start").value(), 1439);
  for (const char* bad : {"24:00", "9:00", "10:60", "10-00", "", "10:00Z"}) {
    auto r = parse_time_of_day(bad, "periods[0].start");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("periods[0].start"), std::string::npos);
  }
}

}  // namespace
}  // namespace convene
