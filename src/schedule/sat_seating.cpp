// Reading a SAT model back as a schedule: by period, the rooms are chosen
// here (most attendees in the largest room), then wg_adjacent pairs aligned.
#include <algorithm>

#include "evaluate.h"
#include "sat_encoder.h"

namespace convene::schedule {

Placement SatEncoder::placement_of_model() const {
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

void SatEncoder::hint(const Placement& p) {
  for (int s = 0; s < m_.session_count(); ++s) {
    const int at = p.slot_of[s] < 0 ? -1 : place_of_slot_[p.slot_of[s]];
    for (int q : places_of_[s]) sat_.phase(q == at ? x(s, q) : -x(s, q));
  }
}

// The order seat() seats sessions in: those fitting the largest room of q
// first, most attendees first.
void SatEncoder::sort_for_seating(std::vector<int>& sessions, int q) const {
  const auto& all = m_.problem->sessions;
  std::stable_sort(sessions.begin(), sessions.end(), [&](int a, int b) {
    const bool fa = fits_largest(a, q), fb = fits_largest(b, q);
    return fa != fb ? fa : all[a].attendees > all[b].attendees;
  });
}

// Seats the sessions of one place into its slots: fixed and pinned ones in
// their slots, then `pins`, then the others by attendees, most into the
// largest free room (those too large for every room last: trimmed anyway).
void SatEncoder::seat(Placement& p, int q, std::vector<int> sessions,
                      const std::vector<std::pair<int, int>>& pins) const {
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

std::vector<int> SatEncoder::sessions_in(const Placement& p, int q) const {
  std::vector<int> out;
  for (int t : places_[q].slots) {
    if (p.session_in[t] >= 0) out.push_back(p.session_in[t]);
  }
  return out;
}

// By period: seat() ignores wg_adjacent, so for each session it leaves
// without its target next door, tries seating it and a target session in an
// adjacent period into one room, keeping that if it costs less.
void SatEncoder::align_adjacent(Placement& p) const {
  for (int s = 0; s < m_.session_count(); ++s) {
    if (p.slot_of[s] < 0 || wg_adjacent_count(m_, p, s, nullptr) == 0) continue;
    const int q = place_of_slot_[p.slot_of[s]];
    for (const auto& rule : m_.rules_of[m_.own_group[s]]) {
      if (rule.constraint->type != ConstraintType::wg_adjacent || rule.target < 0) continue;
      try_pairs(p, s, q, rule.target);
    }
  }
}

void SatEncoder::try_pairs(Placement& p, int s, int q, int target) const {
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

}  // namespace convene::schedule
