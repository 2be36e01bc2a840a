#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "convene/schedule/solver.h"
#include "passes.h"
#include "sat_bound.h"
#include "testing.h"

namespace convene::schedule {
namespace {

using nlohmann::json;

using testing::problem_of;

SolveOptions quick(std::uint64_t seed = 1) {
  SolveOptions o;
  o.seed = seed;
  o.iterations = 20000;
  return o;
}

// Four groups conflicting in a ring, and b may not meet Monday morning.
json ring() {
  auto doc = testing::small_problem();
  const char* pairs[][2] = {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}};
  for (const auto& pr : pairs) doc["constraints"].push_back({{"type", "conflict"}, {"group", pr[0]}, {"target", pr[1]}});
  doc["constraints"].push_back({{"type", "timerange"}, {"group", "b"}, {"ranges", {"monday-morning"}}});
  return doc;
}

TEST(Solver, FindsAConflictFreeScheduleWhenThereIsOne) {
  const auto p = problem_of(ring());
  auto r = solve(p, quick());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->report.total, 0);
  EXPECT_EQ(r->schedule.assignments.size(), 4u);
  auto again = evaluate(p, r->schedule);  // a reader recomputes the same cost
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total, r->report.total);
}

TEST(Solver, KeepsFixedAssignments) {
  auto doc = ring();
  doc["fixed"] = {{{"session", "b-1"}, {"timeslot", "m2"}}};  // in b's forbidden range
  const auto p = problem_of(doc);
  auto r = solve(p, quick());
  ASSERT_TRUE(r.ok());
  EXPECT_NE(std::find(r->schedule.assignments.begin(), r->schedule.assignments.end(), Assignment{"b-1", "m2"}),
            r->schedule.assignments.end());
  EXPECT_EQ(r->report.total, 1000000);  // the timerange it cannot avoid, nothing else
}

// With a time limit the SAT passes run; their period model seats rooms
// itself and must still keep fixed sessions where they are.
TEST(Solver, TheExactPassKeepsFixedAssignmentsAndProvesTheOptimum) {
  auto doc = ring();
  doc["fixed"] = {{{"session", "b-1"}, {"timeslot", "m2"}}};
  const auto p = problem_of(doc);
  SolveOptions o;
  o.time_limit_s = 2;
  auto r = solve(p, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_NE(std::find(r->schedule.assignments.begin(), r->schedule.assignments.end(), Assignment{"b-1", "m2"}),
            r->schedule.assignments.end());
  EXPECT_EQ(r->report.total, 1000000);
  EXPECT_TRUE(r->proven_optimal);
}

TEST(Solver, LateAcceptanceAloneFindsAConflictFreeSchedule) {
  const auto p = problem_of(ring());
  SolveOptions o = quick();
  o.late_acceptance = 100;
  o.construct = false;  // from nothing placed
  o.polish = false;
  auto r = solve(p, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->report.total, 0);
  EXPECT_EQ(r->schedule.assignments.size(), 4u);
}

TEST(Solver, SameSeedSameSchedule) {
  const auto p = problem_of(ring());
  auto a = solve(p, quick(7)), b = solve(p, quick(7));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->schedule.assignments, b->schedule.assignments);
}

TEST(Solver, LeavesOutWhatCannotFitAndSaysSo) {
  auto doc = testing::small_problem();
  for (const char* g : {"e", "f", "h"}) {
    doc["groups"].push_back({{"acronym", g}});
    doc["sessions"].push_back({{"id", std::string(g) + "-1"}, {"group", g}, {"duration_min", 60}});
  }
  auto r = solve(problem_of(doc), quick());  // 7 sessions, 6 slots
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->report.scheduled, 6);
  EXPECT_EQ(r->report.total, 10000000);
  EXPECT_EQ(r->report.violations.at(0).term, Term::unscheduled);
}

// Layers: the small problem has two-hour periods and one-hour periods; with
// every slot an hour long it has none.
TEST(Solver, LayersAreThePeriodsOfEachSlotLength) {
  const Problem two = problem_of(testing::small_problem());
  EXPECT_TRUE(has_layers(Model(two)));
  auto doc = testing::small_problem();
  for (auto& t : doc["timeslots"]) t["duration_min"] = 60;
  const Problem one = problem_of(doc);
  EXPECT_FALSE(has_layers(Model(one)));
  EXPECT_TRUE(layer_neighbourhoods(Model(one)).empty());
}

