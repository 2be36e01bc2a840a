// The delta evaluator: after long random sequences of moves, swaps and
// multi-session moves, the running cost equals a full recomputation, and a
// refused move changes nothing.
#include <gtest/gtest.h>

#include "convene/schedule/generate.h"
#include "evaluate.h"
#include "passes.h"
#include "rng.h"
#include "state.h"
#include "testing.h"

namespace convene::schedule {
namespace {

Problem crowded(std::uint64_t seed) {
  GenerateOptions g;
  g.sessions = 60;
  g.rooms = 4;
  g.days = 4;  // 64 slots: few free, so most moves are swaps
  g.seed = seed;
  auto doc = to_json(*generate(g));
  auto& groups = doc["groups"];
  for (std::size_t i = 0; i < groups.size(); ++i) {  // pair terms, joint sessions, adjacency
    groups[i]["bof"] = i % 7 == 0;
    groups[i]["area_meeting"] = i % 9 == 1;
    groups[i]["ad"] = "ad" + std::to_string(i % 3);
    doc["constraints"].push_back(
        {{"type", "wg_adjacent"}, {"group", groups[i]["acronym"]}, {"target", groups[(i + 1) % groups.size()]["acronym"]}});
  }
  doc["sessions"][3]["joint_with"] = {groups[5]["acronym"]};
  doc["sessions"][8]["exclusive"] = true;
  return *problem_from_json(doc);
}

TEST(Delta, EqualsFullRecomputationAfterLongRandomSequences) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const Problem p = crowded(seed);
    const Model m(p);
    SearchState state(m);
    construct(state);
    Rng rng(seed);
    int committed = 0, many = 0;
    for (int i = 0; i < 20000; ++i) {
      const std::int64_t before = state.cost();
      std::int64_t d;
      if (i % 5 == 0) {  // three sessions rotate slots, or one leaves
        std::vector<std::pair<int, int>> moves;
        const int a = rng.below(m.session_count()), b = rng.below(m.session_count()), c = rng.below(m.session_count());
        moves = {{a, state.slot_of(b)}, {b, state.slot_of(c)}, {c, i % 10 == 0 ? -1 : state.slot_of(a)}};
        d = state.delta(moves);
        many += d != SearchState::kRefused;
      } else {
        d = state.delta(rng.below(m.session_count()), rng.below(m.slot_count()));
      }
      ASSERT_EQ(state.cost(), before) << "scoring changed the state";
      if (d == SearchState::kRefused || (d > 0 && rng.below(3) != 0)) continue;
      state.commit();
      ++committed;
      ASSERT_EQ(state.cost(), before + d);
      if (i % 97 == 0) {
        ASSERT_EQ(state.cost(), tabled_cost(m, state.placement())) << "move " << i;
      }
    }
    EXPECT_EQ(state.cost(), tabled_cost(m, state.placement()));
    EXPECT_EQ(state.cost(), explain(m, state.placement()).total);  // the term-by-term explanation agrees
    EXPECT_GT(committed, 1000);
    EXPECT_GT(many, 100);
  }
}

}  // namespace
}  // namespace convene::schedule
