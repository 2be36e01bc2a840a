// The SAT searches: descending (sat_minimum) and ascending (sat_ascent) over
// the rounded cost, on the CNF of sat_encoder.h.
#include "sat_bound.h"

#include <algorithm>
#include <atomic>

#include "evaluate.h"
#include "sat_encoder.h"

namespace convene::schedule {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kMaxPairs = 100000;  // IETF meetings: under 20,000
constexpr int kMaxNeighbourhoodSessions = 10000;

// Stops the search at `at`, once `stall` (if not zero) passed with no model
// found, then once `patience` (if not zero) passed with no new model, or
// when `cancel` (if set) becomes true.
class Deadline : public CaDiCaL::Terminator {
 public:
  Deadline(Clock::time_point at, Clock::duration stall, const std::atomic<bool>* cancel = nullptr,
           Clock::duration patience = Clock::duration::zero())
      : at_(at), stall_(stall), patience_(patience), since_(Clock::now()), cancel_(cancel) {}
  bool terminate() override {
    if (cancel_ && cancel_->load(std::memory_order_relaxed)) return true;
    const auto now = Clock::now();
    return now >= at_ || (stall_ > Clock::duration::zero() && now - since_ >= stall_);
  }
  void progressed() {
    stall_ = patience_;
    since_ = Clock::now();
  }

 private:
  Clock::time_point at_;
  Clock::duration stall_;
  Clock::duration patience_;
  Clock::time_point since_;
  const std::atomic<bool>* cancel_;
};

// One SAT search: the solver, its terminator and the encoding with at most
// `budget` units, cost counter included.
struct Search {
  Search(const Model& m, std::int64_t unit, std::int64_t budget, SatModel kind, const std::vector<int>* pinned,
         Deadline stop, int floor_of = -1, const std::vector<int>* shortest = nullptr, std::int64_t cross_order = -1,
         const std::vector<std::vector<char>>* allowed = nullptr)
      : stop(stop), encoder(m, sat, unit, budget, kind, pinned, floor_of, shortest) {
    sat.set("quiet", 1);  // a pinned neighbourhood can be infeasible outright: no message on stdout
    sat.connect_terminator(&this->stop);
    if (cross_order >= 0) encoder.relax_cross_order(cross_order);
    if (allowed) encoder.allow_only(*allowed);
    encoder.encode();
    const int over = encoder.over_budget();
    if (over != 0) sat.add(-over), sat.add(0);
  }
  ~Search() { sat.disconnect_terminator(); }
  Search(const Search&) = delete;
  Search& operator=(const Search&) = delete;

  CaDiCaL::Solver sat;
  Deadline stop;
  SatEncoder encoder;
};

// Keeps the schedule of the model just found if it is the cheapest so far,
// or, with `latest` (a relaxed cost), whatever it costs.
void record(const Model& m, const SatEncoder& e, SatMinimum& r, bool latest = false) {
  auto placement = e.placement_of_model();
  const std::int64_t cost = tabled_cost(m, placement);
  if (!r.best_model_cost || cost < *r.best_model_cost || latest) {
    r.best_model_cost = cost;
    r.best_model = std::move(placement);
    r.best_at = Clock::now();
  }
}

// Asks for models below each one found, from `budget` units down, until
// UNSAT (proven), a model of 0 units or the deadline.
void descend(const Model& m, Search& search, std::int64_t budget, const SatFloor* floor, SatMinimum& r,
             bool relaxed = false) {
  while (true) {
    if (floor) search.encoder.assume_rest_below(budget - floor->units + 1);
    const int answer = search.sat.solve();
    if (answer == 20) {  // UNSAT: nothing of at most `budget` units
      r.proven_units = budget + 1;
      return;
    }
    if (answer != 10) {  // out of time, or stalled
      r.stopped = true;
      return;
    }
    search.stop.progressed();
    const std::int64_t units = search.encoder.units_of_model();
    r.found = units;
    record(m, search.encoder, r, relaxed);
    if (units == 0) {
      r.proven_units = 0;
      return;
    }
    budget = units - 1;
    // Below `units`: the totalizer output "at least units" must be false. It
    // exists because units <= start < cap.
    search.encoder.assume_below(units);
  }
}

// Asks for at most k units, k = from, from + 1, ... cap: each UNSAT proves
// one more unit, the first model is the rounded optimum.
// With a floor, the costs outside it stay within k - floor units.
void ascend(const Model& m, Search& search, std::int64_t from, std::int64_t cap, const SatFloor* floor,
            SatMinimum& r) {
  for (std::int64_t k = from; k <= cap; ++k) {
    search.encoder.assume_below(k + 1);  // at most k units (k + 1 <= cap + 1: a totalizer output exists)
    if (floor) search.encoder.assume_rest_below(k - floor->units + 1);
    const int answer = search.sat.solve();
    if (answer == 20) {
      r.proven_units = k + 1;
      continue;
    }
    if (answer != 10) {
      r.stopped = true;
      return;
    }
    // At most k, and at least k since fewer were refuted: then complete.
    // (Fewer would mean a wrong refutation; proven_units is left as proven.)
    r.found = search.encoder.units_of_model();
    record(m, search.encoder, r);
    return;
  }
}

}  // namespace

