// The assignment bounds: per-slot terms by the Hungarian method, and the
// exclusive bound (one assignment per slot of each exclusive session).
#include "assignment_bound.h"

#include <algorithm>
#include <vector>

#include "assignment.h"

namespace convene::schedule {
namespace {

// Too large for the assignment (time and memory): each session in its
// cheapest slot, as if slots could be shared (a weaker relaxation).
constexpr std::size_t kMaxAssignmentCells = 4'000'000;

std::int64_t cheapest_slots(const Model& m, std::int64_t unplaced, std::int64_t unit) {
  std::int64_t sum = 0;
  for (int s = 0; s < m.session_count(); ++s) {
    std::int64_t best = m.fixed_slot[s] >= 0 ? m.unary_cost(s, m.fixed_slot[s]) : unplaced;
    for (int t = 0; t < m.slot_count() && m.fixed_slot[s] < 0; ++t) best = std::min(best, m.unary_cost(s, t));
    sum += best / unit;
  }
  return sum;
}

}  // namespace

std::int64_t assignment_part(const Model& m, std::int64_t unplaced, int pinned, int pin, std::int64_t unit) {
  const int n = m.session_count(), k = m.slot_count(), cols = k + n;
  if (static_cast<std::size_t>(n) * cols > kMaxAssignmentCells) return cheapest_slots(m, unplaced, unit);
  std::vector<int> fixed_owner(k, -1);
  for (int s = 0; s < n; ++s) {
    if (m.fixed_slot[s] >= 0) fixed_owner[m.fixed_slot[s]] = s;
  }
  auto extra = [&](int s, int t) {
    if (pin < 0 || s == pinned || !m.overlap(t, pin)) return std::int64_t{0};
    return m.clash(s, pinned) ? kForbidden : m.pair_cost(s, pinned);
  };
  std::vector<std::int64_t> cost(static_cast<std::size_t>(n) * cols, kForbidden);
  for (int s = 0; s < n; ++s) {
    const bool fixed = m.fixed_slot[s] >= 0;
    for (int t = 0; t < k; ++t) {
      const bool allowed = fixed ? t == m.fixed_slot[s] : fixed_owner[t] < 0;
      const bool pinned_here = s == pinned ? t == pin : t != pin;
      const std::int64_t more = extra(s, t);
      if (allowed && pinned_here && more < kForbidden) cost[s * cols + t] = m.unary_cost(s, t) / unit + more / unit;
    }
    if (fixed && cost[s * cols + m.fixed_slot[s]] >= kForbidden) return -1;
    if (s == pinned && pin >= 0 && cost[s * cols + pin] >= kForbidden) return -1;
    if (!fixed && !(s == pinned && pin >= 0)) std::fill_n(cost.begin() + s * cols + k, n, unplaced / unit);
  }
  return min_cost_assignment(cost, n, cols);
}

namespace {

// Cap on the exclusive bound's work: (exclusive sessions x slots)
// assignments of at worst sessions^2 x (slots + sessions) steps each. A few
// seconds at most; IETF 106 with one exclusive session takes 0.4 s.
constexpr double kMaxExclusiveWork = 4e9;

// The exclusive bound of session e: the least over its slots (and over
// leaving it out) of the assignment with it pinned there.
// Slots are tried cheapest first for e; one where e alone costs at least
// the least so far cannot lower it and is skipped.
std::int64_t exclusive_of(const Model& m, int e, std::int64_t unit) {
  const bool fixed = m.fixed_slot[e] >= 0;
  std::int64_t best = fixed ? kForbidden : assignment_part(m, m.penalty(Term::unscheduled), e, -1, unit);
  std::vector<int> slots;
  for (int t = 0; t < m.slot_count(); ++t) {
    if (!fixed || t == m.fixed_slot[e]) slots.push_back(t);
  }
  std::stable_sort(slots.begin(), slots.end(), [&](int a, int b) { return m.unary_cost(e, a) < m.unary_cost(e, b); });
  for (int t : slots) {
    if (m.unary_cost(e, t) / unit >= best) break;
    const std::int64_t got = assignment_part(m, m.penalty(Term::unscheduled), e, t, unit);
    if (got >= 0) best = std::min(best, got);
  }
  return best < kForbidden ? best : 0;
}

}  // namespace

// Exclusive sessions empty their period: the largest exclusive bound over
// the exclusive sessions, costs rounded down to units of `unit`, and the
// session that gives it (none: -1, bound 0).
SatFloor exclusive_part(const Model& m, std::int64_t unit) {
  const double n = m.session_count(), k = m.slot_count();
  double exclusive = 0;
  for (const auto& s : m.problem->sessions) exclusive += s.exclusive ? 1 : 0;
  SatFloor out;
  if (exclusive * k * n * n * (n + k) > kMaxExclusiveWork) return out;  // too slow: skipped
  for (int e = 0; e < m.session_count(); ++e) {
    if (!m.problem->sessions[e].exclusive) continue;
    const std::int64_t got = exclusive_of(m, e, unit);
    if (got > out.units) out = {e, got};
  }
  return out;
}

const SatFloor* FloorCache::at(std::int64_t unit) {
  auto it = floors_.find(unit);
  if (it == floors_.end()) it = floors_.emplace(unit, exclusive_part(m_, unit)).first;
  return it->second.session >= 0 ? &it->second : nullptr;
}

}  // namespace convene::schedule
