// The set-partitioning lower bound (partition_bound.h): column generation
// over the parts of periods, the master LP solved by CLP (Debian's
// coinor-libclp-dev).
#include "partition_bound.h"

#include <ClpSimplex.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <utility>
#include <vector>

#include "rng.h"

namespace convene::schedule {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kMaxSessions = 2000;
constexpr double kNever = 1e15;          // a period a session may not take
constexpr double kNegative = -1e-6;      // a reduced cost below this is worth a column
constexpr int kGreedyTries = 30;         // randomized greedy starts per pricing
constexpr int kGreedyPool = 40;          // of the sessions cheapest by reduced cost
constexpr std::int64_t kNodeLimit = 200000;  // exact pricing, per period

// The partition model's data: per session and period the least per-slot
// cost, per session the sessions it costs to share a period with.
struct Parts {
  explicit Parts(const Model& m);
  double cost(int q, const std::vector<int>& part) const;  // kNever if two may never share
  double pair(int a, int b) const { return m.clash(a, b) ? kNever : static_cast<double>(m.pair_cost(a, b)); }

  const Model& m;
  int n, k;
  std::vector<double> unary;                            // n x k
  std::vector<int> capacity;                            // per period: its slots
  std::vector<std::vector<std::pair<int, double>>> costly;  // per session: (other, pair cost or kNever)
};

Parts::Parts(const Model& model)
    : m(model), n(model.session_count()), k(static_cast<int>(model.period_slots.size())) {
  unary.assign(static_cast<std::size_t>(n) * k, kNever);
  for (int s = 0; s < n; ++s) {
    for (int q = 0; q < k; ++q) {
      if (m.fixed_slot[s] >= 0 && m.period_of[m.fixed_slot[s]] != q) continue;
      unary[static_cast<std::size_t>(s) * k + q] = std::min(kNever, static_cast<double>(least_in_period(m, s, q)));
    }
  }
  for (const auto& slots : m.period_slots) capacity.push_back(static_cast<int>(slots.size()));
  costly.resize(n);
  for (int a = 0; a < n; ++a) {
    for (int b = 0; b < n; ++b) {
      if (a != b && (m.clash(a, b) || m.pair_cost(a, b) > 0)) costly[a].emplace_back(b, pair(a, b));
    }
  }
}

double Parts::cost(int q, const std::vector<int>& part) const {
  double c = 0;
  for (std::size_t i = 0; i < part.size(); ++i) {
    c += unary[static_cast<std::size_t>(part[i]) * k + q];
    for (std::size_t j = i + 1; j < part.size(); ++j) c += pair(part[i], part[j]);
  }
  return c;
}

// The restricted master LP: each session in one part or left out (=), each
// period at most one part (<=). Rows 0..n-1 sessions, n..n+k-1 periods.
class Master {
 public:
  explicit Master(const Parts& p) : p_(p) {
    const int n = p.n, k = p.k;
    std::vector<CoinBigIndex> start(n + 1);
    std::vector<int> rows(n);
    std::vector<double> ones(n, 1.0), lower(n, 0.0), upper(n, COIN_DBL_MAX);
    std::vector<double> left_out(n, static_cast<double>(p.m.penalty(Term::unscheduled)));
    for (int s = 0; s <= n; ++s) start[s] = s;
    for (int s = 0; s < n; ++s) rows[s] = s;
    std::vector<double> row_lower(n + k, 1.0), row_upper(n + k, 1.0);
    std::fill(row_lower.begin() + n, row_lower.end(), -COIN_DBL_MAX);
    lp_.setLogLevel(0);
    lp_.loadProblem(n, n + k, start.data(), rows.data(), ones.data(), lower.data(), upper.data(), left_out.data(),
                    row_lower.data(), row_upper.data());
  }

  // Adds the part if new; true when added.
  bool add(int q, std::vector<int> part) {
    std::sort(part.begin(), part.end());
    if (part.empty() || !seen_.emplace(q, part).second) return false;
    const double c = p_.cost(q, part);
    if (c >= kNever) return false;
    std::vector<int> rows(part);
    rows.push_back(p_.n + q);
    const std::vector<double> ones(rows.size(), 1.0);
    lp_.addColumn(static_cast<int>(rows.size()), rows.data(), ones.data(), 0.0, COIN_DBL_MAX, c);
    return true;
  }

