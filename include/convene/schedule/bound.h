// A proven lower bound on cost model 1: no feasible schedule of the problem
// costs less. With a solver's cost it shows how far that schedule can be
// from the best possible.
//
// The bound is the larger of two proven bounds:
// - assignment: the optimal assignment of sessions to slots, one per slot,
//   counting only per-slot terms (unscheduled, session_requires_trim,
//   timerange) and ignoring every interaction between sessions;
// - with_overlap: the same assignment with half of each unscheduled penalty,
//   plus, for disjoint sets of sessions that pairwise conflict and outnumber
//   the meeting's mutually non-overlapping slots, the cheapest overlaps that
//   pigeonhole (Turan's bound) forces, or the other half of the penalty for
//   each session left out. The halves keep anything from counting twice.
#pragma once

#include <cstdint>

#include "convene/core/result.h"
#include "convene/schedule/problem.h"

namespace convene::schedule {

struct BoundReport {
  std::int64_t lower_bound = 0;      // max(assignment, with_overlap)
  std::int64_t assignment = 0;
  std::int64_t with_overlap = 0;
  std::int64_t overlap = 0;          // the overlap part of with_overlap
  int parallel_limit = 0;            // most slots no two of which overlap
  int conflict_sets = 0;             // sets that forced some overlap
};

// REQUIRES: `problem` came from problem_from_json(). Never fails for such a
// problem; the Result is for symmetry with the other entry points.
Result<BoundReport> lower_bound(const Problem& problem);

}  // namespace convene::schedule
