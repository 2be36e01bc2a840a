// Internal: the CNF of "a feasible schedule whose cost, every penalty
// rounded down to a multiple of the unit, is at most the budget", for
// CaDiCaL (sat_bound.h says what is done with it). Variables with a cost go
// to `costs_` with their units; those costing more than the budget are
// forbidden outright. Split by concern: placements and rules
// (sat_encoder.cpp), the cost counter (sat_totalizer.cpp), reading a model
// back as a seated schedule (sat_seating.cpp).
#pragma once

#include <cadical.hpp>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <utility>
#include <vector>

#include "sat_bound.h"
#include "terms.h"

namespace convene::schedule {

// Where the encoding puts sessions: slots, or periods (slots with the same
// start and end; SatEncoder::seat() picks the rooms).
struct Place {
  UnixSeconds start = 0, end = 0;
  std::int64_t day = 0;
  std::vector<int> slots;  // a period's: largest room first
  int longest_min = 0;     // the length of its longest slot
};

class SatEncoder {
 public:
  // `pinned` (if set): per session a slot it keeps, as if fixed (-1: free).
  // `floor_of` (>= 0): an exclusive session; the cost literals then split
  // into "floor" ones (per-slot, unscheduled, pairs with that session) and
  // the others, which get a counter of their own (assume_rest_below()).
  // `shortest` (if set): per session, the length (minutes) of the shortest
  // slot a free session may take; a place whose slots are all shorter is
  // left out for it (what is then proven holds only for those schedules).
  SatEncoder(const Model& m, CaDiCaL::Solver& sat, std::int64_t unit, std::int64_t budget, SatModel kind,
             const std::vector<int>* pinned = nullptr, int floor_of = -1, const std::vector<int>* shortest = nullptr);

  // The order of a group with sessions both kept (fixed or pinned) and free
  // then costs `penalty` instead of its own: a relaxation, so the free
  // sessions may run ahead of kept ones they must follow. REQUIRES: before
  // encode(), penalty >= 0.
  void relax_cross_order(std::int64_t penalty) { cross_order_ = penalty; }
  // Per session and period of the model: 0 where a free session may not
  // go (SatGuide::allowed). REQUIRES: before encode(); `periods` outlives
  // the encoder.
  void allow_only(const std::vector<std::vector<char>>& periods) { allowed_ = &periods; }
  // Adds every clause: placements, seating limits, overlaps, group terms.
  void encode();
  // Adds the clause of `cut` (SatCut). REQUIRES: after encode().
  void require(const SatCut& cut);
  // Literal true when the cost reaches more than the budget (0: it cannot).
  int over_budget() { return counter(); }
  // Assumes the cost stays below `units`.
  void assume_below(std::int64_t units) { assume(root_, units); }
  // Assumes the cost outside the floor literals stays below `units`.
  // REQUIRES: a `floor_of` session, over_budget() called.
  void assume_rest_below(std::int64_t units) { assume(rest_root_, units); }
  // The placement the last model describes (by period: seated).
  Placement placement_of_model() const;
  // Suggests p as the first guess: each session's place true, the rest false.
  void hint(const Placement& p);
  std::int64_t units_of_model();
  std::int64_t clauses() const { return clauses_; }

 private:
  // Clauses and literals (sat_encoder.cpp).
  int fresh() { return ++vars_; }
  void add(std::initializer_list<int> lits) { add(std::vector<int>(lits)); }
  void add(const std::vector<int>& lits);
  std::int64_t units(std::int64_t penalty) const { return penalty / unit_; }
  int cost_literal(std::int64_t penalty, bool floor = false);
  void add_cost(int lit, std::int64_t units, bool floor);
  static constexpr int kFree = 0, kForbidden = -1;
  void add_with(std::vector<int> clause, int v);
  void at_most_one(const std::vector<int>& lits);
  // The variable of s in place q, 0 if s may not take it.
  int x(int s, int q) const {
    const int row = row_[s];
    if (row >= 0) return x_[static_cast<std::size_t>(row) * places_.size() + q];
    return kept_[s].first == q ? kept_[s].second : 0;
  }
  void set_x(int s, int q, int v);

  // Places and placements (sat_encoder.cpp).
  void add_place(std::vector<int> slots);
  std::int64_t unary(int s, int q) const;
  int rooms_fitting(int s, int q) const;
  bool fits_largest(int s, int q) const { return rooms_fitting(s, q) > 0; }
  std::vector<int> owners() const;
  void place_session(int s, const std::vector<int>& owner);
  void placements();
  void seats();
  void seat_counter(int q);

  // Time and the rules (sat_encoder.cpp).
  void time_points();
  int instant_of(UnixSeconds start) const;
  void pairs();
  void pair(int a, int b);
  bool kept_pair(int a, int b, std::int64_t w, bool forbidden);
  int starts_before(int y, int i);
  std::int64_t order_penalty(int g) const;
  void out_of_order(int g);
  int on_day(int s, std::int64_t day);
  std::vector<std::int64_t> days() const;
  void time_relation(int g);
  int holds(int target, int u);
  std::vector<int> adjacent_places(int q) const;
  void wg_adjacent(int g);

  // Seating a model (sat_seating.cpp).
  void sort_for_seating(std::vector<int>& sessions, int q) const;
  void seat(Placement& p, int q, std::vector<int> sessions, const std::vector<std::pair<int, int>>& pins = {}) const;
  std::vector<int> sessions_in(const Placement& p, int q) const;
  void align_adjacent(Placement& p) const;
  void try_pairs(Placement& p, int s, int q, int target) const;

  // The cost counter (sat_totalizer.cpp).
  using Node = std::vector<std::pair<std::int64_t, int>>;  // sorted by sum
  int counter();
  Node totalizer(std::vector<std::pair<int, std::int64_t>> costs, std::int64_t cap);
  Node merge(const Node& a, const Node& b, std::int64_t cap);
  void assume(const Node& root, std::int64_t units);

  const Model& m_;
  CaDiCaL::Solver& sat_;
  std::int64_t unit_, budget_;
  int vars_ = 0;
  std::int64_t clauses_ = 0;
  // x(s, q): a row of places per free session; a session kept in its
  // place (fixed or pinned) has that one (place, variable). A neighbourhood
  // of a large problem then needs rows for its few free sessions only.
  std::vector<int> x_, row_, c_;
  std::vector<std::pair<int, int>> kept_;
  bool by_period_;
  std::vector<int> pinned_;  // per session: the slot it keeps (fixed or pinned), or -1
  std::vector<int> shortest_;  // per session: see the constructor (empty: no limit)
  std::vector<Place> places_;
  std::vector<int> place_of_slot_;
  std::vector<std::vector<int>> places_of_;  // per session: places it may take
  std::vector<std::vector<int>> in_place_;   // per place: sessions that may take it
  std::vector<UnixSeconds> instants_;
  std::map<std::pair<int, int>, int> before_, holds_;
  std::map<std::pair<int, std::int64_t>, int> days_;
  std::vector<std::pair<int, std::int64_t>> costs_;
  int floor_of_;                                     // see the constructor
  std::int64_t cross_order_ = -1;                    // relax_cross_order(), -1: not relaxed
  const std::vector<std::vector<char>>* allowed_ = nullptr;  // allow_only(), null: everywhere
  std::vector<std::pair<int, std::int64_t>> rest_;  // the cost literals outside the floor
  Node root_, rest_root_;                            // totalizer outputs
};

}  // namespace convene::schedule
