#include "sat_bound.h"

#include "evaluate.h"

#include <algorithm>
#include <atomic>
#include <cadical.hpp>
#include <limits>
#include <map>
#include <vector>

namespace convene::schedule {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kMaxPairs = 100000;  // IETF meetings: under 20,000

// Stops the search at `at`, once `stall` (if not zero) passed with no
// model found, or when `cancel` (if set) becomes true.
class Deadline : public CaDiCaL::Terminator {
 public:
  Deadline(Clock::time_point at, Clock::duration stall, const std::atomic<bool>* cancel = nullptr)
      : at_(at), stall_(stall), since_(Clock::now()), cancel_(cancel) {}
  bool terminate() override {
    const auto now = Clock::now();
    if (cancel_ && cancel_->load(std::memory_order_relaxed)) return true;
    return now >= at_ || (stall_ > Clock::duration::zero() && now - since_ >= stall_);
  }
  void progressed() { stall_ = Clock::duration::zero(); }

 private:
  Clock::time_point at_;
  Clock::duration stall_;
  Clock::time_point since_;
  const std::atomic<bool>* cancel_;
};

// Where the encoding puts sessions: slots, or periods (slots with the same
// start and end; Encoder::seat() picks the rooms).
struct Place {
  UnixSeconds start = 0, end = 0;
  std::int64_t day = 0;
  std::vector<int> slots;  // a period's: largest room first
};

// Builds the CNF. Variables with a cost go to `costs` with their units;
// those costing more than the budget are forbidden outright.
class Encoder {
 public:
  // `pinned` (if set): per session a slot it keeps, as if fixed (-1: free).
  Encoder(const Model& m, CaDiCaL::Solver& sat, std::int64_t unit, std::int64_t budget, SatModel kind,
          const std::vector<int>* pinned = nullptr)
      : m_(m), sat_(sat), unit_(unit), budget_(budget), by_period_(kind == SatModel::periods),
        pinned_(m.fixed_slot) {
    for (int s = 0; pinned && s < m.session_count(); ++s) {
      if (pinned_[s] < 0) pinned_[s] = (*pinned)[s];
    }
    if (by_period_) {
      for (const auto& slots : m_.period_slots) add_place(slots);
    } else {
      for (int t = 0; t < m_.slot_count(); ++t) add_place({t});
    }
  }

