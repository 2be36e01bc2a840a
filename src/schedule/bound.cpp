#include "convene/schedule/bound.h"

#include <algorithm>
#include <chrono>
#include <numeric>

#include "assignment_bound.h"
#include "convene/schedule/solver.h"
#include "model.h"
#include "partition_bound.h"
#include "sat_bound.h"

namespace convene::schedule {
namespace {

// The most slots no two of which overlap (earliest end first is optimal).
int parallel_limit(const Model& m) {
  std::vector<int> order(m.slot_count());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return m.slots[a].end < m.slots[b].end; });
  int count = 0;
  UnixSeconds free_from = std::numeric_limits<UnixSeconds>::min();
  for (int t : order) {
    if (m.slots[t].start >= free_from) {
      ++count;
      free_from = m.slots[t].end;
    }
  }
  return count;
}

// Fewest edges of a graph on q vertices with no independent set larger
// than `limit` (Turan): q split into `limit` balanced cliques.
std::int64_t forced_pairs(std::int64_t q, std::int64_t limit) {
  if (q <= limit) return 0;
  const std::int64_t base = q / limit, extra = q % limit;
  return extra * (base + 1) * base / 2 + (limit - extra) * base * (base - 1) / 2;
}

// What overlapping costs a and b at least: their pair cost, or (sharing a
// group, so they must never overlap) as much as leaving one out.
std::int64_t weight(const Model& m, int a, int b, std::int64_t left_out) {
  return m.clash(a, b) ? left_out : m.pair_cost(a, b);
}

// Least cost a set of pairwise-conflicting sessions must add: j of them left
// out (each `left_out`), the rest placed with forced overlaps costing at
// least the cheapest pairs of the set.
std::int64_t set_bound(const Model& m, const std::vector<int>& set, int limit, std::int64_t left_out) {
  std::vector<std::int64_t> w;
  for (std::size_t i = 0; i < set.size(); ++i) {
    for (std::size_t j = i + 1; j < set.size(); ++j) w.push_back(weight(m, set[i], set[j], left_out));
  }
  std::sort(w.begin(), w.end());
  std::vector<std::int64_t> prefix(w.size() + 1, 0);
  std::partial_sum(w.begin(), w.end(), prefix.begin() + 1);
  const auto k = static_cast<std::int64_t>(set.size());
  std::int64_t best = prefix[forced_pairs(k, limit)];
  for (std::int64_t out = 1; out <= k; ++out) best = std::min(best, out * left_out + prefix[forced_pairs(k - out, limit)]);
  return best;
}

// A maximal set around `seed` of sessions in `pool` that pairwise conflict.
std::vector<int> conflict_set(const Model& m, int seed, const std::vector<char>& pool, std::int64_t left_out) {
  std::vector<int> set{seed}, candidates;
  for (int o = 0; o < m.session_count(); ++o) {
    if (pool[o] && o != seed && weight(m, seed, o, left_out) > 0) candidates.push_back(o);
  }
  while (!candidates.empty()) {
    auto degree = [&](int c) {
      return std::count_if(candidates.begin(), candidates.end(), [&](int o) { return weight(m, c, o, left_out) > 0; });
    };
    const int pick = *std::max_element(candidates.begin(), candidates.end(),
                                       [&](int a, int b) { return degree(a) < degree(b); });
    set.push_back(pick);
    std::erase_if(candidates, [&](int o) { return o == pick || weight(m, pick, o, left_out) == 0; });
  }
  return set;
}


// A schedule's cost to aim at: the cheaper of the given one and what a
// solve of up to 10 s with its SAT passes finds (it stops early when they
// prove its schedule optimal; the SAT method proves it again by itself).
std::int64_t upper_of(const Problem& problem, const BoundOptions& options) {
  SolveOptions o;
  o.time_limit_s = std::min(10.0, std::max(0.5, options.sat_seconds / 10));
  o.verify = false;
  const auto r = solve(problem, o);
  const std::int64_t found = r ? r->report.total : -1;
  if (!options.upper) return found;
  return found < 0 ? *options.upper : std::min(found, *options.upper);
}

