// The exact (SAT) lower bound against brute force: on small problems with
// every kind of rule, the bound never exceeds the optimum found by trying
// every placement, and given that optimum as the cost to aim at it proves it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "convene/schedule/bound.h"
#include "convene/schedule/generate.h"
#include "evaluate.h"
#include "model.h"
#include "sat_bound.h"
#include "testing.h"

namespace convene::schedule {
namespace {

using testing::brute_force;
using testing::rough_problem;


TEST(SatBound, ProvesTheBruteForceOptimumAndNeverMore) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const Problem p = rough_problem(seed);
    const Model m(p);
    const std::int64_t optimum = brute_force(m);
    ASSERT_GT(optimum, 0) << "seed " << seed << ": the test wants a non-trivial optimum";
    BoundOptions aimed;
    aimed.sat_seconds = 30;
    aimed.upper = optimum;
    aimed.partition = false;  // the SAT method alone
    auto b = lower_bound(p, aimed);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->lower_bound, optimum) << "seed " << seed;
    EXPECT_TRUE(b->optimal);
    if (seed > 2) continue;
    BoundOptions blind;  // aims at what a short solve (0.5 s) finds
    blind.sat_seconds = 5;
    blind.partition = false;
    b = lower_bound(p, blind);
    ASSERT_TRUE(b.ok());
    EXPECT_LE(b->lower_bound, optimum) << "seed " << seed;
    EXPECT_EQ(b->lower_bound, optimum) << "seed " << seed << ": exact rounding reached";
  }
}

// The period model (rooms seated afterwards) only finds schedules: each it
// returns is feasible, its cost is recomputed, and it is never below the
// optimum.
TEST(SatPeriods, FindsOnlyFeasibleSchedulesAtTheirTrueCost) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const Problem p = rough_problem(seed);
    const Model m(p);
    const std::int64_t optimum = brute_force(m);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    const auto got = sat_minimum(m, 1000, optimum / 1000 + 200, deadline, SatModel::periods);
    ASSERT_TRUE(got.best_model) << "seed " << seed;
    const Schedule schedule = to_schedule(m, *got.best_model);
    auto placed = place(m, schedule);
    ASSERT_TRUE(placed.ok()) << "seed " << seed << ": " << placed.error().message;
    EXPECT_EQ(*got.best_model_cost, tabled_cost(m, *placed)) << "seed " << seed;
    EXPECT_GE(*got.best_model_cost, optimum) << "seed " << seed;
  }
}

// The small problem with a-1's mornings (its two-hour slots) costly.
Problem mornings_cost_a() {
  auto doc = testing::small_problem();
  doc["constraints"] = {{{"type", "timerange"}, {"group", "a"}, {"ranges", {"monday-morning", "tuesday-morning"}}}};
  return testing::problem_of(doc);
}

// A free session never takes a place shorter than its `shortest` length,
// even where that is cheapest: a-1 (60 minutes) may not meet in the
// mornings, whose slots are two hours long. Free, it meets in the
// afternoon at no cost; held to two-hour slots, it pays for a morning.
TEST(SatPeriods, AShortestLengthKeepsASessionOutOfShorterSlots) {
  const Problem p = mornings_cost_a();
  const Model m(p);
  ASSERT_EQ(p.sessions[0].id, "a-1");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  const auto free = sat_minimum(m, 1000, 2000, deadline, SatModel::periods);
  ASSERT_TRUE(free.best_model);
  EXPECT_EQ(*free.best_model_cost, 0);
  EXPECT_EQ(m.slots[free.best_model->slot_of[0]].duration_min, 60);
  std::vector<int> shortest(m.session_count(), 0);
  shortest[0] = 120;
  SatGuide guide;
  guide.shortest = &shortest;
  const auto held = sat_minimum(m, 1000, 2000, deadline, SatModel::periods, guide);
  ASSERT_TRUE(held.best_model);
  EXPECT_EQ(m.slots[held.best_model->slot_of[0]].duration_min, 120);
  EXPECT_GT(*held.best_model_cost, 0);
}

// A session never goes where `allowed` says it may not: a-1 is cheapest in
// the afternoon (its mornings cost a timerange), but kept out of the
// afternoon periods it pays for a morning.
TEST(SatPeriods, AllowedPeriodsKeepASessionOut) {
  const Problem p = mornings_cost_a();
  const Model m(p);
  ASSERT_EQ(p.sessions[0].id, "a-1");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::vector<std::vector<char>> allowed(m.session_count(), std::vector<char>(m.period_slots.size(), 1));
  for (std::size_t q = 0; q < m.period_slots.size(); ++q) {
    if (m.slots[m.period_slots[q].front()].duration_min == 60) allowed[0][q] = 0;  // the afternoons
  }
  SatGuide guide;
  guide.allowed = &allowed;
  for (const auto kind : {SatModel::periods, SatModel::slots}) {
    const auto held = sat_minimum(m, 1000, 2000, deadline, kind, guide);
    ASSERT_TRUE(held.best_model);
    ASSERT_GE(held.best_model->slot_of[0], 0);
    EXPECT_EQ(m.slots[held.best_model->slot_of[0]].duration_min, 120);
    EXPECT_GT(*held.best_model_cost, 0);
  }
}