  // Solves; false if CLP could not (then nothing is proven).
  bool solve() {
    lp_.primal();
    return lp_.isProvenOptimal();
  }
  double value() const { return lp_.objectiveValue(); }
  const double* session_duals() const { return lp_.dualRowSolution(); }  // rows 0..n-1
  double period_dual(int q) const { return std::min(0.0, lp_.dualRowSolution()[p_.n + q]); }
  int parts() const { return static_cast<int>(seen_.size()); }

 private:
  const Parts& p_;
  ClpSimplex lp_;
  std::set<std::pair<int, std::vector<int>>> seen_;
};

// Reduced costs of period q: per session its per-slot cost less its dual.
std::vector<double> linear_terms(const Parts& p, const double* session_duals, int q) {
  std::vector<double> lin(p.n);
  for (int s = 0; s < p.n; ++s) lin[s] = p.unary[static_cast<std::size_t>(s) * p.k + q] - session_duals[s];
  return lin;
}

// What adding s to `part` adds to its reduced cost (kNever if it may not).
double added_by(const Parts& p, const std::vector<double>& lin, const std::vector<char>& in, int s) {
  double d = lin[s];
  for (const auto& [o, w] : p.costly[s]) {
    if (!in[o]) continue;
    if (w >= kNever) return kNever;
    d += w;
  }
  return d;
}

// A randomized greedy start: sessions cheapest by reduced cost first,
// each taken while it lowers the part's reduced cost.
std::vector<int> greedy(const Parts& p, int q, const std::vector<double>& lin, Rng& rng) {
  std::vector<int> ranked;
  for (int s = 0; s < p.n; ++s) {
    if (lin[s] < 0) ranked.push_back(s);
  }
  std::sort(ranked.begin(), ranked.end(), [&](int a, int b) { return lin[a] < lin[b]; });
  if (ranked.size() > static_cast<std::size_t>(kGreedyPool)) ranked.resize(kGreedyPool);
  std::vector<int> best;
  double best_value = 0;
  std::vector<char> in(p.n, 0);
  for (int attempt = 0; attempt < kGreedyTries; ++attempt) {
    if (attempt > 0) {
      for (std::size_t i = ranked.size(); i > 1; --i) std::swap(ranked[i - 1], ranked[rng.below(static_cast<int>(i))]);
    }
    std::vector<int> part;
    double value = 0;
    for (int s : ranked) {
      if (static_cast<int>(part.size()) >= p.capacity[q]) break;
      const double d = added_by(p, lin, in, s);
      if (d >= 0) continue;
      part.push_back(s);
      in[s] = 1;
      value += d;
    }
    for (int s : part) in[s] = 0;
    if (value < best_value) {
      best_value = value;
      best = part;
    }
  }
  return best;
}

// Drops, adds and exchanges one session at a time while the part's reduced
// cost falls. A session that may never share a period with one of the part
// can only take its place.
void improve(const Parts& p, int q, const std::vector<double>& lin, std::vector<int>& part) {
  std::vector<char> in(p.n, 0);
  for (int s : part) in[s] = 1;
  const auto inside = [&](int s) {  // what s adds to the part now
    in[s] = 0;
    const double d = added_by(p, lin, in, s);
    in[s] = 1;
    return d;
  };
  std::vector<double> contribution(p.n, 0.0);  // per member: inside(s), once per step
  while (true) {
    double best = kNegative;
    int add = -1, drop = -1;
    for (int s : part) {
      contribution[s] = inside(s);
      if (-contribution[s] < best) best = -contribution[s], add = -1, drop = s;
    }
    const bool room = static_cast<int>(part.size()) < p.capacity[q];
    for (int s = 0; s < p.n; ++s) {
      if (in[s] || lin[s] >= kNever / 2) continue;
      double d = lin[s];
      int clash = -1, clashes = 0;
      for (const auto& [o, w] : p.costly[s]) {
        if (!in[o]) continue;
        if (w >= kNever) {
          clash = o;
          ++clashes;
        } else {
          d += w;
        }
      }
      if (clashes > 1) continue;
      if (clashes == 1) {  // only in clash's place
        if (const double swap = d - contribution[clash]; swap < best) best = swap, add = s, drop = clash;
        continue;
      }
      if (room && d < best) best = d, add = s, drop = -1;
      for (int o : part) {
        if (const double swap = d - p.pair(s, o) - contribution[o]; swap < best) best = swap, add = s, drop = o;
      }
    }
    if (add < 0 && drop < 0) return;
    if (drop >= 0) {
      in[drop] = 0;
      part.erase(std::find(part.begin(), part.end(), drop));
    }
    if (add >= 0) {
      in[add] = 1;
      part.push_back(add);
    }
  }
}

// Exact pricing of period q by branch and bound over the sessions of
// negative reduced cost (no other can lower a part: pair terms are never
// negative). Returns the least reduced cost (before the period's dual) and
// its part; where the node limit stops it, a proven lower bound instead.
class Exact {
 public:
  Exact(const Parts& p, int q, const std::vector<double>& lin) : Exact(p, q, lin, -1, 0.0) {}
  // The parts holding `forced`, searched only for one below `below`.
  Exact(const Parts& p, int q, const std::vector<double>& lin, int forced, double below)
      : p_(p), cap_(p.capacity[q]), lin_(lin), in_(p.n, 0), forced_(forced), best_(below) {
    for (int s = 0; s < p.n; ++s) {
      if (lin[s] < 0 && s != forced) candidates_.push_back(s);
    }
    std::sort(candidates_.begin(), candidates_.end(), [&](int a, int b) { return lin[a] < lin[b]; });
  }
  std::pair<double, std::vector<int>> run() {
    search(0, 0.0);
    if (nodes_ <= kNodeLimit) return {best_, best_part_};
    double relaxed = 0;  // the cap most negative reduced costs, pairs left out
    for (int i = 0; i < std::min<int>(cap_, static_cast<int>(candidates_.size())); ++i) relaxed += lin_[candidates_[i]];
    return {relaxed, {}};
  }
  // True unless it proved that every part holding `forced` has a reduced
  // cost of at least `below` (the node limit proves nothing).
  bool found_below() {
    const double below = best_;
    part_.push_back(forced_);
    in_[forced_] = 1;
    search(0, lin_[forced_]);
    return best_ < below || nodes_ > kNodeLimit;
  }

