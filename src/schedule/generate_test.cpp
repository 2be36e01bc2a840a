#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "convene/schedule/generate.h"

namespace convene::schedule {
namespace {

TEST(Generate, MakesAValidProblemOfTheAskedShape) {
  GenerateOptions o;
  o.sessions = 40;
  o.rooms = 5;
  o.days = 2;
  auto p = generate(o);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->rooms.size(), 5u);
  EXPECT_EQ(p->timeslots.size(), 5u * 2 * 4);
  EXPECT_GE(p->sessions.size(), 40u);
  EXPECT_LE(p->sessions.size(), 41u);
  auto reread = problem_from_json(to_json(*p));  // passes every validation rule
  ASSERT_TRUE(reread.ok()) << reread.error().message;
  EXPECT_EQ(reread->constraints.size(), p->constraints.size());
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
}

}  // namespace
}  // namespace convene::schedule
