// Internal: the model-level steps of evaluate(), shared with the solver.
#pragma once

#include <cstdint>

#include "convene/schedule/cost.h"
#include "model.h"
#include "terms.h"

namespace convene::schedule {

// The placement a schedule describes, or the first feasibility error.
Result<Placement> place(const Model& m, const Schedule& schedule);
// Every violation of a feasible placement, with totals by term.
CostReport explain(const Model& m, const Placement& p);
// The same total from the model's tables (fast; used to verify the solver).
std::int64_t tabled_cost(const Model& m, const Placement& p);
// The schedule a placement describes, assignments in session order.
Schedule to_schedule(const Model& m, const Placement& p);

}  // namespace convene::schedule
