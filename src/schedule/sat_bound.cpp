#include "sat_bound.h"

#include "evaluate.h"

#include <algorithm>
#include <cadical.hpp>
#include <map>
#include <vector>

namespace convene::schedule {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kMaxPairs = 100000;  // IETF meetings: under 20,000

class Deadline : public CaDiCaL::Terminator {
 public:
  explicit Deadline(Clock::time_point at) : at_(at) {}
  bool terminate() override { return Clock::now() >= at_; }

 private:
  Clock::time_point at_;
};

// Builds the CNF. Variables with a cost go to `costs` with their units;
// those costing more than the budget are forbidden outright.
class Encoder {
 public:
  Encoder(const Model& m, CaDiCaL::Solver& sat, std::int64_t unit, std::int64_t budget)
      : m_(m), sat_(sat), unit_(unit), budget_(budget) {}

  void encode() {
    placements();
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
    for (int s = 0; s < m_.session_count(); ++s) {
      for (int t : slots_of_[s]) {
        if (sat_.val(x(s, t)) > 0 && p.slot_of[s] < 0 && p.session_in[t] < 0) {
          p.slot_of[s] = t;
          p.session_in[t] = s;
        }
      }
    }
    return p;
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
    const int n = m_.session_count(), k = m_.slot_count();
    std::vector<int> owner(k, -1);
    for (int s = 0; s < n; ++s) {
      if (m_.fixed_slot[s] >= 0) owner[m_.fixed_slot[s]] = s;
    }
    x_.assign(static_cast<std::size_t>(n) * k, 0);
    slots_of_.resize(n);
    std::vector<std::vector<int>> in_slot(k);
    for (int s = 0; s < n; ++s) {
      std::vector<int> alo;
      for (int t = 0; t < k; ++t) {
        const bool allowed = m_.fixed_slot[s] >= 0 ? t == m_.fixed_slot[s] : owner[t] < 0;
        if (!allowed || units(m_.unary_cost(s, t)) > budget_) continue;
        const int v = fresh();
        x_[s * k + t] = v;
        slots_of_[s].push_back(t);
        alo.push_back(v);
        in_slot[t].push_back(v);
        if (units(m_.unary_cost(s, t)) > 0) costs_.emplace_back(v, units(m_.unary_cost(s, t)));
      }
      at_most_one(alo);
      if (m_.fixed_slot[s] < 0) {
        const int u = cost_literal(m_.penalty(Term::unscheduled));
        if (u > 0) alo.push_back(u);
        if (u == kFree) continue;  // leaving it out costs nothing at this unit
      }
      add(alo);
    }
    for (const auto& lits : in_slot) at_most_one(lits);
  }
  int x(int s, int t) const { return x_[s * m_.slot_count() + t]; }

  // Two slots overlap exactly when both hold the later start; c(s, i) is
  // true when s's slot holds start instant i.
  void time_points() {
    for (const auto& slot : m_.slots) instants_.push_back(slot.start);
    std::sort(instants_.begin(), instants_.end());
    instants_.erase(std::unique(instants_.begin(), instants_.end()), instants_.end());
    const int n = m_.session_count(), p = static_cast<int>(instants_.size());
    c_.assign(static_cast<std::size_t>(n) * p, 0);
    for (int s = 0; s < n; ++s) {
      for (int t : slots_of_[s]) {
        for (int i = 0; i < p; ++i) {
          if (instants_[i] < m_.slots[t].start || instants_[i] >= m_.slots[t].end) continue;
          int& c = c_[s * p + i];
          if (c == 0) c = fresh();
          add({-x(s, t), c});
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
    for (int u : slots_of_[y]) {
      if (m_.slots[u].start < instants_[i]) add({-x(y, u), lit});
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
        for (int t : slots_of_[a]) add_with({-x(a, t), -starts_before(b, instant_of(m_.slots[t].start))}, v);
      }
    }
  }

  int on_day(int s, std::int64_t day) {
    auto& lit = days_[{s, day}];
    if (lit != 0) return lit;
    lit = fresh();
    for (int t : slots_of_[s]) {
      if (m_.slots[t].local_day == day) add({-x(s, t), lit});
    }
    return lit;
  }

  void time_relation(int g) {
    const auto& own = m_.sessions_of[g];
    if (own.size() != 2) return;  // more sessions: the term is dropped (a relaxation)
    std::vector<std::int64_t> days;
    for (const auto& slot : m_.slots) days.push_back(slot.local_day);
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

  void wg_adjacent(int g) {
    for (const auto& rule : m_.rules_of[g]) {
      if (rule.constraint->type != ConstraintType::wg_adjacent || rule.target < 0) continue;
      for (int s : m_.sessions_of[g]) {
        const int v = cost_literal(m_.penalty(Term::wg_adjacent));
        if (v == kFree) continue;
        for (int t : slots_of_[s]) {
          std::vector<int> clause{-x(s, t)};
          for (int u : m_.adjacent[t]) {
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
  std::vector<std::vector<int>> slots_of_;
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

SatMinimum sat_minimum(const Model& m, std::int64_t unit, std::int64_t start, Clock::time_point deadline) {
  SatMinimum r;
  if (!sat_applies(m)) return r;
  CaDiCaL::Solver sat;
  Deadline stop(deadline);
  sat.connect_terminator(&stop);
  Encoder e(m, sat, unit, start);
  e.encode();
  const int over = e.over_budget();
  if (over != 0) sat.add(-over), sat.add(0);
  r.clauses = e.clauses();
  std::int64_t budget = start;
  while (true) {
    const int answer = sat.solve();
    if (answer == 20) {  // UNSAT: nothing of at most `budget` units
      r.proven_units = budget + 1;
      break;
    }
    if (answer != 10) break;  // out of time
    const std::int64_t units = e.units_of_model();
    r.found = units;
    auto placement = e.placement_of_model();
    const std::int64_t cost = tabled_cost(m, placement);
    if (!r.best_model_cost || cost < *r.best_model_cost) {
      r.best_model_cost = cost;
      r.best_model = std::move(placement);
    }
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

}  // namespace convene::schedule