bool sat_applies(const Model& m) {
  return static_cast<std::size_t>(m.session_count()) * m.slot_count() <= kMaxPairs;
}

bool sat_neighbourhoods_apply(const Model& m) { return m.session_count() <= kMaxNeighbourhoodSessions; }

namespace {

// Small enough to encode: the whole problem, or few free sessions.
bool encodable(const Model& m, SatModel kind, const std::vector<int>* pinned) {
  if (sat_applies(m)) return true;
  if (!pinned || !sat_neighbourhoods_apply(m)) return false;
  const auto free = static_cast<std::size_t>(std::count(pinned->begin(), pinned->end(), -1));
  if (kind == SatModel::periods) return free * m.period_slots.size() <= kMaxPairs;
  // The slot model: a free session may take only a slot no pinned session keeps.
  std::vector<bool> kept(m.slot_count(), false);
  for (int s = 0; s < m.session_count(); ++s) {
    const int t = (*pinned)[s] >= 0 ? (*pinned)[s] : m.fixed_slot[s];
    if (t >= 0) kept[t] = true;
  }
  const auto open = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), false));
  return free * open <= kMaxPairs;
}

}  // namespace

SatMinimum sat_minimum(const Model& m, std::int64_t unit, std::int64_t start, Clock::time_point deadline,
                       SatModel kind, const SatGuide& guide) {
  SatMinimum r;
  if (!encodable(m, kind, guide.pinned)) return r;
  const SatFloor* floor = guide.floor && guide.floor->session >= 0 ? guide.floor : nullptr;
  Search search(m, unit, start, kind, guide.pinned, Deadline(deadline, guide.stall, guide.cancel, guide.patience),
                floor ? floor->session : -1, guide.shortest, guide.cross_order, guide.allowed);
  if (guide.cuts) {
    for (const auto& cut : *guide.cuts) search.encoder.require(cut);
  }
  r.clauses = search.encoder.clauses();
  if (guide.hint) search.encoder.hint(*guide.hint);
  descend(m, search, start, floor, r, guide.cross_order >= 0);
  r.complete = r.found && *r.found == r.proven_units;
  return r;
}

SatMinimum sat_ascent(const Model& m, std::int64_t unit, std::int64_t from, std::int64_t cap,
                      Clock::time_point deadline, const SatFloor* floor) {
  SatMinimum r;
  r.proven_units = from;
  if (!sat_applies(m) || from > cap) return r;
  if (floor && floor->session < 0) floor = nullptr;
  Search search(m, unit, cap, SatModel::slots, nullptr, Deadline(deadline, Clock::duration::zero()),
                floor ? floor->session : -1);
  r.clauses = search.encoder.clauses();
  ascend(m, search, from, cap, floor, r);
  r.complete = r.found && *r.found == r.proven_units;
  return r;
}

}  // namespace convene::schedule
