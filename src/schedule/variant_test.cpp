// The variant writer field by field, and the price of a variant against
// brute force: its interval always holds the true difference of optima.
#include "convene/schedule/variant.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "convene/schedule/price.h"
#include "testing.h"

namespace convene::schedule {
namespace {

using testing::small_problem;

// small_problem() with a-1 joint with c, 120 minutes and fixed to m1; b-1
// exclusive allowing c; constraints naming the groups of a-1 and b-1.
Problem merge_problem() {
  auto doc = small_problem();
  doc["sessions"][0]["joint_with"] = {"c"};
  doc["sessions"][0]["duration_min"] = 120;
  doc["sessions"][1]["attendees"] = 25;
  doc["sessions"][1]["exclusive"] = true;
  doc["sessions"][1]["exclusive_allow"] = {"c"};
  doc["sessions"][3]["exclusive"] = true;
  doc["sessions"][3]["exclusive_allow"] = {"b"};
  doc["constraints"] = {
      {{"type", "conflict"}, {"group", "a"}, {"target", "d"}},
      {{"type", "bethere"}, {"group", "b"}, {"person", "p1"}},
      {{"type", "wg_adjacent"}, {"group", "b"}, {"target", "d"}},
  };
  doc["fixed"] = {{{"session", "a-1"}, {"timeslot", "m1"}}};
  return testing::problem_of(doc);
}

const Session* find(const Problem& p, const std::string& id) {
  for (const auto& s : p.sessions) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

TEST(Variant, MergesSessionsIntoOneJointSession) {
  const Problem base = merge_problem();
  MergeOptions o;
  o.sessions = {"a-1", "b-1"};
  o.exclusive = true;
  auto v = merge_sessions(base, o);
  ASSERT_TRUE(v.ok()) << v.error().message;
  ASSERT_EQ(v->sessions.size(), 3u);
  const Session& joint = v->sessions[0];
  EXPECT_EQ(joint.id, "a-1");
  EXPECT_EQ(joint.group, "a");
  EXPECT_EQ(joint.duration_min, 120);  // the longest
  EXPECT_EQ(joint.attendees, 35);      // 10 + 25
  EXPECT_EQ(joint.joint_with, (std::vector<std::string>{"c", "b"}));
  EXPECT_TRUE(joint.exclusive);
  EXPECT_EQ(joint.exclusive_allow, (std::vector<std::string>{"c"}));
  EXPECT_EQ(find(*v, "b-1"), nullptr);
  EXPECT_NE(find(*v, "c-1"), nullptr);
  // d-1 allowed b; b's session is now the joint one, whose own group is a.
  EXPECT_EQ(find(*v, "d-1")->exclusive_allow, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(v->fixed, (std::vector<Assignment>{{"a-1", "m1"}}));
  // All constraints kept; b's wg_adjacent wish passes to a (b meets no more).
  ASSERT_EQ(v->constraints.size(), 4u);
  EXPECT_EQ(v->constraints[3].type, ConstraintType::wg_adjacent);
  EXPECT_EQ(v->constraints[3].group, "a");
  EXPECT_EQ(v->constraints[3].target, "d");
  EXPECT_EQ(v->groups.size(), base.groups.size());
  EXPECT_EQ(base.sessions.size(), 4u);  // the input is unchanged
  // What it writes reads back as a valid problem.
  EXPECT_TRUE(problem_from_json(to_json(*v)).ok());
}

TEST(Variant, GivenAttendanceAndASingleSessionMadeExclusive) {
  MergeOptions o;
  o.sessions = {"c-1"};
  o.exclusive = true;
  o.attendees = 70;
  auto v = merge_sessions(merge_problem(), o);
  ASSERT_TRUE(v.ok()) << v.error().message;
  const Session* c = find(*v, "c-1");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->exclusive);
  EXPECT_EQ(c->attendees, 70);
  EXPECT_TRUE(c->joint_with.empty());
  EXPECT_EQ(v->sessions.size(), 4u);
  o.exclusive = false;
  o.sessions = {"a-1", "c-1"};
  v = merge_sessions(merge_problem(), o);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->sessions[0].exclusive);
  EXPECT_EQ(v->sessions[0].joint_with, (std::vector<std::string>{"c"}));
}

TEST(Variant, RefusesUnknownRepeatedAndConflictingSessions) {
  const Problem base = merge_problem();
  for (const auto& ids : std::vector<std::vector<std::string>>{{}, {"zz-1"}, {"a-1", "a-1"}}) {
    MergeOptions o;
    o.sessions = ids;
    auto v = merge_sessions(base, o);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.error().code, "schedule_variant_invalid");
  }
  auto doc = to_json(base);
  doc["fixed"].push_back({{"session", "b-1"}, {"timeslot", "t1"}});
  MergeOptions o;
  o.sessions = {"a-1", "b-1"};
  auto v = merge_sessions(testing::problem_of(doc), o);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message.find("different timeslots"), std::string::npos);
}

// On small problems solved exactly by brute force, the price interval holds
// the true difference whatever the solver and bound achieve.
TEST(Price, IntervalHoldsTheTrueDifference) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Problem base = testing::rough_problem(seed);
    MergeOptions o;
    o.sessions = {base.sessions[2].id, base.sessions[3].id};
    o.exclusive = true;
    const Problem variant = *merge_sessions(base, o);
    const std::int64_t truth = testing::brute_force(Model(variant)) - testing::brute_force(Model(base));
    PriceOptions p;
    p.time_limit_s = 0;  // the solve's move budget, no exact bound: a wide interval
    auto r = price(base, variant, p);
    ASSERT_TRUE(r.ok());
    EXPECT_LE(r->lower, truth) << "seed " << seed;
    EXPECT_GE(r->upper, truth) << "seed " << seed;
    EXPECT_EQ(r->lower, r->variant.bound - r->base.best);
    EXPECT_EQ(r->upper, r->variant.best - r->base.bound);
    if (seed > 1) continue;
    p.time_limit_s = 3;  // with the exact passes and bound: the same holds
    r = price(base, variant, p);
    ASSERT_TRUE(r.ok());
    EXPECT_LE(r->lower, truth);
    EXPECT_GE(r->upper, truth);
  }
}

}  // namespace
}  // namespace convene::schedule
