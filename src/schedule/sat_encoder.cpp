// The CNF: placements, seating limits, overlaps and group terms.
#include "sat_encoder.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace convene::schedule {

SatEncoder::SatEncoder(const Model& m, CaDiCaL::Solver& sat, std::int64_t unit, std::int64_t budget, SatModel kind,
                       const std::vector<int>* pinned, int floor_of, const std::vector<int>* shortest)
    : m_(m), sat_(sat), unit_(unit), budget_(budget), by_period_(kind == SatModel::periods), pinned_(m.fixed_slot),
      shortest_(shortest ? *shortest : std::vector<int>{}), floor_of_(floor_of) {
  for (int s = 0; pinned && s < m.session_count(); ++s) {
    if (pinned_[s] < 0) pinned_[s] = (*pinned)[s];
  }
  if (by_period_) {
    for (const auto& slots : m_.period_slots) add_place(slots);
  } else {
    for (int t = 0; t < m_.slot_count(); ++t) add_place({t});
  }
}

void SatEncoder::encode() {
  placements();
  if (by_period_) seats();
  time_points();
  pairs();
  for (int g = 0; g < static_cast<int>(m_.sessions_of.size()); ++g) {
    out_of_order(g);
    time_relation(g);
    wg_adjacent(g);
  }
}

void SatEncoder::require(const SatCut& cut) {
  std::vector<int> clause;
  for (auto [s, t] : cut.any_of) {
    const int v = x(s, place_of_slot_[t]);
    if (v != 0 && std::find(clause.begin(), clause.end(), v) == clause.end()) clause.push_back(v);
  }
  add(clause);  // empty: no placement listed may be taken, so no model
}

void SatEncoder::add(const std::vector<int>& lits) {
  for (int l : lits) sat_.add(l);
  sat_.add(0);
  ++clauses_;
}

// A literal for a violation costing `penalty`: kFree if it is free at this
// unit, kForbidden when it alone breaks the budget (the clause then omits
// it). `floor`: one of the floor literals (see the constructor).
int SatEncoder::cost_literal(std::int64_t penalty, bool floor) {
  const std::int64_t u = units(penalty);
  if (u == 0) return kFree;
  if (u > budget_) return kForbidden;
  const int v = fresh();
  add_cost(v, u, floor);
  return v;
}

void SatEncoder::add_cost(int lit, std::int64_t units, bool floor) {
  costs_.emplace_back(lit, units);
  if (!floor) rest_.emplace_back(lit, units);
}

// Adds `clause` or'ed with violation literal v: dropped when the violation
// is free, added without v when it is forbidden.
void SatEncoder::add_with(std::vector<int> clause, int v) {
  if (v == kFree) return;
  if (v != kForbidden) clause.push_back(v);
  add(clause);
}

void SatEncoder::at_most_one(const std::vector<int>& lits) {  // sequential counter
  if (lits.size() < 2) return;
  int prev = lits[0];
  for (std::size_t i = 1; i < lits.size(); ++i) {
    add({-prev, -lits[i]});
    if (i + 1 == lits.size()) break;
    const int next = fresh();
    add({-prev, next});
    add({-lits[i], next});
    prev = next;
  }
}

void SatEncoder::add_place(std::vector<int> slots) {
  const auto& first = m_.slots[slots.front()];
  place_of_slot_.resize(m_.slot_count(), -1);
  for (int t : slots) place_of_slot_[t] = static_cast<int>(places_.size());
  int longest = 0;
  for (int t : slots) longest = std::max(longest, m_.slots[t].duration_min);
  places_.push_back({first.start, first.end, first.local_day, std::move(slots), longest});
}

// The cheapest per-slot cost of s in place q (a period: its largest room).
std::int64_t SatEncoder::unary(int s, int q) const {
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  for (int t : places_[q].slots) best = std::min(best, m_.unary_cost(s, t));
  return best;
}

