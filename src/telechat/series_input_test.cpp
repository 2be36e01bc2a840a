#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "convene/telechat/series.h"
#include "test_support.h"

namespace convene::telechat {
namespace {

using nlohmann::json;
using testing::day;

TEST(SeriesInput, ReadsEveryFieldAndRoundTrips) {
  json body = {{"first_date", "2026-11-26"}, {"interval_days", 14}, {"start_time", "09:30"},
               {"duration_minutes", 90}, {"time_zone", "America/New_York"},
               {"moved", {{"2026-12-24", "2026-12-23"}}}, {"cancelled", {"2027-01-07"}}};
  auto s = series_from_json(body, Kind::informal);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->first_date, day("2026-11-26"));
  EXPECT_EQ(s->start_minute, 9 * 60 + 30);
  EXPECT_EQ(s->moved.at(day("2026-12-24")), day("2026-12-23"));
  EXPECT_TRUE(s->cancelled.contains(day("2027-01-07")));
  auto again = series_from_json(series_to_json(*s), Kind::informal);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *s);
}

TEST(SeriesInput, ErrorsNameTheField) {
  EXPECT_EQ(series_from_json(json::object(), Kind::formal).error().code, "missing_field");
  auto bad_time = series_from_json({{"first_date", "2026-11-26"}, {"start_time", "25:00"}}, Kind::formal);
  EXPECT_EQ(bad_time.error().code, "bad_time");
  auto bad_list = series_from_json({{"first_date", "2026-11-26"}, {"cancelled", {"soon"}}}, Kind::formal);
  EXPECT_NE(bad_list.error().message.find("cancelled[0]"), std::string::npos);
  auto off_cadence = series_from_json({{"first_date", "2026-11-26"}, {"moved", {{"2026-11-27", "2026-11-28"}}}}, Kind::formal);
  EXPECT_EQ(off_cadence.error().code, "moved_not_in_cadence");
  auto zone = series_from_json({{"first_date", "2026-11-26"}, {"time_zone", "Nowhere/Land"}}, Kind::formal);
  EXPECT_EQ(zone.error().code, "bad_time_zone");
}

TEST(SeriesInput, NumbersThatDoNotFitAreRefusedNotWrapped) {
  auto with = [](const char* field, json v) {
    json body = {{"first_date", "2026-11-26"}};
    body[field] = std::move(v);
    return series_from_json(body, Kind::informal);
  };
  for (json big : {json(2147483648LL), json(4294967297LL), json(18446744073709551615ULL)}) {
    auto r = with("interval_days", big);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "bad_interval");
    EXPECT_TRUE(r.error().message.starts_with("interval_days: must be an integer from 1 to 366"))
        << r.error().message;
    EXPECT_EQ(with("duration_minutes", big).error().code, "bad_duration");
  }
  EXPECT_EQ(with("interval_days", -9000000000LL).error().code, "bad_interval");
  EXPECT_EQ(with("interval_days", 366).value().interval_days, 366);
  for (json wrong : {json(1.5), json(-0.0), json(1e308), json::array({1}), json{{"a", 1}}, json("14")}) {
    auto r = with("interval_days", wrong);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "bad_type") << wrong;
    EXPECT_TRUE(r.error().message.starts_with("interval_days: ")) << r.error().message;
  }
}

TEST(SeriesInput, StartTimeMessageIsShortForAnyValue) {
  // Built in place and never copied: nlohmann copies recursively.
  std::vector<json> bodies(3, json{{"first_date", "2026-11-26"}});
  json deep = 1;
  for (int i = 0; i < 100'000; ++i) deep = json::array({std::move(deep)});
  bodies[0]["start_time"] = std::move(deep);
  bodies[1]["start_time"] = std::string(100'000, '9');
  bodies[2]["start_time"] = {{"h", 9}};
  for (const json& body : bodies) {
    auto r = series_from_json(body, Kind::formal);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "bad_time");
    EXPECT_LT(r.error().message.size(), 120u) << r.error().message;
  }
}

}  // namespace
}  // namespace convene::telechat
