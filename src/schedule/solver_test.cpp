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

// A one-second limit with exclusivity hard: the first annealing runs alone
// as a probe before the SAT passes (only a time-limited solve does that).
SolveOptions closed_for_a_second() {
  auto o = quick();
  o.iterations = 0;
  o.time_limit_s = 1;
  o.close_exclusive = true;
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

// Two layers on one Monday: two-hour periods at 09:00 (rooms r1, r2) and
// 13:00 (r1), one-hour periods at 11:30 and 15:30 (r1). g meets twice,
// first for two hours (g-1), then for one (g-2); g-1 conflicts with z-1,
// fixed at 09:00 (10,000). The start: g-1 at 09:00 with z-1, x-1 at 13:00,
// g-2 at 11:30, y-1 at 15:30. g-1 moved to 13:00 would meet after g-2
// (100,000), so neither layer improves alone; moved together (g-1 and x-1
// swapped, g-2 and y-1 swapped) the schedule costs nothing.
json layer_slot(const char* id, const char* room, const char* start, int minutes) {
  return json{{"id", id}, {"room", room}, {"start", start}, {"duration_min", minutes}};
}

json ordered_session(const char* id, const char* group, int minutes, int order) {
  return json{{"id", id}, {"group", group}, {"duration_min", minutes}, {"order", order}};
}

json two_layers_joined_by_an_order() {
  json doc = testing::small_problem();
  doc["timeslots"] = {layer_slot("p1", "r1", "2024-03-18T09:00:00+01:00", 120),
                      layer_slot("p1b", "r2", "2024-03-18T09:00:00+01:00", 120),
                      layer_slot("q1", "r1", "2024-03-18T11:30:00+01:00", 60),
                      layer_slot("p2", "r1", "2024-03-18T13:00:00+01:00", 120),
                      layer_slot("q2", "r1", "2024-03-18T15:30:00+01:00", 60)};
  doc["groups"] = {{{"acronym", "g"}}, {{"acronym", "x"}}, {{"acronym", "y"}}, {{"acronym", "z"}}};
  doc["sessions"] = {ordered_session("g-1", "g", 120, 1), ordered_session("g-2", "g", 60, 2),
                     ordered_session("x-1", "x", 120, 0), ordered_session("y-1", "y", 60, 0),
                     ordered_session("z-1", "z", 120, 0)};
  doc["constraints"] = {{{"type", "conflic2"}, {"group", "g"}, {"target", "z"}}};
  doc["fixed"] = {{{"session", "z-1"}, {"timeslot", "p1b"}}};
  return doc;
}

Placement joined_start(const Model& m) {
  auto p = place(m, testing::assign({{"g-1", "p1"}, {"z-1", "p1b"}, {"x-1", "p2"}, {"g-2", "q1"}, {"y-1", "q2"}}));
  EXPECT_TRUE(p.ok());
  return *p;
}

// Per session: its slot in `p` where `keep` says so, else -1 (free).
std::vector<int> keep_where(const Model& m, const Placement& p, bool (*keep)(int minutes)) {
  std::vector<int> pinned(m.session_count(), -1);
  for (int s = 0; s < m.session_count(); ++s) {
    if (keep(m.slots[p.slot_of[s]].duration_min)) pinned[s] = p.slot_of[s];
  }
  return pinned;
}

// Puts the state at `start`.
void start_at(SearchState& state, const Schedule& start) {
  auto p = place(state.model(), start);
  ASSERT_TRUE(p.ok());
  state.reset(*p);
}

// Kicks from `start`, which must cost `before`, and expects a gain.
void kick_from(SearchState& state, const Schedule& start, std::int64_t before) {
  ASSERT_NO_FATAL_FAILURE(start_at(state, start));
  ASSERT_EQ(state.cost(), before);
  ASSERT_TRUE(kick_layers(state, std::chrono::steady_clock::now() + std::chrono::seconds(30)));
}

// The id of the slot `p` puts session `id` in.
std::string slot_id(const Model& m, const Placement& p, const char* id) {
  return m.problem->timeslots[p.slot_of[m.session_index(id)]].id;
}

TEST(Solver, NeitherLayerAloneImprovesTheJoinedStart) {
  const Problem problem = problem_of(two_layers_joined_by_an_order());
  const Model m(problem);
  const Placement start = joined_start(m);
  ASSERT_EQ(tabled_cost(m, start), 10000);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (auto keep : {+[](int minutes) { return minutes < 120; }, +[](int minutes) { return minutes >= 120; }}) {
    const auto pinned = keep_where(m, start, keep);
    SatGuide guide{&start, std::chrono::steady_clock::duration::zero(), &pinned};
    const auto got = sat_minimum(m, 100, 99, deadline, SatModel::periods, guide);
    EXPECT_FALSE(got.best_model);
    EXPECT_FALSE(got.stopped);  // proven: nothing of 9,900 or less
  }
}

// With g's order cheap (cross_order) while g-2 is kept, the two-hour layer
// alone moves g-1 after it: the model the search returns is the last one,
// whose true cost (the order at full price) is above the start's.
TEST(Solver, ACheapCrossOrderLetsOneLayerRunAhead) {
  const Problem problem = problem_of(two_layers_joined_by_an_order());
  const Model m(problem);
  const Placement start = joined_start(m);
  const auto pinned = keep_where(m, start, [](int minutes) { return minutes < 120; });
  SatGuide guide{&start, std::chrono::steady_clock::duration::zero(), &pinned};
  guide.cross_order = 100;
  const auto got = sat_minimum(m, 100, 99, std::chrono::steady_clock::now() + std::chrono::seconds(30),
                               SatModel::periods, guide);
  ASSERT_TRUE(got.best_model);
  EXPECT_EQ(slot_id(m, *got.best_model, "g-1"), "p2");
  EXPECT_EQ(*got.best_model_cost, 100000);
  EXPECT_EQ(*got.found, 1);  // the relaxed order: one unit
}

TEST(Solver, TheCrossLayerKickMovesASessionAndTheOneThatMustFollowIt) {
  const Problem problem = problem_of(two_layers_joined_by_an_order());
  const Model m(problem);
  SearchState state(m);
  state.reset(joined_start(m));
  ASSERT_TRUE(kick_layers(state, std::chrono::steady_clock::now() + std::chrono::seconds(30)));
  EXPECT_EQ(state.cost(), 0);
  EXPECT_EQ(slot_id(m, state.placement(), "g-1"), "p2");
  EXPECT_EQ(slot_id(m, state.placement(), "g-2"), "q2");
}

// When g may not meet late on Monday, g-2 cannot follow g-1 to 13:00
// cheaply: the kick finds nothing and leaves the schedule as it was.
TEST(Solver, AKickThatFindsNothingLeavesTheScheduleAsItWas) {
  auto doc = two_layers_joined_by_an_order();
  doc["constraints"].push_back({{"type", "timerange"}, {"group", "g"}, {"ranges", {"monday-afternoon-late"}}});
  const Problem problem = problem_of(doc);
  const Model m(problem);
  SearchState state(m);
  const Placement start = joined_start(m);
  state.reset(start);
  EXPECT_FALSE(kick_layers(state, std::chrono::steady_clock::now() + std::chrono::seconds(30)));
  EXPECT_EQ(state.cost(), 10000);
  EXPECT_EQ(state.placement().slot_of, start.slot_of);
}

// The joined problem with a third two-hour period, p3 at 17:00, which w-1
// holds, and x-1 fixed at 13:00 beside p2, conflicting with g (conflic3,
// 1,000). With g's order cheap, g-1 costs least at 17:00, but no
// one-hour slot follows it there; at 13:00 (1,000) g-2 can follow it to
// 15:30.
json three_periods_one_too_late() {
  json doc = two_layers_joined_by_an_order();
  doc["timeslots"].push_back(layer_slot("p2b", "r2", "2024-03-18T13:00:00+01:00", 120));
  doc["timeslots"].push_back(layer_slot("p3", "r1", "2024-03-18T17:00:00+01:00", 120));
  doc["groups"].push_back({{"acronym", "w"}});
  doc["sessions"].push_back(ordered_session("w-1", "w", 120, 0));
  doc["constraints"].push_back({{"type", "conflic3"}, {"group", "g"}, {"target", "x"}});
  doc["fixed"].push_back({{"session", "x-1"}, {"timeslot", "p2b"}});
  return doc;
}

// A cut keeps every model to one of its placements: g-2 kept at 11:30,
// g-1 must meet at 09:00 against z-1 (10,000; without the cut: 0). A cut
// listing none leaves no model at all.
TEST(Solver, ACutKeepsEveryModelToOneOfItsPlacements) {
  const Problem problem = problem_of(two_layers_joined_by_an_order());
  const Model m(problem);
  const Placement start = joined_start(m);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::vector<SatCut> cuts{{{{m.session_index("g-2"), m.slot_index("q1")}}}};
  SatGuide guide{&start};
  guide.cuts = &cuts;
  auto got = sat_minimum(m, 100, 999, deadline, SatModel::periods, guide);
  ASSERT_TRUE(got.best_model);
  EXPECT_EQ(slot_id(m, *got.best_model, "g-2"), "q1");
  EXPECT_EQ(*got.best_model_cost, 10000);
  EXPECT_TRUE(got.complete);
  cuts.push_back({});
  got = sat_minimum(m, 100, 999, deadline, SatModel::periods, guide);
  EXPECT_FALSE(got.best_model);
  EXPECT_FALSE(got.stopped);  // refuted, not out of time
}

TEST(Solver, TheKickRulesOutAPlacementTheShorterLayersCannotFollow) {
  const Problem problem = problem_of(three_periods_one_too_late());
  const Model m(problem);
  SearchState state(m);
  kick_from(state, testing::assign({{"g-1", "p1"}, {"z-1", "p1b"}, {"x-1", "p2b"}, {"w-1", "p3"}, {"g-2", "q1"},
                                    {"y-1", "q2"}}),
            10000);
  EXPECT_EQ(state.cost(), 1000);
  EXPECT_EQ(slot_id(m, state.placement(), "g-1"), "p2");
  EXPECT_EQ(slot_id(m, state.placement(), "g-2"), "q2");
}

// The other way round: g meets first for one hour (g-1), then for two
// (g-2); g-1 conflicts with z-1, fixed at 11:30 (10,000). The start: w-1
// at 09:00, g-2 at 13:00, x-1 at 17:00; g-1 at 11:30, y-1 at 15:30. The
// two-hour layer costs nothing, so placing it again first gains nothing;
// g-1 must run ahead to 15:30 and g-2 follow it to 17:00.
TEST(Solver, TheKickRunsTheShorterLayersAheadWhenTheLongestIsAtItsLeast) {
  json doc = testing::small_problem();
  doc["timeslots"] = {layer_slot("p1", "r1", "2024-03-18T09:00:00+01:00", 120),
                      layer_slot("q1", "r1", "2024-03-18T11:30:00+01:00", 60),
                      layer_slot("q1b", "r2", "2024-03-18T11:30:00+01:00", 60),
                      layer_slot("p2", "r1", "2024-03-18T13:00:00+01:00", 120),
                      layer_slot("q2", "r1", "2024-03-18T15:30:00+01:00", 60),
                      layer_slot("p3", "r1", "2024-03-18T17:00:00+01:00", 120)};
  doc["groups"] = {{{"acronym", "g"}}, {{"acronym", "w"}}, {{"acronym", "x"}}, {{"acronym", "y"}},
                   {{"acronym", "z"}}};
  doc["sessions"] = {ordered_session("g-1", "g", 60, 1), ordered_session("g-2", "g", 120, 2),
                     ordered_session("w-1", "w", 120, 0), ordered_session("x-1", "x", 120, 0),
                     ordered_session("y-1", "y", 60, 0), ordered_session("z-1", "z", 60, 0)};
  doc["constraints"] = {{{"type", "conflic2"}, {"group", "g"}, {"target", "z"}}};
  doc["fixed"] = {{{"session", "z-1"}, {"timeslot", "q1b"}}};
  const Problem problem = problem_of(doc);
  const Model m(problem);
  SearchState state(m);
  kick_from(state, testing::assign({{"w-1", "p1"}, {"g-2", "p2"}, {"x-1", "p3"}, {"g-1", "q1"}, {"z-1", "q1b"},
                                    {"y-1", "q2"}}),
            10000);
  EXPECT_EQ(state.cost(), 0);
  EXPECT_EQ(slot_id(m, state.placement(), "g-1"), "q2");
  EXPECT_EQ(slot_id(m, state.placement(), "g-2"), "p3");
}

// The joined problem's slots in room r1 and one more, p3 at 17:00: four
// two-hour sessions for three two-hour slots (09:00, 13:00, 17:00), so one
// is trimmed into a one-hour slot (11:30 or 15:30). g meets twice, g-1
// first; w-1 and x-1 once.
json one_of_a_group_trimmed() {
  json doc = two_layers_joined_by_an_order();
  json slots = json::array();
  for (const auto& t : doc["timeslots"]) {
    if (t["room"] == "r1") slots.push_back(t);
  }
  slots.push_back(layer_slot("p3", "r1", "2024-03-18T17:00:00+01:00", 120));
  doc["timeslots"] = slots;
  doc["fixed"] = json::array();
  doc["groups"] = {{{"acronym", "g"}}, {{"acronym", "w"}}, {{"acronym", "x"}}};
  doc["sessions"] = {ordered_session("g-1", "g", 120, 1), ordered_session("g-2", "g", 120, 2),
                     ordered_session("w-1", "w", 120, 0), ordered_session("x-1", "x", 120, 0)};
  doc["constraints"] = json::array();
  return doc;
}

// A schedule of that problem with g-2 trimmed at 15:30 and g-1 at 09:00.
Schedule g_2_trimmed() { return testing::assign({{"g-1", "p1"}, {"w-1", "p2"}, {"x-1", "p3"}, {"g-2", "q2"}}); }

// g-2 is trimmed at 15:30, g-1 meets at 09:00. The trade puts g-1 into
// g-2's slot and g-2 into the two-hour layer after it (17:00, the order
// kept): one trim, as before. The pair is traded once: asked again, with
// g-1 now the trimmed one, nothing changes.
TEST(Solver, TheTrimTradeTrimsTheOtherSessionOfTheGroupAndKeepsItsOrder) {
  const Problem problem = problem_of(one_of_a_group_trimmed());
  const Model m(problem);
  SearchState state(m);
  ASSERT_NO_FATAL_FAILURE(start_at(state, g_2_trimmed()));
  const std::int64_t before = state.cost();
  ASSERT_GT(before, 0);  // the trim
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::vector<std::pair<int, int>> traded;
  ASSERT_TRUE(trade_trim(state, deadline, traded));
  EXPECT_EQ(slot_id(m, state.placement(), "g-1"), "q2");
  EXPECT_EQ(slot_id(m, state.placement(), "g-2"), "p3");
  EXPECT_EQ(state.cost(), before);
  ASSERT_EQ(traded.size(), 1u);
  const Placement after = state.placement();
  EXPECT_FALSE(trade_trim(state, deadline, traded));
  EXPECT_EQ(state.placement().slot_of, after.slot_of);
}

// A trimmed session with no other session of its group and length is not
// traded: the state stays as it was.
TEST(Solver, ATrimmedSessionAloneInItsGroupIsNotTraded) {
  const Problem problem = problem_of(one_of_a_group_trimmed());
  const Model m(problem);
  SearchState state(m);
  ASSERT_NO_FATAL_FAILURE(start_at(state, testing::assign({{"g-1", "p1"}, {"g-2", "p2"}, {"x-1", "p3"}, {"w-1", "q2"}})));
  const Placement start = state.placement();
  std::vector<std::pair<int, int>> traded;
  EXPECT_FALSE(trade_trim(state, std::chrono::steady_clock::now() + std::chrono::seconds(30), traded));
  EXPECT_EQ(state.placement().slot_of, start.slot_of);
  EXPECT_TRUE(traded.empty());
}

// A layer pass that trades first (LayerPlan::trade_first, a portfolio's
// second search) ends with g-1 trimmed where it began with g-2: nothing
// costs less than one trim, so nothing after the trade undoes it. Without
// it, the pass keeps g-2 trimmed.
TEST(Solver, ALayerPassThatTradesFirstEndsWithTheOtherSessionOfTheGroupTrimmed) {
  const Problem problem = problem_of(one_of_a_group_trimmed());
  const Model m(problem);
  for (const bool trade_first : {false, true}) {
    SearchState state(m);
    ASSERT_NO_FATAL_FAILURE(start_at(state, g_2_trimmed()));
    const std::int64_t before = state.cost();
    Rng rng(1);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
    sat_neighbourhoods(state, deadline, rng, 0, {}, nullptr, LayerPlan{LayerOrder::smallest_first, false, trade_first});
    EXPECT_EQ(state.cost(), before) << "trade first: " << trade_first;
    EXPECT_EQ(slot_id(m, state.placement(), trade_first ? "g-1" : "g-2"), "q2") << "trade first: " << trade_first;
  }
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
  ASSERT_EQ(r->passes.size(), 8u);  // partition, construct, anneal, exact, reanneal, layers, focus, polish
  EXPECT_FALSE(r->passes[0].ran);   // partition: not without annealing
  EXPECT_TRUE(r->passes[1].ran);
  EXPECT_FALSE(r->passes[2].ran);
  EXPECT_EQ(r->passes[1].cost, r->report.total);
  EXPECT_GT(r->passes[1].moves, 0);
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
  EXPECT_EQ(r->passes[2].cost, 0);
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
  auto o = closed_for_a_second();
  auto r = solve(p, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->report.total, 100000);
  EXPECT_TRUE(r->proven_optimal);
}

// With exclusivity hard, the exact pass proves only the hard problem's
// optimum, which is not a proof for the problem itself: not reported.
TEST(Solver, AProofWithExclusivityHardIsNotReported) {
  const auto p = problem_of(testing::exclusive_problem(false));
  auto o = closed_for_a_second();
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

// With a time limit and exclusivity hard, the first annealing runs alone
// as a probe, and the search after it starts from the probe's schedule
// with no annealing time of its own left. The anneal row is the probe's,
// not that search's empty one.
TEST(Solver, TheAnnealRowIsTheClosedProbesAnnealing) {
  const auto p = problem_of(testing::exclusive_problem(false));
  auto o = closed_for_a_second();
  auto r = solve(p, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->passes[2].name, "anneal");
  EXPECT_TRUE(r->passes[2].ran);
  EXPECT_GT(r->passes[2].moves, 0);
  EXPECT_GT(r->passes[2].seconds, 0);
  EXPECT_LE(r->passes[2].moves, r->moves);
  EXPECT_GE(r->passes[2].cost, r->report.total);
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

// IETF 106's periods never overlap and its partition bound is its optimum:
// the partition search reaches 210,000 from the construction, and the
// solver runs it first.
TEST(Solver, ThePartitionSearchReachesIetf106sOptimum) {
  const auto p = parse_problem(testing::read_file(testing::shared_path("data/schedule/ietf106.problem.json")));
  ASSERT_TRUE(p.ok());
  const Model m(*p);
  SearchState state(m);
  construct(state);
  const std::int64_t constructed = state.cost();
  const auto got = partition_search(state, std::chrono::steady_clock::now() + std::chrono::seconds(120));
  EXPECT_GT(got.searches, 0);
  EXPECT_NE(got.best_at, std::chrono::steady_clock::time_point{});
  EXPECT_EQ(state.cost(), 210000);
  EXPECT_LT(state.cost(), constructed);
  EXPECT_EQ(tabled_cost(m, state.placement()), state.cost());
}

// Where periods overlap it does not apply, and the state stays as it was;
// the solver's pass list says so.
TEST(Solver, ThePartitionSearchNeedsDisjointPeriods) {
  auto doc = testing::small_problem();
  doc["timeslots"].push_back(
      {{"id", "m4"}, {"room", "r2"}, {"start", "2024-03-18T10:00:00+01:00"}, {"duration_min", 60}});
  const auto p = problem_of(doc);
  const Model m(p);
  SearchState state(m);
  construct(state);
  const Placement before = state.placement();
  const auto got = partition_search(state, std::chrono::steady_clock::now() + std::chrono::seconds(10));
  EXPECT_EQ(got.searches, 0);
  EXPECT_EQ(state.placement().slot_of, before.slot_of);
  SolveOptions o;
  o.time_limit_s = 1;
  auto r = solve(problem_of(testing::small_problem()), o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->passes[0].name, "partition");
  EXPECT_TRUE(r->passes[0].ran);
  EXPECT_EQ(r->report.total, 0);
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
  ASSERT_EQ(r->passes[6].name, "focus");
  EXPECT_TRUE(r->passes[6].ran);
  EXPECT_FALSE(r->passes[3].ran);  // exact
  EXPECT_FALSE(r->passes[0].ran);  // partition: too large too
  auto small = solve(problem_of(ring()), o);
  ASSERT_TRUE(small.ok());
  EXPECT_FALSE(small->passes[6].ran);
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
