#include <gtest/gtest.h>

#include "convene/schedule/bound.h"
#include "convene/schedule/generate.h"
#include "convene/schedule/solver.h"
#include "partition_bound.h"
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

// a-1 is exclusive, two hours long and cannot meet on Tuesday, so it takes
// m1 or m2 (or a trim). Six sessions need the six slots: one slot beside it
// is wasted or a session overlaps it (100,000).
TEST(Bound, ExclusiveSessionEmptiesItsPeriod) {
  const auto doc = testing::exclusive_problem(false);
  const auto p = problem_of(doc);
  auto b = lower_bound(p);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->assignment, 0);
  EXPECT_EQ(b->exclusive, 100000);
  EXPECT_EQ(b->lower_bound, 100000);
  EXPECT_EQ(b->method, "exclusive");
  EXPECT_EQ(testing::brute_force(Model(p)), 100000);
  EXPECT_EQ(solved(p), 100000);
}

// The same, and every two of b-1 .. f-1 conflict (conflic2, 10,000): the
// two afternoon slots overlap, so the optimum is 110,000, above the
// exclusive bound. The SAT method, the rest of the cost limited by what the
// exclusive bound proves, proves 110,000 and no more.
TEST(Bound, SatProvesMoreThanTheExclusiveBound) {
  const auto doc = testing::exclusive_problem(true);
  const auto p = problem_of(doc);
  ASSERT_EQ(testing::brute_force(Model(p)), 110000);
  BoundOptions o;
  o.sat_seconds = 10;  // aims at what a solve of 1 s finds
  o.partition = false;  // which proves 110,000 too, first
  auto b = lower_bound(p, o);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->exclusive, 100000);
  EXPECT_EQ(b->lower_bound, 110000);
  EXPECT_EQ(b->method, "sat");
}

// With exclusive sessions (some allowing a group, one joint), the bound
// never exceeds the optimum found by trying every placement.
TEST(Bound, ExclusiveBoundNeverAboveTheBruteForceOptimum) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    auto doc = to_json(testing::rough_problem(seed));
    doc["sessions"][2]["exclusive"] = true;
    doc["sessions"][4]["exclusive"] = true;
    doc["sessions"][4]["exclusive_allow"] = {doc["sessions"][0]["group"]};
    doc["sessions"][4]["joint_with"] = {doc["sessions"][3]["group"]};
    const auto p = problem_of(doc);
    auto b = lower_bound(p);
    ASSERT_TRUE(b.ok());
    const std::int64_t optimum = testing::brute_force(Model(p));
    EXPECT_LE(b->exclusive, optimum) << "seed " << seed;
    // The SAT method, its other costs limited by the exclusive bound, is
    // never above the optimum either, and aimed at it proves it.
    EXPECT_LE(b->lower_bound, optimum) << "seed " << seed;
    BoundOptions aimed;
    aimed.sat_seconds = 30;
    aimed.upper = optimum;
    aimed.partition = false;
    b = lower_bound(p, aimed);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->lower_bound, optimum) << "seed " << seed;
  }
}

std::chrono::steady_clock::time_point seconds_from_now(int s) {
  return std::chrono::steady_clock::now() + std::chrono::seconds(s);
}

// A rough problem of one day (disjoint periods); every second seed with
// two exclusive sessions, one of them joint.
json partition_problem(std::uint64_t seed) {
  auto doc = to_json(testing::rough_problem(seed));
  if (seed % 2 == 0) {
    doc["sessions"][2]["exclusive"] = true;
    doc["sessions"][4]["exclusive"] = true;
    doc["sessions"][4]["joint_with"] = {doc["sessions"][3]["group"]};
  }
  return doc;
}

// The set-partitioning bound is proven: never above the optimum found by
// trying every placement, exclusive and joint sessions included.
TEST(Bound, PartitionBoundNeverAboveTheBruteForceOptimum) {
  int proved_optimum = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const auto p = problem_of(partition_problem(seed));
    const Model m(p);  // keeps a pointer to p
    ASSERT_TRUE(partition_applies(m)) << "seed " << seed;  // one day of disjoint periods
    const auto got = partition_bound(m, seconds_from_now(30));
    EXPECT_TRUE(got.converged) << "seed " << seed;
    const std::int64_t optimum = testing::brute_force(m);
    EXPECT_LE(got.bound, optimum) << "seed " << seed;
    proved_optimum += got.bound == optimum;
  }
  EXPECT_GT(proved_optimum, 0);  // and not trivially low
}

// Reduced-cost fixing is proven: every session of every schedule costing
// at most the target sits where partition_allowed() allows it, and it
// does rule placements out.
TEST(Bound, PartitionFixingKeepsEveryPlacementOfAScheduleWithinTheTarget) {
  int ruled_out = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const auto p = problem_of(partition_problem(seed));
    const Model m(p);
    const auto lp = partition_bound(m, seconds_from_now(30));
    ASSERT_TRUE(lp.converged) << "seed " << seed;
    const std::int64_t optimum = testing::brute_force(m);
    for (const std::int64_t target : {optimum, optimum + optimum / 5}) {
      const auto allowed = partition_allowed(m, lp, target, seconds_from_now(30));
      ASSERT_EQ(allowed.size(), static_cast<std::size_t>(m.session_count()));
      testing::for_each_placement(m, [&](const Placement& placed, std::int64_t cost) {
        if (cost > target) return;
        for (int s = 0; s < m.session_count(); ++s) {
          const int t = placed.slot_of[s];
          if (t < 0) continue;
          EXPECT_TRUE(allowed[s][m.period_of[t]]) << "seed " << seed << " session " << s;
        }
      });
      for (const auto& row : allowed) ruled_out += static_cast<int>(std::count(row.begin(), row.end(), 0));
    }
  }
  EXPECT_GT(ruled_out, 0);
}

// IETF 106's periods never overlap: the bound is its optimum, 210,000, and
// with dispatch-1 exclusive 360,000 (issue 9's fourth round proved that by
// hand; the SAT method proves 320,000).
TEST(Bound, PartitionBoundOfIetf106AndItsExclusiveVariant) {
  auto doc = nlohmann::json::parse(testing::read_file(testing::shared_path("data/schedule/ietf106.problem.json")));
  const auto got = partition_bound(Model(problem_of(doc)), seconds_from_now(60));
  EXPECT_TRUE(got.converged);
  EXPECT_EQ(got.bound, 210000);
  for (auto& s : doc["sessions"]) {
    if (s["id"] == "dispatch-1") s["exclusive"] = true;
  }
  const auto exclusive = partition_bound(Model(problem_of(doc)), seconds_from_now(60));
  EXPECT_TRUE(exclusive.converged);
  EXPECT_EQ(exclusive.bound, 360000);
}

// Where periods overlap, sessions of different periods can overlap too:
// the partition model is no relaxation then, and proves nothing.
TEST(Bound, PartitionBoundNeedsDisjointPeriods) {
  auto doc = testing::small_problem();
  EXPECT_TRUE(partition_applies(Model(problem_of(doc))));
  doc["timeslots"].push_back({{"id", "m4"}, {"room", "r2"}, {"start", "2024-03-18T10:00:00+01:00"}, {"duration_min", 60}});
  const auto p = problem_of(doc);
  const Model m(p);
  EXPECT_FALSE(partition_applies(m));
  EXPECT_EQ(partition_bound(m, seconds_from_now(5)).bound, 0);
  BoundOptions o;
  o.sat_seconds = 2;
  auto b = lower_bound(p, o);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->partition, 0);
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
