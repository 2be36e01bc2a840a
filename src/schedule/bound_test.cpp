#include <gtest/gtest.h>

#include "convene/schedule/bound.h"
#include "convene/schedule/generate.h"
#include "convene/schedule/solver.h"
#include "testing.h"

namespace convene::schedule {
namespace {

using nlohmann::json;

using testing::problem_of;

std::int64_t solved(const Problem& p) {
  SolveOptions o;
  o.iterations = 20000;
  auto r = solve(p, o);
  EXPECT_TRUE(r.ok());
  return r.ok() ? r->report.total : -1;
}

TEST(Bound, ForcedTrimIsProvenAndMet) {
  auto doc = testing::small_problem();
  for (auto& s : doc["sessions"]) s["duration_min"] = 120;  // only m1, m2, t1 are that long
  const auto p = problem_of(doc);
  auto b = lower_bound(p);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->assignment, 100000);
  EXPECT_EQ(b->lower_bound, 100000);
  EXPECT_EQ(solved(p), 100000);  // the solver's schedule is proven optimal
}

TEST(Bound, PigeonholeForcesAnOverlap) {
  auto doc = testing::small_problem();
  doc["groups"].push_back({{"acronym", "e"}});
  doc["sessions"].push_back({{"id", "e-1"}, {"group", "e"}, {"duration_min", 60}});
  const char* groups[] = {"a", "b", "c", "d", "e"};
  for (int i = 0; i < 5; ++i) {
    for (int j = i + 1; j < 5; ++j) {
      doc["constraints"].push_back({{"type", "conflic3"}, {"group", groups[i]}, {"target", groups[j]}});
    }
  }
  const auto p = problem_of(doc);  // 5 sessions, at most 4 slots without overlap
  auto b = lower_bound(p);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->parallel_limit, 4);
  EXPECT_EQ(b->conflict_sets, 1);
  EXPECT_EQ(b->overlap, 1000);
  EXPECT_EQ(b->lower_bound, 1000);
  EXPECT_EQ(solved(p), 1000);
}

TEST(Bound, CountsSessionsThatCannotFit) {
  auto doc = testing::small_problem();
  for (const char* g : {"e", "f", "h"}) {
    doc["groups"].push_back({{"acronym", g}});
    doc["sessions"].push_back({{"id", std::string(g) + "-1"}, {"group", g}, {"duration_min", 60}});
  }
  auto b = lower_bound(problem_of(doc));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->lower_bound, 10000000);
}

TEST(Bound, NeverAboveAFoundScheduleOnRealOrSyntheticProblems) {
  for (const char* name : {"ietf83", "ietf106"}) {
    auto p = parse_problem(testing::read_file(testing::shared_path(std::string("data/schedule/") + name +
                                                                   ".problem.json")));
    ASSERT_TRUE(p.ok());
    auto b = lower_bound(*p);
    ASSERT_TRUE(b.ok());
    EXPECT_LE(b->lower_bound, solved(*p)) << name;
  }
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    GenerateOptions g;
    g.seed = seed;
    g.sessions = 30;
    g.rooms = 2;
    g.days = 4;
    auto p = generate(g);
    ASSERT_TRUE(p.ok());
    auto b = lower_bound(*p);
    ASSERT_TRUE(b.ok());
    EXPECT_LE(b->lower_bound, solved(*p)) << "seed " << seed;
  }
}

}  // namespace
}  // namespace convene::schedule
