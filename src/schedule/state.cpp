#include "state.h"

namespace convene::schedule {

SearchState::SearchState(const Model& m) : m_(m), p_(m), group_cost_(m.sessions_of.size(), 0) {
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