// How many rooms of place q hold s without a capacity trim: the first that
// many of its slots (largest first).
int SatEncoder::rooms_fitting(int s, int q) const {
  const auto& slots = places_[q].slots;
  const int attendees = m_.problem->sessions[s].attendees;
  int n = 0;
  while (n < static_cast<int>(slots.size()) && attendees <= m_.slots[slots[n]].capacity.value_or(attendees)) ++n;
  return n;
}

// Per place: the session pinned to it (slot model only), or -1.
std::vector<int> SatEncoder::owners() const {
  std::vector<int> owner(places_.size(), -1);
  for (int s = 0; s < m_.session_count(); ++s) {
    if (pinned_[s] >= 0 && !by_period_) owner[place_of_slot_[pinned_[s]]] = s;
  }
  return owner;
}

void SatEncoder::set_x(int s, int q, int v) {
  if (row_[s] >= 0) {
    x_[static_cast<std::size_t>(row_[s]) * places_.size() + q] = v;
  } else {
    kept_[s] = {q, v};
  }
}

// x(s, q) for every place s may take: at most one, and at least one unless
// s pays for being unscheduled.
void SatEncoder::place_session(int s, const std::vector<int>& owner) {
  const int k = static_cast<int>(places_.size());
  std::vector<int> alo;
  const bool kept = pinned_[s] >= 0;  // only its own place
  const int first = kept ? place_of_slot_[pinned_[s]] : 0, last = kept ? first + 1 : k;
  for (int q = first; q < last; ++q) {
    const bool too_short = !shortest_.empty() && places_[q].longest_min < shortest_[s];
    if (!kept && (owner[q] >= 0 || too_short)) continue;
    if (!kept && allowed_ && !(*allowed_)[s][m_.period_of[places_[q].slots.front()]]) continue;
    const std::int64_t u = units(unary(s, q));
    if (u > budget_) continue;
    const int v = fresh();
    set_x(s, q, v);
    places_of_[s].push_back(q);
    alo.push_back(v);
    in_place_[q].push_back(s);
    if (u > 0) add_cost(v, u, true);
  }
  at_most_one(alo);
  if (pinned_[s] < 0) {
    const int u = cost_literal(m_.penalty(Term::unscheduled), true);
    if (u == kFree) return;  // leaving it out costs nothing at this unit
    if (u > 0) alo.push_back(u);
  }
  add(alo);
}

void SatEncoder::placements() {
  const int n = m_.session_count(), k = static_cast<int>(places_.size());
  const auto owner = owners();
  row_.assign(n, -1);
  kept_.assign(n, {-1, 0});
  int rows = 0;
  for (int s = 0; s < n; ++s) {
    if (pinned_[s] < 0) row_[s] = rows++;
  }
  x_.assign(static_cast<std::size_t>(rows) * k, 0);
  places_of_.resize(n);
  in_place_.resize(k);
  for (int s = 0; s < n; ++s) place_session(s, owner);
  if (by_period_) return;  // seats() limits how many a period holds
  for (int q = 0; q < k; ++q) {
    std::vector<int> lits;
    for (int s : in_place_[q]) lits.push_back(x(s, q));
    at_most_one(lits);
  }
}

// Per period: sessions fitting only its j largest rooms are at most j (j =
// the room count: all of them), so seat() needs no capacity trim beyond
// those unary() counted.
void SatEncoder::seats() {
  for (int q = 0; q < static_cast<int>(places_.size()); ++q) seat_counter(q);
}

// One sequential counter over the sessions that may take period q, largest
// first.
void SatEncoder::seat_counter(int q) {
  const int rooms = static_cast<int>(places_[q].slots.size());
  std::vector<int> order = in_place_[q];
  sort_for_seating(order, q);
  std::vector<int> count(rooms + 1, 0);  // count[j]: "at least j so far" (j >= 1)
  for (int s : order) {
    // Too large for every room: any room (trimmed anyway).
    const int fit = fits_largest(s, q) ? rooms_fitting(s, q) : rooms;
    const int v = x(s, q);
    std::vector<int> next(rooms + 1, 0);
    for (int j = 1; j <= rooms; ++j) next[j] = fresh();
    for (int j = 1; j <= rooms; ++j) {
      if (count[j] != 0) add({-count[j], next[j]});
      if (j == 1) add({-v, next[1]});
      else if (count[j - 1] != 0) add({-v, -count[j - 1], next[j]});
    }
    // With s in q, at most `fit` of the sessions so far (all at least as large).
    if (count[fit] != 0) add({-v, -count[fit]});
    count = std::move(next);
  }
}

