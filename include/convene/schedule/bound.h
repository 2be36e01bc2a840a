// A proven lower bound on cost model 1: no feasible schedule of the problem
// costs less. With a solver's cost it shows how far that schedule can be
// from the best possible.
//
// The bound is the largest of these proven bounds:
// - assignment: the optimal assignment of sessions to slots, one per slot,
//   counting only per-slot terms (unscheduled, session_requires_trim,
//   timerange) and ignoring every interaction between sessions (above
//   4,000,000 sessions x (slots + sessions), each session's cheapest slot
//   instead, slots shared: time and memory stay linear);
// - with_overlap: the same assignment with half of each unscheduled penalty,
//   plus, for disjoint sets of sessions that pairwise conflict and outnumber
//   the meeting's mutually non-overlapping slots, the cheapest overlaps that
//   pigeonhole (Turan's bound) forces, or the other half of the penalty for
//   each session left out. The halves keep anything from counting twice.
// - exclusive (problems of at most 100,000 (session, slot) pairs, and only
//   while exclusive sessions x slots assignments stay small, about IETF size
//   with a few exclusive sessions): for each
//   exclusive session e, the least over e's slots t (and over leaving e
//   out) of the assignment with e in t and every other session paying, in
//   a slot overlapping t, what overlapping e costs it; the largest of these.
// - partition (when options.sat_seconds > 0, within half of that time, and
//   only where no two periods overlap one another, up to 2,000 sessions):
//   two sessions then overlap exactly when they share a period, so a
//   schedule partitions the sessions into periods; the LP relaxation of
//   that set-partitioning model, group terms and rooms left out, solved by
//   column generation, bounds every schedule (rounded up to the penalties'
//   greatest common divisor). What a round of exact pricing proved counts
//   where time runs out first.
// - sat (when options.sat_seconds > 0, in the time the partition method
//   left): exact. With every penalty rounded
//   down to a multiple of q (10^k, coarse to fine), CaDiCaL finds the least
//   rounded cost of any feasible schedule (a SAT encoding of every term and
//   feasibility rule); q times that least count is proven. It stops when the
//   bound reaches the best known cost (the optimum is then proven), when the
//   rounding is exact, or at the time limit (keeping what was proven).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "convene/core/result.h"
#include "convene/schedule/problem.h"

namespace convene::schedule {

struct BoundReport {
  std::int64_t lower_bound = 0;      // max(assignment, with_overlap, exclusive, partition, sat)
  std::int64_t assignment = 0;
  std::int64_t with_overlap = 0;
  std::int64_t exclusive = 0;        // 0: no exclusive session, or the problem is too large
  std::int64_t overlap = 0;          // the overlap part of with_overlap
  int parallel_limit = 0;            // most slots no two of which overlap
  int conflict_sets = 0;             // sets that forced some overlap
  std::int64_t partition = 0;        // the partition method's bound (0: not run or nothing proven)
  bool partition_converged = false;  // partition is the LP's optimum, not a bound found on the way
  std::int64_t sat = 0;              // the SAT method's bound (0: not run or nothing proven)
  std::int64_t sat_unit = 0;         // q of the finest rounding the SAT method finished
  std::int64_t upper = -1;           // best known cost the SAT method aimed at (-1: none)
  bool optimal = false;              // lower_bound equals a known schedule's cost
  std::string method;                // which method gave lower_bound
};

struct BoundOptions {
  double sat_seconds = 0;            // time for the partition and SAT methods; 0: skip them
  // Cost of a known feasible schedule (nothing is assumed about it). The
  // solver also runs (up to 10 s) and the SAT method aims at the cheaper.
  std::optional<std::int64_t> upper;
  bool partition = true;             // false: the SAT method alone gets that time
};

// REQUIRES: `problem` came from problem_from_json(). Never fails for such a
// problem; the Result is for symmetry with the other entry points.
Result<BoundReport> lower_bound(const Problem& problem, const BoundOptions& options = {});

}  // namespace convene::schedule
