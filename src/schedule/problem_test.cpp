#include <gtest/gtest.h>

#include "convene/schedule/problem.h"
#include "testing.h"

namespace convene::schedule {
namespace {

using nlohmann::json;
using testing::small_problem;

// The error a problem with one change gives.
Error error_after(void (*change)(json&)) {
  auto doc = small_problem();
  change(doc);
  auto p = problem_from_json(doc);
  EXPECT_FALSE(p.ok());
  return p.ok() ? Error{} : p.error();
}

TEST(Problem, ReadsTheSmallProblem) {
  auto p = problem_from_json(small_problem());
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->time_zone, "Europe/Paris");
  ASSERT_EQ(p->timeslots.size(), 6u);
  EXPECT_EQ(p->timeslots[0].start, 1710748800);  // 2024-03-18T08:00:00Z
  EXPECT_EQ(p->sessions[0].duration_min, 60);
  EXPECT_EQ(p->sessions[0].order, 0);
  EXPECT_FALSE(p->rooms.empty());
  EXPECT_EQ(*p->rooms[1].capacity, 50);
  EXPECT_EQ(p->penalties[Term::conflict], 100000);
}

TEST(Problem, PenaltyOverridesApply) {
  auto doc = small_problem();
  doc["penalties"] = {{"conflic3", 7}};
  auto p = problem_from_json(doc);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->penalties[Term::conflic3], 7);
  EXPECT_EQ(p->penalties[Term::conflic2], 10000);
}

TEST(Problem, ErrorsNameTheItem) {
  struct Case {
    void (*change)(json&);
    const char* needle;
  };
  const Case cases[] = {
      {[](json& d) { d["timeslots"][2]["room"] = "r9"; }, "timeslot \"m3\": unknown room \"r9\""},
      {[](json& d) { d["timeslots"][1]["id"] = "m1"; }, "duplicate timeslots id \"m1\""},
      {[](json& d) { d["sessions"][0]["group"] = "zz"; }, "session \"a-1\": group \"zz\" is not in groups"},
      {[](json& d) { d["sessions"][1]["joint_with"] = {"zz"}; }, "joint group \"zz\""},
      {[](json& d) { d["sessions"][2]["duration_min"] = 0; }, "\"c-1\": \"duration_min\" must be a positive"},
      {[](json& d) { d["timeslots"][0]["duration_min"] = 60.5; }, "\"m1\": \"duration_min\" must be a whole"},
      {[](json& d) { d["timeslots"][3]["start"] = "2024-03-18 14:00"; }, "timeslots[3] \"a1\""},
      {[](json& d) { d["timeslots"][3]["start"] = "2024-03-18T14:00:00"; }, "timeslots[3] \"a1\""},
      {[](json& d) { d["constraints"] = {{{"type", "conflict4"}, {"group", "a"}}}; }, "unknown type \"conflict4\""},
      {[](json& d) { d["constraints"] = {{{"type", "conflict"}, {"group", "a"}}}; }, "constraints[0] (conflict): no \"target\""},
      {[](json& d) { d["constraints"] = {{{"type", "bethere"}, {"group", "a"}}}; }, "no \"person\""},
      {[](json& d) { d["constraints"] = {{{"type", "timerange"}, {"group", "a"}}}; }, "no \"ranges\""},
      {[](json& d) { d["constraints"] = {{{"type", "timerange"}, {"group", "a"}, {"ranges", {"monday-noon"}}}}; },
       "unknown range \"monday-noon\""},
      {[](json& d) { d["constraints"] = {{{"type", "time_relation"}, {"group", "a"}, {"relation", "soon"}}}; },
       "unknown relation \"soon\""},
      {[](json& d) { d["fixed"] = {{{"session", "x-1"}, {"timeslot", "m1"}}}; }, "unknown session \"x-1\""},
      {[](json& d) { d["fixed"] = {{{"session", "a-1"}, {"timeslot", "zz"}}}; }, "unknown timeslot \"zz\""},
      {[](json& d) { d["fixed"] = {{{"session", "a-1"}, {"timeslot", "m1"}}, {{"session", "b-1"}, {"timeslot", "m1"}}}; },
       "timeslot fixed twice"},
      {[](json& d) { d["penalties"] = {{"conflict9", 1}}; }, "unknown term \"conflict9\""},
      {[](json& d) { d["meeting"]["time_zone"] = "Mars/Olympus"; }, "unknown time zone"},
      {[](json& d) { d["rooms"] = 3; }, "\"rooms\" must be an array"},
  };
  for (const auto& c : cases) {
    const auto e = error_after(c.change);
    EXPECT_EQ(e.code, "schedule_problem_invalid");
    EXPECT_NE(e.message.find(c.needle), std::string::npos) << e.message << "\n  wanted: " << c.needle;
  }
}

TEST(Problem, UnknownFieldsAndMissingOptionalsAreFine) {
  auto doc = small_problem();
  doc["extra"] = 1;
  doc["sessions"][0]["colour"] = "red";
  doc["rooms"][0].erase("capacity");
  doc["constraints"] = {{{"type", "conflict"}, {"group", "nobody"}, {"target", "a"}}};
  auto p = problem_from_json(doc);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_FALSE(p->rooms[0].capacity.has_value());
}

TEST(Problem, MalformedJsonIsAnError) {
  auto p = parse_problem("{\"rooms\": [");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, "schedule_problem_invalid");
}

TEST(Problem, RoundTripsThroughJson) {
  auto doc = small_problem();
  doc["penalties"] = {{"wg_adjacent", 5}};
  doc["constraints"] = {{{"type", "timerange"}, {"group", "a"}, {"ranges", {"tuesday-afternoon-late"}}},
                        {{"type", "time_relation"}, {"group", "b"}, {"relation", "one-day-separation"}},
                        {{"type", "bethere"}, {"group", "c"}, {"person", "p1"}}};
  doc["fixed"] = {{{"session", "a-1"}, {"timeslot", "t1"}}};
  auto first = problem_from_json(doc);
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = problem_from_json(to_json(*first));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(to_json(*first), to_json(*second));
  EXPECT_EQ(second->timeslots[5].start, first->timeslots[5].start);
  EXPECT_EQ(second->penalties[Term::wg_adjacent], 5);
  EXPECT_EQ(second->constraints[0].ranges[0], (TimeRange{2, DayPart::afternoon_late}));
}

TEST(Problem, RealProblemsLoad) {
  for (const char* name : {"ietf83", "ietf106"}) {
    auto p = parse_problem(testing::read_file(testing::shared_path(std::string("data/schedule/") + name +
                                                                   ".problem.json")));
    ASSERT_TRUE(p.ok()) << name << ": " << p.error().message;
    EXPECT_GT(p->sessions.size(), 100u);
  }
}

TEST(Problem, DayParts) {
  EXPECT_EQ(day_part_of(12 * 60 + 29), DayPart::morning);
  EXPECT_EQ(day_part_of(12 * 60 + 30), DayPart::afternoon_early);
  EXPECT_EQ(day_part_of(15 * 60 + 29), DayPart::afternoon_early);
  EXPECT_EQ(day_part_of(15 * 60 + 30), DayPart::afternoon_late);
  EXPECT_EQ(time_range_from("friday-afternoon-early"), (TimeRange{5, DayPart::afternoon_early}));
  EXPECT_FALSE(time_range_from("fri-morning").has_value());
  EXPECT_FALSE(time_range_from("friday-").has_value());
}

}  // namespace
}  // namespace convene::schedule
