#include "state.h"

namespace convene::schedule {

SearchState::SearchState(const Model& m)
    : m_(m), p_(m), group_cost_(m.sessions_of.size(), 0), moved_(m.session_count(), 0),
      seen_(m.sessions_of.size(), 0) {
  session_part_ = m.session_count() * m.penalty(Term::unscheduled);
  for (std::size_t g = 0; g < group_cost_.size(); ++g) {
    group_cost_[g] = group_cost(m_, p_, static_cast<int>(g));
    group_total_ += group_cost_[g];
  }
}

bool SearchState::fits(int s, int t) const {
  if (p_.session_in[t] >= 0) return false;
  for (int u : m_.overlapping[t]) {
    const int o = p_.session_in[u];
    if (o >= 0 && o != s && m_.clash(s, o)) return false;
  }
  return true;
}

std::int64_t SearchState::pair_sum(int s, int t) const {
  std::int64_t sum = 0;
  for (int u : m_.overlapping[t]) {
    const int o = p_.session_in[u];
    if (o >= 0 && o != s) sum += m_.pair_cost(s, o);
  }
  return sum;
}

void SearchState::place(int s, int t) {
  session_part_ += m_.unary_cost(s, t) - m_.penalty(Term::unscheduled) + pair_sum(s, t);
  p_.slot_of[s] = t;
  p_.session_in[t] = s;
  refresh_groups(s);
}

void SearchState::remove(int s) {
  const int t = p_.slot_of[s];
  session_part_ -= m_.unary_cost(s, t) - m_.penalty(Term::unscheduled) + pair_sum(s, t);
  p_.slot_of[s] = -1;
  p_.session_in[t] = -1;
  refresh_groups(s);
}

void SearchState::reset(const Placement& p) {
  for (int s = 0; s < m_.session_count(); ++s) {
    if (p_.slot_of[s] >= 0) remove(s);
  }
  for (int s = 0; s < m_.session_count(); ++s) {
    if (p.slot_of[s] >= 0) place(s, p.slot_of[s]);
  }
}

void SearchState::refresh_groups(int s) {
  for (int g : m_.affected[s]) {
    const auto now = group_cost(m_, p_, g);
    group_total_ += now - group_cost_[g];
    group_cost_[g] = now;
  }
}

std::int64_t SearchState::weight_sum(int s, int t, int x, int y) const {
  const std::int64_t* row = &m_.weight[static_cast<std::size_t>(s) * m_.session_count()];
  std::int64_t sum = 0;
  for (int u : m_.overlapping[t]) {
    const int o = p_.session_in[u];
    if (o >= 0 && o != x && o != y) sum += row[o];
  }
  return sum;
}

std::int64_t SearchState::delta(int s, int t) {
  const int from = p_.slot_of[s], o = p_.session_in[t];
  if (t == from || m_.fixed_slot[s] >= 0 || (o >= 0 && m_.fixed_slot[o] >= 0)) return kRefused;
  const std::int64_t unscheduled = m_.penalty(Term::unscheduled);
  std::int64_t d = m_.unary_cost(s, t) + weight_sum(s, t, s, o);
  if (d >= Model::kClash) return kRefused;
  d -= from >= 0 ? m_.unary_cost(s, from) + weight_sum(s, from, s, o) : unscheduled;
  if (o >= 0) {
    d -= m_.unary_cost(o, t) + weight_sum(o, t, s, o);
    if (from >= 0) {
      const std::int64_t back = m_.unary_cost(o, from) + weight_sum(o, from, s, o);
      if (back >= Model::kClash) return kRefused;
      d += back;
    } else {
      d += unscheduled;
    }
  }
  pending_.s = s;
  pending_.t = t;
  pending_.from = from;
  pending_.other = o;
  pending_.session_part = d;
  pending_.groups.clear();
  pending_.many.clear();
  if (m_.term_groups[s].empty() && (o < 0 || m_.term_groups[o].empty())) return d;
  return d + group_delta(s, o, from, t);
}

// Scores the group terms by making the move in the placement, reading the
// groups' costs and undoing it.
std::int64_t SearchState::group_delta(int s, int o, int from, int t) {
  ++stamp_;
  p_.slot_of[s] = t;
  p_.session_in[t] = s;
  if (from >= 0) p_.session_in[from] = o;
  if (o >= 0) p_.slot_of[o] = from;
  std::int64_t d = 0;
  for (int who : {s, o}) {
    if (who < 0) continue;
    for (int g : m_.term_groups[who]) {
      if (seen_[g] == stamp_) continue;
      seen_[g] = stamp_;
      const std::int64_t now = group_cost(m_, p_, g);
      d += now - group_cost_[g];
      pending_.groups.emplace_back(g, now);
    }
  }
  p_.slot_of[s] = from;
  p_.session_in[t] = o;
  if (from >= 0) p_.session_in[from] = s;
  if (o >= 0) p_.slot_of[o] = t;
  return d;
}

// Unary and pair costs of the moved sessions where they are now (pairs
// among them counted once); >= Model::kClash when a group overlaps itself.
std::int64_t SearchState::placed_cost(const std::vector<std::pair<int, int>>& moves) const {
  std::int64_t sum = 0;
  for (const auto& [s, ignored] : moves) {
    const int t = p_.slot_of[s];
    if (t < 0) {
      sum += m_.penalty(Term::unscheduled);
      continue;
    }
    sum += m_.unary_cost(s, t);
    const std::int64_t* row = &m_.weight[static_cast<std::size_t>(s) * m_.session_count()];
    for (int u : m_.overlapping[t]) {
      const int o = p_.session_in[u];
      if (o >= 0 && (moved_[o] != stamp_ || o > s)) sum += row[o];
    }
  }
  return sum;
}

// Puts each moved session in its slot of `slots` (parallel to moves).
void SearchState::place_all(const std::vector<std::pair<int, int>>& moves, const std::vector<int>& slots) {
  for (const auto& [s, ignored] : moves) {
    if (p_.slot_of[s] >= 0) p_.session_in[p_.slot_of[s]] = -1;
  }
  for (std::size_t i = 0; i < moves.size(); ++i) {
    const int s = moves[i].first, t = slots[i];
    p_.slot_of[s] = t;
    if (t >= 0) p_.session_in[t] = s;
  }
}

std::int64_t SearchState::delta(const std::vector<std::pair<int, int>>& moves) {
  ++stamp_;
  old_slots_.clear();
  std::vector<int> next;
  next.reserve(moves.size());
  for (const auto& [s, t] : moves) {
    if (m_.fixed_slot[s] >= 0 || moved_[s] == stamp_) return kRefused;
    moved_[s] = stamp_;
    old_slots_.push_back(p_.slot_of[s]);
    next.push_back(t);
  }
  for (const auto& [s, t] : moves) {
    if (t >= 0 && p_.session_in[t] >= 0 && moved_[p_.session_in[t]] != stamp_) return kRefused;
  }
  for (std::size_t i = 0; i < next.size(); ++i) {  // no two in one slot
    for (std::size_t j = i + 1; j < next.size(); ++j) {
      if (next[i] >= 0 && next[i] == next[j]) return kRefused;
    }
  }
  const std::int64_t before = placed_cost(moves);
  place_all(moves, next);
  const std::int64_t after = placed_cost(moves);
  std::int64_t d = after - before;
  pending_.groups.clear();
  if (after < Model::kClash) {
    for (const auto& [s, t] : moves) {
      for (int g : m_.term_groups[s]) {
        if (seen_[g] == stamp_) continue;
        seen_[g] = stamp_;
        const std::int64_t now = group_cost(m_, p_, g);
        d += now - group_cost_[g];
        pending_.groups.emplace_back(g, now);
      }
    }
  }
  place_all(moves, old_slots_);
  if (after >= Model::kClash) return kRefused;
  pending_.many = moves;
  pending_.session_part = after - before;
  return d;
}

void SearchState::commit() {
  const Pending& m = pending_;
  if (!m.many.empty()) {
    std::vector<int> slots;
    for (const auto& [s, t] : m.many) slots.push_back(t);
    place_all(m.many, slots);
    session_part_ += m.session_part;
    for (const auto& [g, now] : m.groups) {
      group_total_ += now - group_cost_[g];
      group_cost_[g] = now;
    }
    return;
  }
  p_.slot_of[m.s] = m.t;
  p_.session_in[m.t] = m.s;
  if (m.from >= 0) p_.session_in[m.from] = m.other;
  if (m.other >= 0) p_.slot_of[m.other] = m.from;
  session_part_ += m.session_part;
  for (const auto& [g, now] : m.groups) {
    group_total_ += now - group_cost_[g];
    group_cost_[g] = now;
  }
}

bool apply(SearchState& state, Move& move) {
  const Model& m = state.model();
  move.from = state.slot_of(move.s);
  move.other = state.session_in(move.t);
  if (move.t == move.from || m.fixed_slot[move.s] >= 0) return false;
  if (move.other >= 0 && m.fixed_slot[move.other] >= 0) return false;
  if (move.from >= 0) state.remove(move.s);
  if (move.other >= 0) state.remove(move.other);
  const bool s_fits = state.fits(move.s, move.t);
  if (s_fits) state.place(move.s, move.t);
  if (s_fits && (move.other < 0 || move.from < 0 || state.fits(move.other, move.from))) {
    if (move.other >= 0 && move.from >= 0) state.place(move.other, move.from);
    return true;
  }
  if (s_fits) state.remove(move.s);
  if (move.from >= 0) state.place(move.s, move.from);
  if (move.other >= 0) state.place(move.other, move.t);
  return false;
}

void revert(SearchState& state, const Move& move) {
  state.remove(move.s);
  if (move.other >= 0 && move.from >= 0) state.remove(move.other);
  if (move.from >= 0) state.place(move.s, move.from);
  if (move.other >= 0) state.place(move.other, move.t);
}

}  // namespace convene::schedule
