// Internal: a placement with its cost kept up to date move by move.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "model.h"
#include "terms.h"

namespace convene::schedule {

class SearchState {
 public:
  // Nothing placed.
  explicit SearchState(const Model& m);

  const Model& model() const { return m_; }
  const Placement& placement() const { return p_; }
  std::int64_t cost() const { return session_part_ + group_total_; }
  int slot_of(int s) const { return p_.slot_of[s]; }
  int session_in(int t) const { return p_.session_in[t]; }

  // True when slot t is empty and no overlapping slot holds a session
  // sharing a group with s.
  bool fits(int s, int t) const;
  // REQUIRES: s unplaced and fits(s, t).
  void place(int s, int t);
  // REQUIRES: s placed.
  void remove(int s);
  // Replaces the whole placement. REQUIRES: p is feasible for the model.
  void reset(const Placement& p);

  // The cost change of moving s to slot t, swapping with the session there
  // (which takes s's old slot, or becomes unscheduled if s was unplaced),
  // without changing the state; kRefused if the move is not allowed (t is
  // s's slot, either session is fixed, or a group would overlap itself).
  // Remembers the move for commit().
  std::int64_t delta(int s, int t);
  // The cost change of moving several sessions at once: each (session, slot)
  // pair gives a session's new slot (-1: unscheduled). Sessions are
  // distinct; a new slot must be empty or vacated by a moved session. Refused
  // (kRefused) if a session is fixed, a slot would hold two sessions, or a
  // group would overlap itself. Remembers the move for commit().
  std::int64_t delta(const std::vector<std::pair<int, int>>& moves);
  // Makes the move the last delta() call scored. REQUIRES: it was not refused
  // and nothing changed since.
  void commit();
  static constexpr std::int64_t kRefused = std::numeric_limits<std::int64_t>::max();

 private:
  // Sum of overlap weights of s in slot t against the sessions now placed,
  // leaving out sessions x and y.
  std::int64_t weight_sum(int s, int t, int x, int y) const;
  std::int64_t group_delta(int s, int o, int from, int t);
  void refresh_groups(int s);
  std::int64_t pair_sum(int s, int t) const;

  const Model& m_;
  Placement p_;
  std::int64_t session_part_ = 0;  // unscheduled, unary and pair terms
  std::vector<std::int64_t> group_cost_;
  std::int64_t group_total_ = 0;
  // The move delta() scored last, for commit().
  struct Pending {
    int s = -1, t = -1, from = -1, other = -1;
    std::int64_t session_part = 0;
    std::vector<std::pair<int, std::int64_t>> groups;  // group, its cost after the move
    std::vector<std::pair<int, int>> many;              // a move of several sessions, if not empty
  } pending_;
  std::int64_t placed_cost(const std::vector<std::pair<int, int>>& moves) const;
  void place_all(const std::vector<std::pair<int, int>>& moves, const std::vector<int>& slots);
  std::vector<int> moved_;  // per session: stamp of the last delta() that moved it
  std::vector<int> old_slots_;
  std::vector<int> seen_;  // per group: stamp of the last delta() that listed it
  int stamp_ = 0;
};

// Moving session s to slot t: into an empty slot, or swapping with the
// session there (which takes s's old slot, or becomes unscheduled if s was).
struct Move {
  int s = -1;
  int t = -1;
  int from = -1;   // filled by apply()
  int other = -1;  // filled by apply()
};

// Applies the move if it keeps the placement feasible, neither session is
// fixed and t differs from s's slot; returns false (state unchanged) if not.
bool apply(SearchState& state, Move& move);
// Undoes a move apply() made.
void revert(SearchState& state, const Move& move);

}  // namespace convene::schedule
