// Cost model 1, one rule at a time on the small problem, then on real data.
#include <gtest/gtest.h>

#include "convene/schedule/cost.h"
#include "testing.h"

namespace convene::schedule {
namespace {

using nlohmann::json;
using testing::assign;

json with(std::initializer_list<json> constraints) {
  auto doc = testing::small_problem();
  for (const auto& c : constraints) doc["constraints"].push_back(c);
  return doc;
}

CostReport report(const json& doc, const Schedule& schedule) {
  auto r = evaluate(testing::problem_of(doc), schedule);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : CostReport{};
}

int count_of(const CostReport& r, Term term) {
  for (const auto& t : r.terms) {
    if (t.term == term) return t.count;
  }
  return 0;
}

// c-1 and d-1 parked where they touch nothing else.
const std::pair<const char*, const char*> kParkC{"c-1", "a2"}, kParkD{"d-1", "t1"};

TEST(Cost, UnplacedSessionsCostTheMost) {
  auto r = report(testing::small_problem(), assign({{"a-1", "m1"}}));
  EXPECT_EQ(count_of(r, Term::unscheduled), 3);
  EXPECT_EQ(r.total, 3 * 10000000);
  EXPECT_EQ(r.scheduled, 1);
  ASSERT_EQ(r.violations.size(), 3u);
  EXPECT_EQ(r.violations[0].sessions, std::vector<std::string>{"b-1"});
}

TEST(Cost, TrimCountsCapacityAndLengthOnce) {
  auto doc = testing::small_problem();
  doc["sessions"][0]["attendees"] = 80;
  doc["sessions"][1]["duration_min"] = 120;
  auto r = report(doc, assign({{"a-1", "m2"}, {"b-1", "a1"}, kParkC, kParkD}));
  EXPECT_EQ(count_of(r, Term::session_requires_trim), 2);
  EXPECT_EQ(r.total, 200000);
  auto ok = report(doc, assign({{"a-1", "m1"}, {"b-1", "t1"}, kParkC, {"d-1", "m3"}}));
  EXPECT_EQ(ok.total, 0);
}

TEST(Cost, TimerangeUsesLocalTimeAndJointGroups) {
  auto doc = with({{{"type", "timerange"}, {"group", "a"}, {"ranges", {"monday-morning"}}}});
  doc["sessions"][1]["joint_with"] = {"c"};
  doc["constraints"].push_back({{"type", "timerange"}, {"group", "c"}, {"ranges", {"monday-afternoon-early"}}});
  // a-1 at 09:00 Monday Paris; b-1 (joint with c) at 14:00 Monday.
  auto r = report(doc, assign({{"a-1", "m1"}, {"b-1", "a1"}, {"c-1", "t1"}, {"d-1", "m3"}}));
  EXPECT_EQ(count_of(r, Term::timerange), 2);
  EXPECT_EQ(r.total, 2000000);
  ASSERT_EQ(r.violations.size(), 2u);
  EXPECT_EQ(r.violations[1].sessions, std::vector<std::string>{"b-1"});
  EXPECT_EQ(r.violations[1].detail, "c cannot meet monday-afternoon-early");
}

TEST(Cost, GroupConflictCountsEachDirection) {
  auto one = with({{{"type", "conflict"}, {"group", "a"}, {"target", "b"}}});
  auto r = report(one, assign({{"a-1", "m1"}, {"b-1", "m2"}, kParkC, kParkD}));
  EXPECT_EQ(r.total, 100000);
  ASSERT_EQ(r.violations.size(), 1u);
  EXPECT_EQ(r.violations[0].sessions, (std::vector<std::string>{"a-1", "b-1"}));
  EXPECT_EQ(r.violations[0].detail, "a avoids b");

  auto both = with({{{"type", "conflic3"}, {"group", "a"}, {"target", "b"}},
                    {{"type", "conflic3"}, {"group", "b"}, {"target", "a"}}});
  EXPECT_EQ(report(both, assign({{"a-1", "m1"}, {"b-1", "m2"}, kParkC, kParkD})).total, 2000);
  EXPECT_EQ(report(both, assign({{"a-1", "m1"}, {"b-1", "a2"}, {"c-1", "m3"}, kParkD})).total, 0);
}

TEST(Cost, GroupConflictTargetsJointGroups) {
  auto doc = with({{{"type", "key_participant"}, {"group", "a"}, {"target", "c"}},
                   {{"type", "tech_overlap"}, {"group", "a"}, {"target", "nobody"}}});
  doc["sessions"][1]["joint_with"] = {"c"};
  auto r = report(doc, assign({{"a-1", "m1"}, {"b-1", "m2"}, {"c-1", "t1"}, {"d-1", "m3"}}));
  EXPECT_EQ(count_of(r, Term::key_participant), 1);
  EXPECT_EQ(r.total, 100000);
}

TEST(Cost, BethereCountsPeopleRequiredByBoth) {
  auto doc = with({{{"type", "bethere"}, {"group", "a"}, {"person", "p1"}},
                   {{"type", "bethere"}, {"group", "a"}, {"person", "p2"}},
                   {{"type", "bethere"}, {"group", "b"}, {"person", "p1"}},
                   {{"type", "bethere"}, {"group", "b"}, {"person", "p2"}},
                   {{"type", "bethere"}, {"group", "d"}, {"person", "p3"}}});
  auto r = report(doc, assign({{"a-1", "m1"}, {"b-1", "m2"}, kParkC, kParkD}));
  EXPECT_EQ(count_of(r, Term::bethere), 2);
  EXPECT_EQ(r.total, 20000);
  EXPECT_EQ(r.violations[0].detail, "must attend both: p1 p2");
}

TEST(Cost, BofRules) {
  auto doc = testing::small_problem();
  doc["groups"][0]["bof"] = true;           // a: BoF in art
  doc["groups"][1]["bof"] = true;           // b: BoF in art
  doc["groups"][3]["proposed_rg"] = true;   // d: proposed RG in sec
  auto r = report(doc, assign({{"a-1", "m1"}, {"b-1", "m2"}, kParkC, kParkD}));
  EXPECT_EQ(count_of(r, Term::bof_overlapping_bof), 1);
  EXPECT_EQ(count_of(r, Term::bof_overlapping_area_wg), 1);
  EXPECT_EQ(r.total, 200000);
  auto prg = report(doc, assign({{"a-1", "m1"}, {"d-1", "m2"}, {"b-1", "t1"}, kParkC}));
  EXPECT_EQ(count_of(prg, Term::bof_overlapping_prg), 1);
  EXPECT_EQ(prg.total, 100000);
}

TEST(Cost, AreaMeetingRules) {
  auto doc = testing::small_problem();
  doc["groups"][0]["area_meeting"] = true;  // a: art area meeting
  doc["groups"][3]["area_meeting"] = true;  // d: sec area meeting
  doc["groups"][2]["bof"] = true;           // c: BoF in art
  EXPECT_EQ(report(doc, assign({{"a-1", "m1"}, {"b-1", "m2"}, kParkC, kParkD})).total, 10000);
  EXPECT_EQ(report(doc, assign({{"a-1", "m1"}, {"d-1", "m2"}, {"b-1", "t1"}, kParkC})).total, 100000);
  auto r = report(doc, assign({{"d-1", "m1"}, {"c-1", "m2"}, {"b-1", "t1"}, {"a-1", "a2"}}));
  EXPECT_EQ(count_of(r, Term::bof_overlapping_area_meeting), 1);
  EXPECT_EQ(r.total, 10000);
}

TEST(Cost, SameAreaDirector) {
  auto doc = testing::small_problem();
  doc["groups"][0]["ad"] = "p9";
  doc["groups"][3]["ad"] = "p9";
  EXPECT_EQ(report(doc, assign({{"a-1", "m1"}, {"d-1", "m2"}, {"b-1", "t1"}, kParkC})).total, 100);
  EXPECT_EQ(report(doc, assign({{"a-1", "m1"}, {"b-1", "m2"}, kParkC, kParkD})).total, 0);
}

TEST(Cost, ExclusiveSessionAllowsOnlyApprovedGroups) {
  auto doc = testing::small_problem();
  doc["sessions"][0]["exclusive"] = true;
  doc["sessions"][0]["exclusive_allow"] = {"c"};
  auto r = report(doc, assign({{"a-1", "m1"}, {"b-1", "m2"}, kParkC, kParkD}));
  EXPECT_EQ(count_of(r, Term::exclusive_overlap), 1);
  EXPECT_EQ(r.total, 100000);
  EXPECT_EQ(report(doc, assign({{"a-1", "m1"}, {"c-1", "m2"}, {"b-1", "a2"}, kParkD})).total, 0);
}

json two_session_group(json doc) {
  doc["sessions"][0]["order"] = 1;
  doc["sessions"].push_back({{"id", "a-2"}, {"group", "a"}, {"order", 2}, {"duration_min", 60}});
  return doc;
}

TEST(Cost, SessionsOutOfOrder) {
  auto doc = two_session_group(testing::small_problem());
  auto r = report(doc, assign({{"a-2", "m1"}, {"a-1", "a1"}, {"b-1", "m2"}, kParkC, kParkD}));
  EXPECT_EQ(count_of(r, Term::sessions_out_of_order), 1);
  EXPECT_EQ(r.violations[0].sessions, (std::vector<std::string>{"a-1", "a-2"}));
  EXPECT_EQ(report(doc, assign({{"a-1", "m1"}, {"a-2", "a1"}, {"b-1", "m2"}, kParkC, kParkD})).total, 0);
}

TEST(Cost, TimeRelationUsesLocalDates) {
  auto doc = two_session_group(with({{{"type", "time_relation"}, {"group", "a"}, {"relation", "subsequent-days"}}}));
  auto apart = assign({{"a-1", "m1"}, {"a-2", "t1"}, {"b-1", "m2"}, kParkC, {"d-1", "m3"}});
  auto same_day = assign({{"a-1", "m1"}, {"a-2", "a1"}, {"b-1", "m2"}, kParkC, kParkD});
  EXPECT_EQ(report(doc, apart).total, 0);
  EXPECT_EQ(report(doc, same_day).total, 1000);
  doc["constraints"][0]["relation"] = "one-day-separation";
  EXPECT_EQ(report(doc, apart).total, 1000);
}

TEST(Cost, WgAdjacentWantsSameRoomWithinHalfAnHour) {
  auto doc = with({{{"type", "wg_adjacent"}, {"group", "a"}, {"target", "b"}},
                   {{"type", "wg_adjacent"}, {"group", "c"}, {"target", "nobody"}}});
  EXPECT_EQ(report(doc, assign({{"a-1", "m1"}, {"b-1", "m3"}, kParkC, kParkD})).total, 0);
  EXPECT_EQ(report(doc, assign({{"a-1", "m3"}, {"b-1", "m1"}, kParkC, kParkD})).total, 0);
  EXPECT_EQ(report(doc, assign({{"a-1", "m1"}, {"b-1", "m2"}, kParkC, kParkD})).total, 1000);
  EXPECT_EQ(report(doc, assign({{"a-1", "m1"}, {"b-1", "a1"}, kParkC, kParkD})).total, 1000);
}

Error infeasible(const json& doc, const Schedule& schedule) {
  auto r = evaluate(testing::problem_of(doc), schedule);
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error{} : r.error();
}

TEST(Cost, InfeasibleSchedulesAreRejectedWithTheirItems) {
  const auto doc = testing::small_problem();
  EXPECT_EQ(infeasible(doc, assign({{"x-1", "m1"}})).code, "schedule_unknown_session");
  EXPECT_EQ(infeasible(doc, assign({{"a-1", "zz"}})).code, "schedule_unknown_timeslot");
  EXPECT_EQ(infeasible(doc, assign({{"a-1", "m1"}, {"a-1", "m2"}})).code, "schedule_session_twice");
  auto taken = infeasible(doc, assign({{"a-1", "m1"}, {"b-1", "m1"}}));
  EXPECT_EQ(taken.code, "schedule_slot_taken");
  EXPECT_EQ(taken.message, "timeslot m1 holds both a-1 and b-1");
  auto joint = doc;
  joint["sessions"][1]["joint_with"] = {"a"};
  auto overlap = infeasible(joint, assign({{"a-1", "m1"}, {"b-1", "m2"}}));
  EXPECT_EQ(overlap.code, "schedule_group_overlap");
  EXPECT_EQ(overlap.kind, ErrorKind::rejected);
  auto fixed = doc;
  fixed["fixed"] = {{{"session", "a-1"}, {"timeslot", "t1"}}};
  EXPECT_EQ(infeasible(fixed, assign({{"a-1", "m1"}})).code, "schedule_fixed_moved");
}

TEST(Cost, Ietf83PublishedScheduleMatchesTheFormatPage) {
  auto p = parse_problem(testing::read_file(testing::shared_path("data/schedule/ietf83.problem.json")));
  auto s = parse_schedule(testing::read_file(testing::shared_path("data/schedule/ietf83.official.json")));
  ASSERT_TRUE(p.ok() && s.ok());
  auto r = evaluate(*p, *s);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total, 1695000);  // formats/schedule-problem.md
  EXPECT_EQ(count_of(*r, Term::conflict), 10);
  EXPECT_EQ(count_of(*r, Term::conflic2), 18);
  EXPECT_EQ(count_of(*r, Term::conflic3), 5);
  EXPECT_EQ(count_of(*r, Term::session_requires_trim), 4);
  EXPECT_EQ(count_of(*r, Term::sessions_out_of_order), 1);
  EXPECT_EQ(count_of(*r, Term::area_overlapping_in_area), 1);
}

}  // namespace
}  // namespace convene::schedule
