// Internal: the exact lower-bound method. Encodes "is there a feasible
// schedule whose cost, with every penalty rounded down to a multiple of q,
// is at most B*q?" as SAT and asks CaDiCaL. An UNSAT answer proves that
// every schedule costs at least (B+1)*q (rounding down only lowers costs),
// so the proof never depends on the solver's schedules.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "model.h"
#include "terms.h"

namespace convene::schedule {

// What sat_minimum() proved, in units of q.
struct SatMinimum {
  std::int64_t proven_units = 0;        // every schedule has at least this many units
  std::optional<std::int64_t> found;    // units of the best model found, if any
  bool complete = false;                // proven_units is the rounded optimum
  std::optional<std::int64_t> best_model_cost;  // true cost of the cheapest model's schedule
  std::optional<Placement> best_model;          // that schedule
  std::chrono::steady_clock::time_point best_at{};  // when it was found
  std::int64_t clauses = 0;
  bool stopped = false;                 // the deadline or the stall ended the search
};

// The least rounded cost at unit q (penalties counted floor(p / q) times),
// searched downwards from `start` units: asks for a model of at most `start`
// units, then for one below each model found, until UNSAT or the deadline.
// Problems of more than 100,000 (session, slot) pairs are not encoded
// (nothing proven): see sat_applies(), unless `pinned` leaves few free
// (sat_neighbourhoods_apply()). REQUIRES: unit >= 1, start >= 0.
bool sat_applies(const Model& m);
// Neighbourhoods (a few periods free, the rest pinned) are encoded up to
// 10,000 sessions whatever the slot count: what grows is the sessions x
// periods of the free sessions (at most 100,000 pairs; more are refused,
// nothing proven) and one look at each pair of sessions.
bool sat_neighbourhoods_apply(const Model& m);
// What a variable places a session in: a slot (exact: its answers are
// proofs), or a period, rooms seated afterwards by attendees (smaller and
// faster, but not exact: wg_adjacent is left out and a period may not hold
// sessions that would need a capacity trim; only to find schedules).
enum class SatModel { slots, periods };
// A floor from the exclusive bound (assignment_bound.h): every schedule's
// per-slot, unscheduled and `session`-pair costs, each rounded down to
// units, sum to at least `units`. A search given one also asks the other
// costs to stay within k - `units` when it asks for at most k units
// (implied for every schedule of k units, so nothing is lost): a redundant
// limit that spares the solver the pigeonhole argument the floor made.
struct SatFloor {
  int session = -1;  // -1: no floor
  std::int64_t units = 0;
};
// A rule every model must keep: at least one of these (session, slot)
// placements holds (in the period model: the session is in the slot's
// period). No placement listed: no model at all.
struct SatCut {
  std::vector<std::pair<int, int>> any_of;
};
// What guides and limits sat_minimum(), all optional.
struct SatGuide {
  const Placement* hint = nullptr;  // the search starts towards it (phases)
  // Also stops the search when this long passes before a first model (zero: never).
  std::chrono::steady_clock::duration stall = std::chrono::steady_clock::duration::zero();
  // Per session: a slot it keeps as if fixed (a neighbourhood of the rest),
  // or -1; what is then proven holds only for schedules that keep them.
  const std::vector<int>* pinned = nullptr;
  const std::atomic<bool>* cancel = nullptr;  // stops the search once true (a portfolio finished)
  const SatFloor* floor = nullptr;
  // Also stops the search when this long passes after a model without a
  // cheaper one (zero: never).
  std::chrono::steady_clock::duration patience = std::chrono::steady_clock::duration::zero();
  // Per free session: the length (minutes) of the shortest slot it may
  // take (SatEncoder); proofs then hold only for such schedules.
  const std::vector<int>* shortest = nullptr;
  // >= 0: the order of a group with sessions both kept (fixed or pinned)
  // and free costs this instead of its penalty (SatEncoder::
  // relax_cross_order()). The models then minimise that relaxed cost, so
  // best_model is the last model found, not the cheapest by true cost;
  // best_model_cost is its true cost. Below the penalty it is a
  // relaxation: what the search proves still bounds the true cost.
  std::int64_t cross_order = -1;
  // Rules the models keep (SatCut); proofs then hold only for schedules
  // that keep them.
  const std::vector<SatCut>* cuts = nullptr;
  // Per session and period: 0 where a free session may not go (e.g. where
  // partition_allowed() proved that no schedule within the budget puts
  // it); proofs then hold only for schedules that keep it.
  const std::vector<std::vector<char>>* allowed = nullptr;
};
SatMinimum sat_minimum(const Model& m, std::int64_t unit, std::int64_t start,
                       std::chrono::steady_clock::time_point deadline, SatModel kind = SatModel::slots,
                       const SatGuide& guide = {});
// The same least rounded cost (slot model) searched upwards: asks for a
// model of at most `from` units, then `from` + 1, ... up to `cap`; each
// UNSAT answer proves one more unit, the first model found is the rounded
// optimum (complete). Proving from below needs no good schedule, only
// refutations, which is faster where models are hard to find.
// REQUIRES: unit >= 1, 0 <= from, and every schedule has at least `from`
// rounded units (e.g. proven at a coarser unit).
// With a `floor`: REQUIRES from >= floor->units.
SatMinimum sat_ascent(const Model& m, std::int64_t unit, std::int64_t from, std::int64_t cap,
                      std::chrono::steady_clock::time_point deadline, const SatFloor* floor = nullptr);

}  // namespace convene::schedule