// Two slots overlap exactly when both hold the later start; c(s, i) is true
// when s's slot holds start instant i.
void SatEncoder::time_points() {
  for (const auto& place : places_) instants_.push_back(place.start);
  std::sort(instants_.begin(), instants_.end());
  instants_.erase(std::unique(instants_.begin(), instants_.end()), instants_.end());
  const int n = m_.session_count(), p = static_cast<int>(instants_.size());
  c_.assign(static_cast<std::size_t>(n) * p, 0);
  for (int s = 0; s < n; ++s) {
    for (int q : places_of_[s]) {
      for (int i = 0; i < p; ++i) {
        if (instants_[i] < places_[q].start || instants_[i] >= places_[q].end) continue;
        int& c = c_[s * p + i];
        if (c == 0) c = fresh();
        add({-x(s, q), c});
      }
    }
  }
}

int SatEncoder::instant_of(UnixSeconds start) const {
  return static_cast<int>(std::lower_bound(instants_.begin(), instants_.end(), start) - instants_.begin());
}

void SatEncoder::pairs() {
  const int n = m_.session_count();
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) pair(a, b);
  }
}

// Two sessions kept in their places: one clause if the places overlap,
// none if not, without looking at every instant (a neighbourhood of a large
// problem keeps thousands). False when either has no place (left to pair()).
bool SatEncoder::kept_pair(int a, int b, std::int64_t w, bool forbidden) {
  const auto [qa, xa] = kept_[a];
  const auto [qb, xb] = kept_[b];
  if (xa == 0 || xb == 0) return false;
  if (places_[qa].start < places_[qb].end && places_[qb].start < places_[qa].end) {
    add_with({-xa, -xb}, forbidden ? kForbidden : cost_literal(w, a == floor_of_ || b == floor_of_));
  }
  return true;
}

// a and b overlapping: forbidden when they share a group, else their cost.
// By period (a heuristic model: it only finds schedules), an exclusive
// session's period holds nothing it excludes, as if the period were gone:
// the few sessions that no longer fit pay a trim or sit elsewhere instead,
// and placing the exclusive session rules its whole period out at once
// (two sessions kept in their slots still pay what they cost).
void SatEncoder::pair(int a, int b) {
  const std::int64_t w = m_.overlap_weight(a, b);
  if (w == 0 || units(w) == 0) return;
  const bool kept = pinned_[a] >= 0 && pinned_[b] >= 0;  // already overlapping, perhaps: it costs
  const bool forbidden = w >= Model::kClash || (by_period_ && !kept && (excludes(m_, a, b) || excludes(m_, b, a)));
  if (kept && kept_pair(a, b, w, forbidden)) return;
  const int p = static_cast<int>(instants_.size());
  int v = 0;
  for (int i = 0; i < p; ++i) {
    const int ca = c_[a * p + i], cb = c_[b * p + i];
    if (ca == 0 || cb == 0) continue;
    if (v == 0) v = forbidden ? kForbidden : cost_literal(w, a == floor_of_ || b == floor_of_);
    add_with({-ca, -cb}, v);
  }
}

// "y starts before instant i", defined lazily per session.
int SatEncoder::starts_before(int y, int i) {
  auto& lit = before_[{y, i}];
  if (lit != 0) return lit;
  lit = fresh();
  for (int q : places_of_[y]) {
    if (places_[q].start < instants_[i]) add({-x(y, q), lit});
  }
  return lit;
}