// The SAT method, coarse rounding to fine, until the bound meets `upper`,
// the rounding is exact or time runs out.
void sat_bound(const Model& m, std::chrono::steady_clock::time_point deadline, BoundReport& r) {
  const std::int64_t exact = m.penalty_gcd();
  std::int64_t unit = 1;
  while (unit <= r.upper / 10) unit *= 10;
  for (; unit >= 1 && std::chrono::steady_clock::now() < deadline; unit /= 10) {
    const std::int64_t start = (r.upper + unit - 1) / unit - 1;  // below the best known
    // Upwards from what the coarser unit proved: refutations only, no need
    // to find schedules near the optimum (hard with exclusive sessions).
    // The exclusive bound at this unit is proven too, and limits the rest.
    const SatFloor floor = exclusive_part(m, unit);
    const bool last = exact % unit == 0;
    // A coarse unit that needs a model to finish (hard to find on tight
    // problems) gets half the time left; a finer one may still refute.
    const auto now = std::chrono::steady_clock::now();
    const auto until = last ? deadline : now + (deadline - now) / 2;
    const auto got = sat_ascent(m, unit, std::max(r.sat / unit, floor.units), start, until, &floor);
    r.sat = std::max(r.sat, got.proven_units * unit);
    if (got.best_model_cost) r.upper = std::min(r.upper, *got.best_model_cost);  // a real schedule
    if (!got.complete && got.proven_units <= start) continue;  // out of its time: try finer
    r.sat_unit = unit;
    if (r.sat >= r.upper || last) return;
  }
}

}  // namespace

Result<BoundReport> lower_bound(const Problem& problem, const BoundOptions& options) {
  const Model m(problem);
  const std::int64_t unscheduled = m.penalty(Term::unscheduled);
  const std::int64_t share = unscheduled / 2;  // in the assignment; the rest in the overlap part
  BoundReport r;
  r.assignment = assignment_part(m, unscheduled);
  r.parallel_limit = parallel_limit(m);
  std::vector<char> pool(m.session_count(), 1);
  for (int seed = 0; seed < m.session_count() && r.parallel_limit > 0; ++seed) {
    if (!pool[seed]) continue;
    const auto set = conflict_set(m, seed, pool, unscheduled - share);
    if (static_cast<int>(set.size()) <= r.parallel_limit) continue;
    const auto add = set_bound(m, set, r.parallel_limit, unscheduled - share);
    if (add <= 0) continue;
    r.overlap += add;
    ++r.conflict_sets;
    for (int s : set) pool[s] = 0;
  }
  r.with_overlap = assignment_part(m, share) + r.overlap;
  r.lower_bound = std::max(r.assignment, r.with_overlap);
  r.method = r.assignment >= r.with_overlap ? "assignment" : "with_overlap";
  if (sat_applies(m)) r.exclusive = exclusive_part(m).units;  // small problems: one assignment per slot
  if (r.exclusive > r.lower_bound) {
    r.lower_bound = r.exclusive;
    r.method = "exclusive";
  }
  const auto begin = std::chrono::steady_clock::now();
  const auto seconds = [&](double share) {
    return begin + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                       std::chrono::duration<double>(options.sat_seconds * share));
  };
  if (options.partition && options.sat_seconds > 0 && (!options.upper || *options.upper > r.lower_bound)) {
    const auto got = partition_bound(m, seconds(0.5));
    r.partition = got.bound;
    r.partition_converged = got.converged;
    if (r.partition > r.lower_bound) {
      r.lower_bound = r.partition;
      r.method = "partition";
    }
  }
  if (options.sat_seconds > 0 && sat_applies(m) && (!options.upper || *options.upper > r.lower_bound)) {
    r.upper = upper_of(problem, options);
    if (r.upper > r.lower_bound) sat_bound(m, seconds(1.0), r);
    if (r.sat > r.lower_bound) {
      r.lower_bound = r.sat;
      r.method = "sat";
    }
  }
  if (options.upper) r.upper = std::min(r.upper < 0 ? *options.upper : r.upper, *options.upper);
  r.optimal = r.upper >= 0 && r.lower_bound >= r.upper;
  return r;
}

}  // namespace convene::schedule
