#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "convene/schedule/cost.h"
#include "convene/schedule/generate.h"

namespace convene::schedule {
namespace {

// Exclusive sessions sit alone in their planted periods, some joint with a
// group of their own, and the planted schedule still costs 0.
TEST(Generate, ExclusiveSessionsWithAZeroCostPlantedSchedule) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    GenerateOptions o;
    o.sessions = 125;
    o.rooms = 8;
    o.exclusive = 3;
    o.seed = seed;
    auto planted = generate_planted(o);
    ASSERT_TRUE(planted.ok()) << planted.error().message;
    int exclusive = 0, joint = 0;
    for (const auto& s : planted->problem.sessions) {
      exclusive += s.exclusive;
      joint += s.exclusive && !s.joint_with.empty();
    }
    EXPECT_EQ(exclusive, 3);
    EXPECT_EQ(joint, 1);
    EXPECT_EQ(planted->problem.sessions.size(), 125u);
    ASSERT_TRUE(problem_from_json(to_json(planted->problem)).ok());
    auto cost = evaluate(planted->problem, planted->schedule);
    ASSERT_TRUE(cost.ok()) << cost.error().message;
    EXPECT_EQ(cost->total, 0) << "seed " << seed;
    EXPECT_EQ(cost->scheduled, 125);
  }
  GenerateOptions too_many;
  too_many.sessions = 10;
  too_many.exclusive = 11;
  EXPECT_FALSE(generate_planted(too_many).ok());
}

TEST(Generate, MakesAValidProblemOfTheAskedShape) {
  GenerateOptions o;
  o.sessions = 40;
  o.rooms = 5;
  o.days = 2;
  auto p = generate(o);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->rooms.size(), 5u);
  EXPECT_EQ(p->timeslots.size(), 5u * 2 * 4);
  EXPECT_EQ(p->sessions.size(), 40u);
  auto reread = problem_from_json(to_json(*p));  // passes every validation rule
  ASSERT_TRUE(reread.ok()) << reread.error().message;
  EXPECT_EQ(reread->constraints.size(), p->constraints.size());
}

// The planted schedule places everything at cost 0, while the problem is
// dense with every kind of constraint.
TEST(Generate, PlantedScheduleCostsNothing) {
  for (int sessions : {20, 125, 500}) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      GenerateOptions o;
      o.sessions = sessions;
      o.rooms = sessions > 100 ? 8 : 4;
      o.seed = seed;
      auto planted = generate_planted(o);
      ASSERT_TRUE(planted.ok()) << planted.error().message;
      auto cost = evaluate(planted->problem, planted->schedule);
      ASSERT_TRUE(cost.ok()) << cost.error().message;
      EXPECT_EQ(cost->total, 0) << sessions << " sessions, seed " << seed;
      EXPECT_EQ(cost->scheduled, sessions);
      std::map<ConstraintType, int> kinds;
      for (const auto& c : planted->problem.constraints) ++kinds[c.type];
      EXPECT_GE(kinds[ConstraintType::bethere], 2);
      EXPECT_GE(kinds[ConstraintType::timerange], 1);
      if (sessions >= 125) {
        EXPECT_GE(kinds[ConstraintType::time_relation], 1);
        EXPECT_GE(kinds[ConstraintType::wg_adjacent], 1);
        int conflicts = 0;
        for (const auto& [type, n] : kinds) conflicts += is_group_conflict(type) ? n : 0;
        EXPECT_GE(conflicts, 8 * static_cast<int>(planted->problem.groups.size()));  // dense
      }
    }
  }
}

TEST(Generate, SameSeedSameProblemOtherSeedOther) {
  GenerateOptions o;
  auto a = generate(o), b = generate(o);
  o.seed = 2;
  auto c = generate(o);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(to_json(*a), to_json(*b));
  EXPECT_NE(to_json(*a), to_json(*c));
}

TEST(Generate, RefusesNonsense) {
  GenerateOptions o;
  o.rooms = 0;
  auto p = generate(o);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, "schedule_generate_invalid");
  o.rooms = 2;
  o.days = 1;
  o.sessions = 9;  // 8 slots
  p = generate(o);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, "schedule_generate_invalid");
}

}  // namespace
}  // namespace convene::schedule