// Three lengths (the afternoon slots made 90 minutes long): each cut both
// ways, and the middle layer alone, fewest slots first.
TEST(Solver, LayerNeighbourhoodsAreTheCutsAndTheMiddleLayers) {
  auto doc = testing::small_problem();
  for (auto& t : doc["timeslots"]) {
    if (t["id"] == "a1" || t["id"] == "a2") t["duration_min"] = 90;
  }
  const Problem p = problem_of(doc);
  const Model m(p);
  std::vector<std::vector<std::string>> freed;
  for (const auto& free : layer_neighbourhoods(m)) {
    std::vector<std::string> ids;
    for (int t = 0; t < m.slot_count(); ++t) {
      if (free[m.period_of[t]]) ids.push_back(p.timeslots[t].id);
    }
    std::sort(ids.begin(), ids.end());
    freed.push_back(ids);
  }
  const std::vector<std::vector<std::string>> expected = {
      {"m3"}, {"a1", "a2"}, {"a1", "a2", "m3"}, {"m1", "m2", "t1"}, {"a1", "a2", "m1", "m2", "t1"}};
  EXPECT_EQ(freed, expected);
  // The top cut: the two-hour layer alone (m1, m2, t1), and the 60- and
  // 90-minute layers together (a1, a2, m3).
  const TopCut top = top_cut(m);
  EXPECT_EQ(top.longest, 3);
  EXPECT_EQ(top.shorter, 2);
}

// Four levels of three neighbourhoods: in order, or each level reversed.
TEST(Solver, LayerSearchesRunEachLevelInTheirOrder) {
  const std::vector<int> smallest = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  const std::vector<int> largest = {2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9};
  EXPECT_EQ(layer_search_order(3, LayerOrder::smallest_first), smallest);
  EXPECT_EQ(layer_search_order(3, LayerOrder::largest_first), largest);
  EXPECT_TRUE(layer_search_order(0, LayerOrder::largest_first).empty());
}

// With a top cut (longest layer 2, shorter layers 0 of three
// neighbourhoods), its four searches come first, each once: the longest
// layer coarse (2), the shorter ones with the trimmed sessions free coarse
// (2 * 3 + 0), then both at the fine unit (3 + 2, 3 * 3 + 0).
TEST(Solver, TheTopCutsSearchesComeFirst) {
  const std::vector<int> smallest = {2, 6, 5, 9, 0, 1, 3, 4, 7, 8, 10, 11};
  const std::vector<int> largest = {2, 6, 5, 9, 1, 0, 4, 3, 8, 7, 11, 10};
  EXPECT_EQ(layer_search_order(3, LayerOrder::smallest_first, TopCut{2, 0}), smallest);
  EXPECT_EQ(layer_search_order(3, LayerOrder::largest_first, TopCut{2, 0}), largest);
}

// Without layers there is no top cut.
TEST(Solver, OneSlotLengthHasNoTopCut) {
  auto doc = testing::small_problem();
  for (auto& t : doc["timeslots"]) t["duration_min"] = 60;
  const Problem one = problem_of(doc);
  const TopCut top = top_cut(Model(one));
  EXPECT_EQ(top.longest, -1);
  EXPECT_EQ(top.shorter, -1);
}

TEST(Solver, PassesCanBeSwitchedOffAndAreReported) {
  const auto p = problem_of(ring());
  SolveOptions o = quick();
  o.anneal = false;
  o.polish = false;
  auto r = solve(p, o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->passes.size(), 7u);  // construct, anneal, exact, reanneal, layers, focus, polish
  EXPECT_TRUE(r->passes[0].ran);
  EXPECT_FALSE(r->passes[1].ran);
  EXPECT_EQ(r->passes[0].cost, r->report.total);
  EXPECT_GT(r->passes[0].moves, 0);
}

TEST(Solver, ImprovesAGivenStartWithoutConstructing) {
  const auto p = problem_of(ring());
  SolveOptions o = quick();
  o.construct = false;
  o.start = testing::assign({{"a-1", "m1"}, {"b-1", "m2"}, {"c-1", "a1"}, {"d-1", "a2"}});
  auto start = evaluate(p, *o.start);
  ASSERT_TRUE(start.ok());
  EXPECT_EQ(start->total, 1000000 + 2 * 100000 + 0);
  auto r = solve(p, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->report.total, 0);
  EXPECT_EQ(r->passes[1].cost, 0);
}