// What g's sessions out of order cost here: the penalty, or the relaxed
// one when g has sessions both kept and free (relax_cross_order()).
std::int64_t SatEncoder::order_penalty(int g) const {
  const auto& own = m_.sessions_of[g];
  const auto kept = [this](int s) { return pinned_[s] >= 0; };
  if (cross_order_ >= 0 && std::any_of(own.begin(), own.end(), kept) && !std::all_of(own.begin(), own.end(), kept)) {
    return cross_order_;
  }
  return m_.penalty(Term::sessions_out_of_order);
}

void SatEncoder::out_of_order(int g) {
  const auto& own = m_.sessions_of[g];
  int v = kFree;
  for (int a : own) {
    for (int b : own) {
      if (m_.problem->sessions[a].order >= m_.problem->sessions[b].order) continue;
      if (v == kFree) v = cost_literal(order_penalty(g));
      if (v == kFree) return;
      for (int q : places_of_[a]) add_with({-x(a, q), -starts_before(b, instant_of(places_[q].start))}, v);
    }
  }
}

int SatEncoder::on_day(int s, std::int64_t day) {
  auto& lit = days_[{s, day}];
  if (lit != 0) return lit;
  lit = fresh();
  for (int q : places_of_[s]) {
    if (places_[q].day == day) add({-x(s, q), lit});
  }
  return lit;
}

std::vector<std::int64_t> SatEncoder::days() const {
  std::vector<std::int64_t> out;
  for (const auto& place : places_) out.push_back(place.day);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void SatEncoder::time_relation(int g) {
  const auto& own = m_.sessions_of[g];
  if (own.size() != 2) return;  // more sessions: the term is dropped (a relaxation)
  const auto all = days();
  for (const auto& rule : m_.rules_of[g]) {
    if (rule.constraint->type != ConstraintType::time_relation) continue;
    const int v = cost_literal(m_.penalty(Term::time_relation));
    if (v == kFree) continue;
    const bool subsequent = rule.constraint->relation == TimeRelation::subsequent_days;
    for (auto d1 : all) {
      for (auto d2 : all) {
        const auto apart = std::abs(d1 - d2);
        if ((subsequent && apart != 1) || (!subsequent && apart < 2)) {
          add_with({-on_day(own[0], d1), -on_day(own[1], d2)}, v);
        }
      }
    }
  }
}

// "a session of group `target` is in place u" (-1: none can be).
int SatEncoder::holds(int target, int u) {
  auto& lit = holds_[{target, u}];
  if (lit != 0) return lit;
  std::vector<int> clause;
  for (int s = 0; s < m_.session_count(); ++s) {
    if (x(s, u) != 0 && std::binary_search(m_.groups_of[s].begin(), m_.groups_of[s].end(), target)) {
      clause.push_back(x(s, u));
    }
  }
  if (clause.empty()) return lit = -1;
  lit = fresh();
  clause.insert(clause.begin(), -lit);
  add(clause);
  return lit;
}

// Places with a slot adjacent to a slot of q (by period: a relaxation,
// seat() does not align the rooms; align_adjacent() and polish do).
std::vector<int> SatEncoder::adjacent_places(int q) const {
  std::vector<int> out;
  for (int t : places_[q].slots) {
    for (int u : m_.adjacent[t]) out.push_back(place_of_slot_[u]);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void SatEncoder::wg_adjacent(int g) {
  for (const auto& rule : m_.rules_of[g]) {
    if (rule.constraint->type != ConstraintType::wg_adjacent || rule.target < 0) continue;
    for (int s : m_.sessions_of[g]) {
      const int v = cost_literal(m_.penalty(Term::wg_adjacent));
      if (v == kFree) continue;
      for (int q : places_of_[s]) {
        std::vector<int> clause{-x(s, q)};
        for (int u : adjacent_places(q)) {
          const int h = holds(rule.target, u);
          if (h > 0) clause.push_back(h);
        }
        add_with(clause, v);
      }
    }
  }
}

}  // namespace convene::schedule
