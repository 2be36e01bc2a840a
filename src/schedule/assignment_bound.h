// Internal: the assignment bounds of bound.h, also used by the solver's SAT
// searches as a floor (sat_bound.h).
#pragma once

#include <cstdint>
#include <map>

#include "model.h"
#include "sat_bound.h"

namespace convene::schedule {

// The optimal assignment counting only per-slot terms; an unplaced session
// costs `unplaced` here (its share of the unscheduled penalty). With a pin,
// session `pinned` takes slot `pin` (-1: it is left out), and every other
// session pays in the slots overlapping `pin` at least what overlapping it
// costs (the overlap being forbidden when they share a group). Every cost
// is rounded down to a multiple of `unit` (counted in units). Returns -1
// when the pin leaves a fixed session nowhere to go. Above 4,000,000 cells,
// each session's cheapest slot instead (a weaker relaxation).
std::int64_t assignment_part(const Model& m, std::int64_t unplaced, int pinned = -1, int pin = -1,
                             std::int64_t unit = 1);

// Exclusive sessions empty their period: for each exclusive session, the
// least over its slots (and over leaving it out) of the assignment with it
// pinned there, costs rounded down to units of `unit`. The largest of these
// and its session (none, or too much work: session -1, 0 units).
SatFloor exclusive_part(const Model& m, std::int64_t unit = 1);

// exclusive_part() at each unit asked, worked out once per unit; null when
// it gives no floor (no exclusive session, or too much work).
class FloorCache {
 public:
  explicit FloorCache(const Model& m) : m_(m) {}
  const SatFloor* at(std::int64_t unit);

 private:
  const Model& m_;
  std::map<std::int64_t, SatFloor> floors_;
};

}  // namespace convene::schedule
