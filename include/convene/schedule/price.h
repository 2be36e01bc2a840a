// The price of a variant (variant.h): how much more (or less) the best
// schedule of the variant costs than the best schedule of the base problem,
// as an interval that is proven to hold the true difference. Each problem
// is solved (its best cost: an upper bound on its optimum) and bounded (a
// proven lower bound); then
//   variant optimum - base optimum >= variant bound - base best   (lower)
//   variant optimum - base optimum <= variant best - base bound   (upper).
// When both gaps are 0 the interval is one number: the exact price.
#pragma once

#include <cstdint>

#include "convene/core/result.h"
#include "convene/schedule/problem.h"

namespace convene::schedule {

struct PricedProblem {
  std::int64_t best = 0;   // cost of the best schedule found
  std::int64_t bound = 0;  // proven: no schedule costs less
  bool optimal = false;    // best == bound
};

struct PriceReport {
  PricedProblem base;
  PricedProblem variant;
  std::int64_t lower = 0;  // variant.bound - base.best
  std::int64_t upper = 0;  // variant.best - base.bound
};

struct PriceOptions {
  // Per problem: the solve's time limit, and the same again at most for
  // the bound's exact method. 0: no time limit, the solve's default move
  // budget and no exact bound.
  double time_limit_s = 30;
  std::uint64_t seed = 1;
  int threads = 1;
};

// Solves and bounds both problems, one after the other. Errors: those of
// solve() for either problem. REQUIRES: both came from problem_from_json();
// they need not share sessions (any two problems can be compared).
Result<PriceReport> price(const Problem& base, const Problem& variant, const PriceOptions& options = {});

}  // namespace convene::schedule