 private:
  void search(std::size_t from, double value) {
    if (++nodes_ > kNodeLimit) return;
    if (value < best_) {
      best_ = value;
      best_part_ = part_;
      if (forced_ >= 0) nodes_ = kNodeLimit;  // one is enough: stop
    }
    if (static_cast<int>(part_.size()) >= cap_) return;
    // What each candidate left would add now (the negative ones), in order.
    std::vector<std::pair<std::size_t, double>> next;
    for (std::size_t i = from; i < candidates_.size(); ++i) {
      const double d = added_by(p_, lin_, in_, candidates_[i]);
      if (d < 0) next.emplace_back(i, d);
    }
    // Bound: the most negative of them, as many as there is room for.
    std::vector<double> adds;
    for (const auto& [i, d] : next) adds.push_back(d);
    const std::size_t room = static_cast<std::size_t>(cap_) - part_.size();
    if (adds.size() > room) std::partial_sort(adds.begin(), adds.begin() + room, adds.end());
    double bound = value;
    for (std::size_t i = 0; i < std::min(room, adds.size()); ++i) bound += adds[i];
    if (bound >= best_ - 1e-9) return;
    for (const auto& [i, d] : next) {
      const int s = candidates_[i];
      part_.push_back(s);
      in_[s] = 1;
      search(i + 1, value + d);
      in_[s] = 0;
      part_.pop_back();
    }
  }

