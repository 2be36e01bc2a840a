// Benchmarks of the schedule solver on IETF 83 (real data) and a synthetic
// problem: full evaluation, one search move, the lower bound, a short solve.
#include <benchmark/benchmark.h>

#include "convene/schedule/bound.h"
#include "convene/schedule/cost.h"
#include "convene/schedule/generate.h"
#include "convene/schedule/solver.h"
#include "passes.h"
#include "testing.h"

namespace convene::schedule {
namespace {

const Problem& ietf83() {
  static const Problem p =
      *parse_problem(testing::read_file(testing::shared_path("data/schedule/ietf83.problem.json")));
  return p;
}

void BM_EvaluatePublishedIetf83(benchmark::State& state) {
  const auto s = *parse_schedule(testing::read_file(testing::shared_path("data/schedule/ietf83.official.json")));
  for (auto _ : state) benchmark::DoNotOptimize(evaluate(ietf83(), s));
}
BENCHMARK(BM_EvaluatePublishedIetf83)->Unit(benchmark::kMillisecond);

// One random move or swap, applied and reverted: the annealer's inner loop.
void BM_MoveAndRevertIetf83(benchmark::State& state) {
  const Model m(ietf83());
  SearchState search(m);
  construct(search);
  Rng rng(1);
  for (auto _ : state) {
    Move move{rng.below(m.session_count()), rng.below(m.slot_count())};
    if (apply(search, move)) revert(search, move);
  }
}
BENCHMARK(BM_MoveAndRevertIetf83);

// One move evaluation as the annealer does it: score a random move or swap
// without changing the state (delta()), on IETF 83 and 106.
void BM_DeltaIetf(benchmark::State& state) {
  const char* name = state.range(0) == 83 ? "data/schedule/ietf83.problem.json" : "data/schedule/ietf106.problem.json";
  const Problem p = *parse_problem(testing::read_file(testing::shared_path(name)));
  const Model m(p);
  SearchState search(m);
  construct(search);
  Rng rng(1);
  std::int64_t scored = 0;
  for (auto _ : state) {
    const auto d = search.delta(rng.below(m.session_count()), rng.below(m.slot_count()));
    scored += d != SearchState::kRefused;
    benchmark::DoNotOptimize(d);
  }
  state.counters["scored"] = benchmark::Counter(static_cast<double>(scored), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DeltaIetf)->Arg(83)->Arg(106);

void BM_LowerBoundIetf83(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(lower_bound(ietf83()));
}
BENCHMARK(BM_LowerBoundIetf83)->Unit(benchmark::kMillisecond);

void BM_SolveSynthetic(benchmark::State& state) {
  GenerateOptions g;
  g.sessions = static_cast<int>(state.range(0));
  g.rooms = 8;
  g.days = 5;
  const auto p = *generate(g);
  SolveOptions o;
  o.iterations = 200000;
  std::int64_t cost = 0;
  for (auto _ : state) cost = solve(p, o)->report.total;
  state.counters["cost"] = static_cast<double>(cost);
}
BENCHMARK(BM_SolveSynthetic)->Arg(60)->Arg(150)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace convene::schedule

BENCHMARK_MAIN();
