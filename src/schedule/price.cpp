#include "convene/schedule/price.h"

#include <algorithm>

#include "convene/schedule/bound.h"
#include "convene/schedule/solver.h"

namespace convene::schedule {
namespace {

// The best schedule a solve finds, then a bound aimed at its cost.
Result<PricedProblem> price_one(const Problem& problem, const PriceOptions& options) {
  SolveOptions solving;
  solving.time_limit_s = options.time_limit_s;
  solving.seed = options.seed;
  solving.threads = options.threads;
  auto solved = solve(problem, solving);
  if (!solved) return solved.error();
  PricedProblem out;
  out.best = solved->report.total;
  BoundOptions bounding;
  bounding.sat_seconds = options.time_limit_s;
  bounding.upper = out.best;
  auto bounded = lower_bound(problem, bounding);
  if (!bounded) return bounded.error();
  out.bound = std::min(bounded->lower_bound, out.best);
  if (solved->proven_optimal) out.bound = out.best;
  out.optimal = out.bound == out.best;
  return out;
}

}  // namespace

Result<PriceReport> price(const Problem& base, const Problem& variant, const PriceOptions& options) {
  auto b = price_one(base, options);
  if (!b) return b.error();
  auto v = price_one(variant, options);
  if (!v) return v.error();
  PriceReport r{*b, *v, v->bound - b->best, v->best - b->bound};
  return r;
}

}  // namespace convene::schedule