  const Parts& p_;
  int cap_;
  const std::vector<double>& lin_;
  std::vector<char> in_;
  int forced_;
  std::vector<int> candidates_, part_, best_part_;
  double best_;
  std::int64_t nodes_ = 0;
};

// Rounds a proven bound up to the penalties' gcd (every schedule's cost is
// a multiple of it), with room for the LP's rounding errors.
std::int64_t round_up(double bound, std::int64_t gcd) {
  if (bound <= 0) return 0;
  const double slack = 1e-6 * std::max(1.0, bound);
  const double g = static_cast<double>(std::max<std::int64_t>(1, gcd));
  return static_cast<std::int64_t>(std::ceil((bound - slack) / g)) * std::max<std::int64_t>(1, gcd);
}

// One round of heuristic pricing, until the deadline: true when it added
// a part.
bool price_heuristic(const Parts& p, Master& master, Rng& rng, Clock::time_point deadline) {
  bool added = false;
  for (int q = 0; q < p.k && Clock::now() < deadline; ++q) {
    const auto lin = linear_terms(p, master.session_duals(), q);
    auto part = greedy(p, q, lin, rng);
    improve(p, q, lin, part);
    if (part.empty()) continue;
    std::vector<char> in(p.n, 0);
    double reduced = -master.period_dual(q);
    for (int s : part) reduced += added_by(p, lin, in, s), in[s] = 1;
    if (reduced < kNegative) added = master.add(q, part) || added;
  }
  return added;
}

PartitionDuals duals_of(const Parts& p, const Master& master, double lagrangian, std::vector<double> least) {
  PartitionDuals d;
  d.session.assign(master.session_duals(), master.session_duals() + p.n);
  for (int q = 0; q < p.k; ++q) d.period.push_back(master.period_dual(q));
  d.least = std::move(least);
  d.lagrangian = lagrangian;
  return d;
}

}  // namespace

std::int64_t least_in_period(const Model& m, int s, int q) {
  std::int64_t least = std::numeric_limits<std::int64_t>::max();
  for (int t : m.period_slots[q]) least = std::min(least, m.unary_cost(s, t));
  return least;
}

bool periods_disjoint(const Model& m) {
  for (std::size_t a = 0; a < m.period_slots.size(); ++a) {
    for (std::size_t b = a + 1; b < m.period_slots.size(); ++b) {
      if (m.overlap(m.period_slots[a].front(), m.period_slots[b].front())) return false;
    }
  }
  return true;
}

bool partition_applies(const Model& m) {
  return m.session_count() > 0 && m.session_count() <= kMaxSessions && !m.period_slots.empty() &&
         periods_disjoint(m);
}

PartitionBound partition_bound(const Model& m, Clock::time_point deadline) {
  PartitionBound r;
  if (!partition_applies(m)) return r;
  const Parts p(m);
  Master master(p);
  Rng rng(1);
  double proven = 0;
  while (Clock::now() < deadline) {
    if (!master.solve()) break;
    if (price_heuristic(p, master, rng, deadline)) continue;
    // Exact pricing: the master's value plus each period's least reduced
    // cost (when negative) bounds every schedule.
    double bound = master.value();
    bool negative = false, added = false, whole = true;
    std::vector<double> least(p.k, 0.0);
    for (int q = 0; q < p.k; ++q) {
      if (Clock::now() >= deadline) {
        whole = false;
        break;
      }
      const auto lin = linear_terms(p, master.session_duals(), q);
      auto [cheapest, part] = Exact(p, q, lin).run();
      least[q] = std::min(0.0, cheapest - master.period_dual(q));
      if (least[q] >= kNegative) continue;
      bound += least[q];
      negative = true;
      if (!part.empty()) added = master.add(q, part) || added;
    }
    if (!whole) break;
    proven = std::max(proven, bound);
    if (!negative) {
      r.converged = true;
      r.duals = duals_of(p, master, bound, std::move(least));
      break;
    }
    if (!added) break;  // only the node limit's bounds: nothing left to add
  }
  r.bound = round_up(proven, m.penalty_gcd());
  r.parts = master.parts();
  return r;
}

std::vector<std::vector<char>> partition_allowed(const Model& m, const PartitionBound& b, std::int64_t target,
                                                 Clock::time_point deadline) {
  const int n = m.session_count(), k = static_cast<int>(m.period_slots.size());
  std::vector<std::vector<char>> allowed(n, std::vector<char>(k, 1));
  if (!b.converged || b.duals.session.size() != static_cast<std::size_t>(n)) return allowed;
  const Parts p(m);
  const auto& d = b.duals;
  for (int q = 0; q < k; ++q) {
    const auto lin = linear_terms(p, d.session.data(), q);
    // s may take q when a part of q holding s has a reduced cost (before
    // the period's dual) below this: the bound with s forced into q is then
    // within target.
    const double below = static_cast<double>(target) + 1 - (d.lagrangian - d.least[q]) + d.period[q];
    for (int s = 0; s < n; ++s) {
      if (Clock::now() >= deadline) return allowed;  // the rest stay allowed
      allowed[s][q] = lin[s] < kNever / 2 && Exact(p, q, lin, s, below).found_below() ? 1 : 0;
    }
  }
  return allowed;
}

}  // namespace convene::schedule