  void encode() {
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
  // Literal true when the cost reaches more than the budget (0: it cannot).
  int over_budget() { return counter(); }
  // Assumes the cost stays below `units`.
  void assume_below(std::int64_t units) {
    for (const auto& [sum, lit] : root_) {
      if (sum >= units) sat_.assume(-lit);
    }
  }
  // The placement the last model describes.
  Placement placement_of_model() const {
    Placement p(m_);
    std::vector<std::vector<int>> in(places_.size());
    for (int s = 0; s < m_.session_count(); ++s) {
      for (int q : places_of_[s]) {
        if (sat_.val(x(s, q)) > 0) {
          in[q].push_back(s);
          break;
        }
      }
    }
    for (std::size_t q = 0; q < places_.size(); ++q) seat(p, static_cast<int>(q), in[q]);
    if (by_period_) align_adjacent(p);
    return p;
  }
  // Suggests p as the first guess: each session's place true, the rest false.
  void hint(const Placement& p) {
    for (int s = 0; s < m_.session_count(); ++s) {
      const int at = p.slot_of[s] < 0 ? -1 : place_of_slot_[p.slot_of[s]];
      for (int q : places_of_[s]) sat_.phase(q == at ? x(s, q) : -x(s, q));
    }
  }
  std::int64_t units_of_model() {
    std::int64_t sum = 0;
    for (const auto& [lit, units] : costs_) sum += sat_.val(lit) > 0 ? units : 0;
    return sum;
  }
  std::int64_t clauses() const { return clauses_; }

 private:
  int fresh() { return ++vars_; }
  void add(std::initializer_list<int> lits) { add(std::vector<int>(lits)); }
  void add(const std::vector<int>& lits) {
    for (int l : lits) sat_.add(l);
    sat_.add(0);
    ++clauses_;
  }
  std::int64_t units(std::int64_t penalty) const { return penalty / unit_; }
  // A literal for a violation costing `penalty`: 0 if it is free, or after
  // forbidding it when it alone breaks the budget (then the clause omits it).
  int cost_literal(std::int64_t penalty) {
    const std::int64_t u = units(penalty);
    if (u == 0) return kFree;
    if (u > budget_) return kForbidden;
    const int v = fresh();
    costs_.emplace_back(v, u);
    return v;
  }
  static constexpr int kFree = 0, kForbidden = -1;
  // Adds `clause` or'ed with violation literal v: dropped when the violation
  // is free, added without v when it is forbidden.
  void add_with(std::vector<int> clause, int v) {
    if (v == kFree) return;
    if (v != kForbidden) clause.push_back(v);
    add(clause);
  }

  void add_place(std::vector<int> slots) {
    const auto& first = m_.slots[slots.front()];
    place_of_slot_.resize(m_.slot_count(), -1);
    for (int t : slots) place_of_slot_[t] = static_cast<int>(places_.size());
    places_.push_back({first.start, first.end, first.local_day, std::move(slots)});
  }
  // The cheapest per-slot cost of s in place q (a period: its largest room).
  std::int64_t unary(int s, int q) const {
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    for (int t : places_[q].slots) best = std::min(best, m_.unary_cost(s, t));
    return best;
  }
  // How many rooms of place q hold s without a capacity trim: the first
  // that many of its slots (largest first).
  int rooms_fitting(int s, int q) const {
    const auto& slots = places_[q].slots;
    const int attendees = m_.problem->sessions[s].attendees;
    int n = 0;
    while (n < static_cast<int>(slots.size()) && attendees <= m_.slots[slots[n]].capacity.value_or(attendees)) ++n;
    return n;
  }
  bool fits_largest(int s, int q) const { return rooms_fitting(s, q) > 0; }
  // The order seat() seats sessions in: those fitting the largest room of
  // q first, most attendees first.
  void sort_for_seating(std::vector<int>& sessions, int q) const {
    const auto& all = m_.problem->sessions;
    std::stable_sort(sessions.begin(), sessions.end(), [&](int a, int b) {
      const bool fa = fits_largest(a, q), fb = fits_largest(b, q);
      return fa != fb ? fa : all[a].attendees > all[b].attendees;
    });
  }
  // Seats the sessions of one place into its slots: fixed and pinned ones
  // in their slots, then the others by attendees, most into the largest
  // free room (those too large for every room last: trimmed anyway).
  void seat(Placement& p, int q, std::vector<int> sessions, const std::vector<std::pair<int, int>>& pins = {}) const {
    const auto& slots = places_[q].slots;
    for (int t : slots) {
      if (p.session_in[t] >= 0) p.slot_of[p.session_in[t]] = -1, p.session_in[t] = -1;
    }
    auto put = [&](int s, int t) { p.slot_of[s] = t, p.session_in[t] = s; };
    for (int s : sessions) {
      if (pinned_[s] >= 0) put(s, pinned_[s]);
    }
    for (const auto& [s, t] : pins) {
      if (p.slot_of[s] < 0 && p.session_in[t] < 0) put(s, t);
    }
    sort_for_seating(sessions, q);
    std::size_t i = 0;
    for (int s : sessions) {
      if (p.slot_of[s] >= 0) continue;
      while (i < slots.size() && p.session_in[slots[i]] >= 0) ++i;
      if (i == slots.size()) break;
      put(s, slots[i]);
    }
  }
  std::vector<int> sessions_in(const Placement& p, int q) const {
    std::vector<int> out;
    for (int t : places_[q].slots) {
      if (p.session_in[t] >= 0) out.push_back(p.session_in[t]);
    }
    return out;
  }
  // By period: seat() ignores wg_adjacent, so for each session it leaves
  // without its target next door, tries seating it and a target session in
  // an adjacent period into one room, keeping that if it costs less.
  void align_adjacent(Placement& p) const {
    for (int s = 0; s < m_.session_count(); ++s) {
      if (p.slot_of[s] < 0 || wg_adjacent_count(m_, p, s, nullptr) == 0) continue;
      const int q = place_of_slot_[p.slot_of[s]];
      for (const auto& rule : m_.rules_of[m_.own_group[s]]) {
        if (rule.constraint->type != ConstraintType::wg_adjacent || rule.target < 0) continue;
        try_pairs(p, s, q, rule.target);
      }
    }
  }
  void try_pairs(Placement& p, int s, int q, int target) const {
    std::int64_t best = tabled_cost(m_, p);
    for (int t : places_[q].slots) {
      for (int u : m_.adjacent[t]) {
        const int r = place_of_slot_[u];
        for (int o : sessions_in(p, r)) {
          if (r == q || !std::binary_search(m_.groups_of[o].begin(), m_.groups_of[o].end(), target)) continue;
          Placement tried = p;
          seat(tried, q, sessions_in(p, q), {{s, t}});
          seat(tried, r, sessions_in(p, r), {{o, u}});
          const std::int64_t cost = tabled_cost(m_, tried);
          if (cost < best) best = cost, p = std::move(tried);
        }
      }
    }
  }

  void at_most_one(const std::vector<int>& lits) {  // sequential counter
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

  void placements() {
    const int n = m_.session_count(), k = static_cast<int>(places_.size());
    std::vector<int> owner(k, -1);
    for (int s = 0; s < n; ++s) {
      if (pinned_[s] >= 0 && !by_period_) owner[place_of_slot_[pinned_[s]]] = s;
    }
    x_.assign(static_cast<std::size_t>(n) * k, 0);
    places_of_.resize(n);
    in_place_.resize(k);
    for (int s = 0; s < n; ++s) {
      std::vector<int> alo;
      for (int q = 0; q < k; ++q) {
        const bool allowed = pinned_[s] >= 0 ? q == place_of_slot_[pinned_[s]] : owner[q] < 0;
        const std::int64_t u = units(unary(s, q));
        if (!allowed || u > budget_) continue;
        const int v = fresh();
        x_[s * k + q] = v;
        places_of_[s].push_back(q);
        alo.push_back(v);
        in_place_[q].push_back(s);
        if (u > 0) costs_.emplace_back(v, u);
      }
      at_most_one(alo);
      if (pinned_[s] < 0) {
        const int u = cost_literal(m_.penalty(Term::unscheduled));
        if (u > 0) alo.push_back(u);
        if (u == kFree) continue;  // leaving it out costs nothing at this unit
      }
      add(alo);
    }
    if (by_period_) return;  // seats() limits how many a period holds
    for (int q = 0; q < k; ++q) {
      std::vector<int> lits;
      for (int s : in_place_[q]) lits.push_back(x(s, q));
      at_most_one(lits);
    }
  }
  // Per period: sessions fitting only its j largest rooms are at most j
  // (j = the room count: all of them), so seat() needs no capacity trim
  // beyond those unary() counted. One sequential counter per period over
  // its sessions, largest first.
  void seats() {
    for (int q = 0; q < static_cast<int>(places_.size()); ++q) {
      const auto& slots = places_[q].slots;
      const int rooms = static_cast<int>(slots.size());
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
  }
  int x(int s, int q) const { return x_[s * static_cast<int>(places_.size()) + q]; }

  // Two slots overlap exactly when both hold the later start; c(s, i) is
  // true when s's slot holds start instant i.
  void time_points() {
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
  int instant_of(UnixSeconds start) const {
    return static_cast<int>(std::lower_bound(instants_.begin(), instants_.end(), start) - instants_.begin());
  }

  void pairs() {
    const int n = m_.session_count(), p = static_cast<int>(instants_.size());
    for (int a = 0; a < n; ++a) {
      for (int b = a + 1; b < n; ++b) {
        const std::int64_t w = m_.overlap_weight(a, b);
        if (w == 0 || units(w) == 0) continue;
        int v = 0;
        for (int i = 0; i < p; ++i) {
          const int ca = c_[a * p + i], cb = c_[b * p + i];
          if (ca == 0 || cb == 0) continue;
          if (v == 0) v = w >= Model::kClash ? kForbidden : cost_literal(w);
          add_with({-ca, -cb}, v);
        }
      }
    }
  }

  // "y starts before instant i", defined lazily per session.
  int starts_before(int y, int i) {
    auto& lit = before_[{y, i}];
    if (lit != 0) return lit;
    lit = fresh();
    for (int q : places_of_[y]) {
      if (places_[q].start < instants_[i]) add({-x(y, q), lit});
    }
    return lit;
  }

  void out_of_order(int g) {
    const auto& own = m_.sessions_of[g];
    int v = kFree;
    for (int a : own) {
      for (int b : own) {
        if (m_.problem->sessions[a].order >= m_.problem->sessions[b].order) continue;
        if (v == kFree) v = cost_literal(m_.penalty(Term::sessions_out_of_order));
        if (v == kFree) return;
        for (int q : places_of_[a]) add_with({-x(a, q), -starts_before(b, instant_of(places_[q].start))}, v);
      }
    }
  }

  int on_day(int s, std::int64_t day) {
    auto& lit = days_[{s, day}];
    if (lit != 0) return lit;
    lit = fresh();
    for (int q : places_of_[s]) {
      if (places_[q].day == day) add({-x(s, q), lit});
    }
    return lit;
  }

  void time_relation(int g) {
    const auto& own = m_.sessions_of[g];
    if (own.size() != 2) return;  // more sessions: the term is dropped (a relaxation)
    std::vector<std::int64_t> days;
    for (const auto& place : places_) days.push_back(place.day);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    for (const auto& rule : m_.rules_of[g]) {
      if (rule.constraint->type != ConstraintType::time_relation) continue;
      const int v = cost_literal(m_.penalty(Term::time_relation));
      if (v == kFree) continue;
      const bool subsequent = rule.constraint->relation == TimeRelation::subsequent_days;
      for (auto d1 : days) {
        for (auto d2 : days) {
          const auto apart = std::abs(d1 - d2);
          if ((subsequent && apart != 1) || (!subsequent && apart < 2)) {
            add_with({-on_day(own[0], d1), -on_day(own[1], d2)}, v);
          }
        }
      }
    }
  }

  // "a session of group `target` is in slot u" (0: none can be).
  int holds(int target, int u) {
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
  // seat() does not align the rooms; the solver's polish does).
  std::vector<int> adjacent_places(int q) const {
    std::vector<int> out;
    for (int t : places_[q].slots) {
      for (int u : m_.adjacent[t]) out.push_back(place_of_slot_[u]);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void wg_adjacent(int g) {
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

  // Generalized totalizer over the cost literals: a node maps each sum it
  // can reach (capped at budget + 1) to a literal forced true when its
  // inputs reach exactly that sum. Literals of equal weight merge first, so
  // the sums stay few.
  using Node = std::vector<std::pair<std::int64_t, int>>;  // sorted by sum
  int counter() {
    const std::int64_t cap = budget_ + 1;
    std::sort(costs_.begin(), costs_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    std::vector<Node> nodes;
    for (const auto& [lit, u] : costs_) nodes.push_back(Node{{std::min(u, cap), lit}});
    if (nodes.empty()) return 0;
    while (nodes.size() > 1) {
      std::vector<Node> next;
      for (std::size_t i = 0; i + 1 < nodes.size(); i += 2) next.push_back(merge(nodes[i], nodes[i + 1], cap));
      if (nodes.size() % 2 == 1) next.push_back(std::move(nodes.back()));
      nodes = std::move(next);
    }
    root_ = std::move(nodes[0]);
    return root_.back().first == cap ? root_.back().second : 0;
  }
  Node merge(const Node& a, const Node& b, std::int64_t cap) {
    std::map<std::int64_t, int> out;
    auto output = [&](std::int64_t sum) {
      int& lit = out[std::min(sum, cap)];
      if (lit == 0) lit = fresh();
      return lit;
    };
    for (const auto& [va, la] : a) add({-la, output(va)});
    for (const auto& [vb, lb] : b) add({-lb, output(vb)});
    for (const auto& [va, la] : a) {
      for (const auto& [vb, lb] : b) add({-la, -lb, output(va + vb)});
    }
    return Node(out.begin(), out.end());
  }

  const Model& m_;
  CaDiCaL::Solver& sat_;
  std::int64_t unit_, budget_;
  int vars_ = 0;
  std::int64_t clauses_ = 0;
  std::vector<int> x_, c_;
  bool by_period_;
  std::vector<int> pinned_;  // per session: the slot it keeps (fixed or pinned), or -1
  std::vector<Place> places_;
  std::vector<int> place_of_slot_;
  std::vector<std::vector<int>> places_of_;  // per session: places it may take
  std::vector<std::vector<int>> in_place_;   // per place: sessions that may take it
  std::vector<UnixSeconds> instants_;
  std::map<std::pair<int, int>, int> before_, holds_;
  std::map<std::pair<int, std::int64_t>, int> days_;
  std::vector<std::pair<int, std::int64_t>> costs_;
  Node root_;  // totalizer outputs
};

}  // namespace

bool sat_applies(const Model& m) {
  return static_cast<std::size_t>(m.session_count()) * m.slot_count() <= kMaxPairs;
}

namespace {

// Keeps the schedule of the model just found if it is the cheapest so far.
void record(const Model& m, const Encoder& e, SatMinimum& r) {
  auto placement = e.placement_of_model();
  const std::int64_t cost = tabled_cost(m, placement);
  if (!r.best_model_cost || cost < *r.best_model_cost) {
    r.best_model_cost = cost;
    r.best_model = std::move(placement);
  }
}

}  // namespace

SatMinimum sat_minimum(const Model& m, std::int64_t unit, std::int64_t start, Clock::time_point deadline,
                       SatModel kind, const Placement* hint, Clock::duration stall, const std::vector<int>* pinned,
                       const std::atomic<bool>* cancel) {
  SatMinimum r;
  if (!sat_applies(m)) return r;
  CaDiCaL::Solver sat;
  sat.set("quiet", 1);  // a pinned neighbourhood can be infeasible outright: no message on stdout
  Deadline stop(deadline, stall, cancel);
  sat.connect_terminator(&stop);
  Encoder e(m, sat, unit, start, kind, pinned);
  e.encode();
  const int over = e.over_budget();
  if (over != 0) sat.add(-over), sat.add(0);
  r.clauses = e.clauses();
  if (hint) e.hint(*hint);
  std::int64_t budget = start;
  while (true) {
    const int answer = sat.solve();
    if (answer == 20) {  // UNSAT: nothing of at most `budget` units
      r.proven_units = budget + 1;
      break;
    }
    if (answer != 10) {  // out of time, or stalled
      r.stopped = true;
      break;
    }
    stop.progressed();
    const std::int64_t units = e.units_of_model();
    r.found = units;
    record(m, e, r);
    if (units == 0) {
      r.proven_units = 0;
      break;
    }
    budget = units - 1;
    // Below `units`: the totalizer output "at least units" must be false. It
    // exists because units <= start < cap.
    e.assume_below(units);
  }
  r.complete = r.found && *r.found == r.proven_units;
  sat.disconnect_terminator();
  return r;
}

SatMinimum sat_ascent(const Model& m, std::int64_t unit, std::int64_t from, std::int64_t cap,
                      Clock::time_point deadline) {
  SatMinimum r;
  r.proven_units = from;
  if (!sat_applies(m) || from > cap) return r;
  CaDiCaL::Solver sat;
  Deadline stop(deadline, Clock::duration::zero());
  sat.connect_terminator(&stop);
  Encoder e(m, sat, unit, cap, SatModel::slots);
  e.encode();
  const int over = e.over_budget();
  if (over != 0) sat.add(-over), sat.add(0);
  r.clauses = e.clauses();
  for (std::int64_t k = from; k <= cap; ++k) {
    e.assume_below(k + 1);  // at most k units (k + 1 <= cap + 1: a totalizer output exists)
    const int answer = sat.solve();
    if (answer == 20) {
      r.proven_units = k + 1;
      continue;
    }
    if (answer != 10) {
      r.stopped = true;
      break;
    }
    r.found = e.units_of_model();  // at most k, and at least k: fewer were refuted
    r.proven_units = *r.found;
    record(m, e, r);
    break;
  }
  r.complete = r.found && *r.found == r.proven_units;
  sat.disconnect_terminator();
  return r;
}

}  // namespace convene::schedule