// a-1 wishes to be next to b-1 (m1), in m3, which c-1 holds. Swapping
// them puts c-1 where it may not meet and c-1 has no cheaper slot alone,
// so no single move or swap helps; c-1 must move on to the empty t1.
TEST(Solver, PolishEjectsASessionToMakeRoomForAWish) {
  auto doc = testing::small_problem();
  doc["constraints"].push_back({{"type", "wg_adjacent"}, {"group", "a"}, {"target", "b"}});
  doc["constraints"].push_back({{"type", "timerange"}, {"group", "c"}, {"ranges", {"monday-afternoon-early"}}});
  doc["constraints"].push_back({{"type", "conflict"}, {"group", "c"}, {"target", "b"}});
  const auto p = problem_of(doc);
  SolveOptions o = quick();
  o.construct = o.anneal = false;
  o.start = testing::assign({{"b-1", "m1"}, {"c-1", "m3"}, {"a-1", "a1"}, {"d-1", "a2"}});
  auto start = evaluate(p, *o.start);
  ASSERT_TRUE(start.ok());
  ASSERT_EQ(start->total, 1000);
  auto r = solve(p, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->report.total, 0);
  std::map<std::string, std::string> placed;
  for (const auto& a : r->schedule.assignments) placed[a.session] = a.timeslot;
  EXPECT_EQ(placed["a-1"], "m3");
  EXPECT_EQ(placed["c-1"], "t1");
}

// a-1 is exclusive and fixed in m1, which leaves five sessions four slots
// outside its period: the search, with exclusivity hard, can place only
// four; the final polish, with it soft again, puts the fifth against a-1
// (100,000) rather than leave it out (10,000,000). Searching with it soft
// from the start finds the same.
TEST(Solver, ASessionThatFitsNowhereElseStillRunsAgainstAnExclusiveOne) {
  auto doc = testing::exclusive_problem(false);
  doc["fixed"] = {{{"session", "a-1"}, {"timeslot", "m1"}}};
  const auto p = problem_of(doc);
  for (bool closed : {true, false}) {
    auto o = quick();
    o.close_exclusive = closed;
    auto r = solve(p, o);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->schedule.assignments.size(), 6u) << closed;
    EXPECT_EQ(r->report.total, 100000) << closed;
    ASSERT_EQ(r->report.terms.size(), 1u) << closed;
    EXPECT_EQ(r->report.terms[0].term, Term::exclusive_overlap) << closed;
  }
}

// With a time limit, a closed model that leaves a session out (a-1 fixed
// in m1 empties Monday morning, and five sessions remain for four slots)
// is given up after the first annealing: the search runs on the open
// model, whose exact pass can then prove its optimum (the closed search
// reports a proof only for a cost of 0).
TEST(Solver, AClosingThatLeavesASessionOutGivesWayToTheOpenSearch) {
  auto doc = testing::exclusive_problem(false);
  doc["fixed"] = {{{"session", "a-1"}, {"timeslot", "m1"}}};
  const auto p = problem_of(doc);
  auto o = quick();
  o.iterations = 0;
  o.time_limit_s = 1;
  o.close_exclusive = true;
  auto r = solve(p, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->report.total, 100000);
  EXPECT_TRUE(r->proven_optimal);
}

// With exclusivity hard, the exact pass proves only the hard problem's
// optimum, which is not a proof for the problem itself: not reported.
TEST(Solver, AProofWithExclusivityHardIsNotReported) {
  const auto p = problem_of(testing::exclusive_problem(false));
  auto o = quick();
  o.iterations = 0;
  o.time_limit_s = 1;
  o.close_exclusive = true;
  auto closed = solve(p, o);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(closed->report.total, 100000);
  EXPECT_FALSE(closed->proven_optimal);
  o.close_exclusive = false;
  auto open = solve(p, o);
  ASSERT_TRUE(open.ok()) << open.error().message;
  EXPECT_EQ(open->report.total, 100000);
  EXPECT_TRUE(open->proven_optimal);
}