// Pinned sessions keep their slots; the others are placed again, and the
// schedule found is feasible at its true cost.
TEST(SatPeriods, PinnedSessionsKeepTheirSlots) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Problem p = rough_problem(seed);
    const Model m(p);
    Placement start(m);
    std::vector<int> pinned(m.session_count(), -1);
    for (int s = 0; s < 3; ++s) {  // three sessions in distinct periods, kept
      start.slot_of[s] = m.period_slots[s].front();
      start.session_in[start.slot_of[s]] = s;
      pinned[s] = start.slot_of[s];
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    const auto got = sat_minimum(m, 1000, 100000, deadline, SatModel::periods, {.hint = &start, .pinned = &pinned});
    ASSERT_TRUE(got.best_model) << "seed " << seed;
    for (int s = 0; s < 3; ++s) EXPECT_EQ(got.best_model->slot_of[s], pinned[s]) << "seed " << seed;
    auto placed = place(m, to_schedule(m, *got.best_model));
    ASSERT_TRUE(placed.ok()) << "seed " << seed << ": " << placed.error().message;
    EXPECT_EQ(*got.best_model_cost, tabled_cost(m, *placed));
  }
}

// A problem too large for the whole SAT models (400 sessions, more than
// 100,000 (session, slot) pairs) is still encoded when most sessions are
// pinned: two sessions of the planted schedule swapped across periods cost
// something, and freeing just their two periods finds cost 0 again.
TEST(SatPeriods, ANeighbourhoodOfALargeProblemIsEncoded) {
  GenerateOptions g;
  g.sessions = 400;
  g.rooms = 8;
  auto planted = generate_planted(g);
  ASSERT_TRUE(planted.ok());
  const Model m(planted->problem);
  ASSERT_FALSE(sat_applies(m));
  auto start = place(m, planted->schedule);
  ASSERT_TRUE(start.ok());
  int a = 0, b = 1;  // two sessions of different periods and groups
  while (m.period_of[start->slot_of[b]] == m.period_of[start->slot_of[a]] || m.clash(a, b)) ++b;
  std::swap(start->slot_of[a], start->slot_of[b]);
  start->session_in[start->slot_of[a]] = a;
  start->session_in[start->slot_of[b]] = b;
  const std::int64_t swapped = tabled_cost(m, *start);
  ASSERT_GT(swapped, 0);
  std::vector<int> pinned = start->slot_of;
  for (int s = 0; s < m.session_count(); ++s) {
    const int p = m.period_of[start->slot_of[s]];
    if (p == m.period_of[start->slot_of[a]] || p == m.period_of[start->slot_of[b]]) pinned[s] = -1;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  const auto got = sat_minimum(m, 1, swapped - 1, deadline, SatModel::periods, {.hint = &*start, .pinned = &pinned});
  ASSERT_TRUE(got.best_model);
  EXPECT_LT(*got.best_model_cost, swapped);
  EXPECT_EQ(*got.best_model_cost, tabled_cost(m, *got.best_model));
  for (int s = 0; s < m.session_count(); ++s) {
    if (pinned[s] >= 0) {
      EXPECT_EQ(got.best_model->slot_of[s], pinned[s]);
    }
  }
}

// The ascent with the exclusive bound as a floor (a-1's pairs, per-slot and
// unscheduled costs: at least 10 units of 10,000) refutes 10 units and
// finds the optimum's 11, so the limit it adds on the other costs (at most
// k - 10) loses no schedule.
TEST(SatAscent, AFloorLosesNoSchedule) {
  const Problem p = testing::problem_of(testing::exclusive_problem(true));
  const Model m(p);
  const SatFloor floor{m.session_index("a-1"), 10};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  auto got = sat_ascent(m, 10000, 10, 10, deadline, &floor);
  EXPECT_EQ(got.proven_units, 11);
  EXPECT_FALSE(got.found);
  got = sat_ascent(m, 10000, 10, 20, deadline, &floor);
  EXPECT_EQ(got.proven_units, 11);
  ASSERT_TRUE(got.found);
  EXPECT_EQ(*got.found, 11);
  EXPECT_EQ(*got.best_model_cost, 110000);
}

// a-1 must sit right before b-1 in the same room (m1 then m3, room r1).
// Seating by attendees alone puts c-1 (40) into r1 and a-1 (10) into r2;
// the period model's schedule seats a-1 next to b-1 instead, at cost 0.
TEST(SatPeriods, SeatsAWgAdjacentPairInOneRoom) {
  auto doc = testing::small_problem();
  for (int i : {0, 2, 3}) doc["sessions"][i]["duration_min"] = 120;  // a-1, c-1, d-1: m1, m2 or t1
  doc["sessions"][2]["attendees"] = 40;
  doc["constraints"] = {
      {{"type", "wg_adjacent"}, {"group", "a"}, {"target", "b"}},
      {{"type", "timerange"}, {"group", "d"}, {"ranges", {"monday-morning"}}},
  };
  const Problem p = *problem_from_json(doc);
  const Model m(p);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  const auto got = sat_minimum(m, 1, 10, deadline, SatModel::periods);
  ASSERT_TRUE(got.best_model);
  EXPECT_EQ(*got.best_model_cost, 0);
  EXPECT_EQ(got.best_model->slot_of[m.session_index("a-1")], m.slot_index("m1"));
  EXPECT_EQ(got.best_model->slot_of[m.session_index("b-1")], m.slot_index("m3"));
  EXPECT_EQ(got.best_model->slot_of[m.session_index("c-1")], m.slot_index("m2"));
}

}  // namespace
}  // namespace convene::schedule