TEST(Solver, RefusesBadStartsAndClashingFixedSessions) {
  const auto p = problem_of(ring());
  SolveOptions o = quick();
  o.start = testing::assign({{"a-1", "m1"}, {"b-1", "m1"}});
  auto bad = solve(p, o);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "schedule_slot_taken");

  auto doc = testing::small_problem();
  doc["sessions"].push_back({{"id", "a-2"}, {"group", "a"}, {"duration_min", 60}});
  doc["fixed"] = {{{"session", "a-1"}, {"timeslot", "m1"}}, {{"session", "a-2"}, {"timeslot", "m2"}}};
  auto clash = solve(problem_of(doc), quick());
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, "schedule_fixed_conflict");
}

TEST(Solver, BeatsThePublishedIetf83Schedule) {
  auto p = parse_problem(testing::read_file(testing::shared_path("data/schedule/ietf83.problem.json")));
  ASSERT_TRUE(p.ok());
  SolveOptions o;
  o.iterations = 300000;
  auto r = solve(*p, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->report.scheduled, 130);
  EXPECT_LT(r->report.total, 1695000);  // the published schedule's cost
}

}  // namespace
}  // namespace convene::schedule

namespace convene::schedule {
namespace {

// A planted schedule of 400 sessions (too large for the exact pass) with
// sessions moved at random: the focused neighbourhoods place them again
// around each costly session until nothing costs.
GenerateOptions too_large_for_the_exact_pass() {
  GenerateOptions g;
  g.sessions = 400;  // x 448 slots: over sat_applies()'s 100,000 pairs
  g.rooms = 8;
  g.seed = 3;
  return g;
}

TEST(Solver, FocusedNeighbourhoodsRepairAScheduleTooLargeForTheExactPass) {
  auto planted = generate_planted(too_large_for_the_exact_pass());
  ASSERT_TRUE(planted.ok());
  const Model m(planted->problem);
  ASSERT_FALSE(sat_applies(m));
  ASSERT_TRUE(sat_neighbourhoods_apply(m));
  auto placed = place(m, planted->schedule);
  ASSERT_TRUE(placed.ok());
  SearchState state(m);
  state.reset(*placed);
  ASSERT_EQ(state.cost(), 0);
  Rng rng(7);
  for (int moved = 0; moved < 12;) {
    const std::int64_t d = state.delta(rng.below(m.session_count()), rng.below(m.slot_count()));
    if (d == SearchState::kRefused || d <= 0) continue;
    state.commit();
    ++moved;
  }
  const std::int64_t broken = state.cost();
  ASSERT_GT(broken, 0);
  const auto calls = focused_neighbourhoods(state, std::chrono::steady_clock::now() + std::chrono::seconds(60), rng);
  EXPECT_GT(calls, 0);
  EXPECT_EQ(state.cost(), 0) << "from " << broken;
  EXPECT_EQ(tabled_cost(m, state.placement()), state.cost());
}

// The solver runs them only where the exact pass cannot.
TEST(Solver, FocusedNeighbourhoodsRunOnlyWhereTheExactPassCannot) {
  auto large = generate(too_large_for_the_exact_pass());
  ASSERT_TRUE(large.ok());
  SolveOptions o;
  o.time_limit_s = 2.0;
  auto r = solve(*large, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->passes[5].name, "focus");
  EXPECT_TRUE(r->passes[5].ran);
  EXPECT_FALSE(r->passes[2].ran);  // exact
  auto small = solve(problem_of(ring()), o);
  ASSERT_TRUE(small.ok());
  EXPECT_FALSE(small->passes[5].ran);
}

// A time limit is honoured (the clock is read every 1024 moves), and two
// threads keep the cheaper of two seeds.
TEST(Solver, StopsAtTheTimeLimitAndUsesThreads) {
  auto p = parse_problem(testing::read_file(testing::shared_path("data/schedule/ietf106.problem.json")));
  ASSERT_TRUE(p.ok());
  SolveOptions o;
  // Long enough that the construction (slow under sanitizers and a loaded
  // ctest -j) leaves time for annealing moves.
  o.time_limit_s = 2.0;
  o.threads = 2;
  const auto start = std::chrono::steady_clock::now();
  auto r = solve(*p, o);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_LT(took, 6.0);  // the limit plus building the model and explaining it (slow under sanitizers)
  EXPECT_LT(r->search_seconds, 2 * 2.0 + 0.5);  // two threads, each within the limit
  EXPECT_EQ(r->report.scheduled, 125);
  EXPECT_TRUE(r->seed == 1 || r->seed == 2);
  EXPECT_GT(r->moves, 0);
}

}  // namespace
}  // namespace convene::schedule
