#include "convene/schedule/variant.h"

#include <algorithm>

namespace convene::schedule {
namespace {

constexpr const char* kInvalid = "schedule_variant_invalid";

bool contains(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

void add_unique(std::vector<std::string>& list, const std::string& x) {
  if (!contains(list, x)) list.push_back(x);
}

// Positions of the named sessions, in the order named.
Result<std::vector<std::size_t>> positions(const Problem& p, const MergeOptions& o) {
  if (o.sessions.empty()) return invalid(kInvalid, "name at least one session to merge");
  if (o.attendees && *o.attendees < 0) return invalid(kInvalid, "attendees must be 0 or more");
  std::vector<std::size_t> out;
  for (const auto& id : o.sessions) {
    auto it = std::find_if(p.sessions.begin(), p.sessions.end(), [&](const Session& s) { return s.id == id; });
    if (it == p.sessions.end()) return invalid(kInvalid, "unknown session \"" + id + "\"");
    const auto at = static_cast<std::size_t>(it - p.sessions.begin());
    if (std::find(out.begin(), out.end(), at) != out.end()) {
      return invalid(kInvalid, "session \"" + id + "\" named twice");
    }
    out.push_back(at);
  }
  return out;
}

// The joint session of the merged ones (the first gives id, group, order).
Session joint_session(const std::vector<Session>& merged, const MergeOptions& o) {
  Session joint = merged.front();
  joint.joint_with.clear();
  joint.attendees = 0;
  for (const auto& s : merged) {
    joint.duration_min = std::max(joint.duration_min, s.duration_min);
    joint.attendees += s.attendees;
    joint.exclusive = joint.exclusive || s.exclusive;
    if (s.group != joint.group) add_unique(joint.joint_with, s.group);
    for (const auto& g : s.joint_with) {
      if (g != joint.group) add_unique(joint.joint_with, g);
    }
    for (const auto& g : s.exclusive_allow) add_unique(joint.exclusive_allow, g);
  }
  if (o.attendees) joint.attendees = *o.attendees;
  joint.exclusive = joint.exclusive || o.exclusive;
  if (!joint.exclusive) joint.exclusive_allow.clear();
  return joint;
}

// The merged sessions' fixed entries become one for the joint session.
Status merge_fixed(Problem& p, const std::vector<std::string>& ids, const std::string& joint) {
  std::string slot;
  std::vector<Assignment> kept;
  for (const auto& f : p.fixed) {
    if (!contains(ids, f.session)) {
      kept.push_back(f);
      continue;
    }
    if (!slot.empty() && slot != f.timeslot) {
      return invalid(kInvalid, "merged sessions are fixed to different timeslots (" + slot + ", " + f.timeslot + ")");
    }
    slot = f.timeslot;
  }
  if (!slot.empty()) kept.push_back({joint, slot});
  p.fixed = std::move(kept);
  return ok_status();
}

// An other session allowing a merged group now also allows the joint
// session's own group (exclusive_allow names the other session's own group).
void redirect_allows(Problem& p, const std::vector<std::string>& merged_groups, const Session& joint) {
  for (auto& s : p.sessions) {
    if (s.id == joint.id) continue;
    const bool names_merged = std::any_of(merged_groups.begin(), merged_groups.end(),
                                          [&](const std::string& g) { return contains(s.exclusive_allow, g); });
    if (names_merged) add_unique(s.exclusive_allow, joint.group);
  }
}

// wg_adjacent concerns the sessions whose own group asked; a merged group
// left without one passes its wishes to the joint session's group.
void redirect_adjacency(Problem& p, const std::vector<std::string>& merged_groups, const std::string& own) {
  std::vector<Constraint> added;
  for (const auto& c : p.constraints) {
    if (c.type != ConstraintType::wg_adjacent || c.group == own || !contains(merged_groups, c.group)) continue;
    const bool still_meets = std::any_of(p.sessions.begin(), p.sessions.end(),
                                         [&](const Session& s) { return s.group == c.group; });
    if (still_meets) continue;
    Constraint moved = c;
    moved.group = own;
    const bool known = std::any_of(p.constraints.begin(), p.constraints.end(), [&](const Constraint& x) {
      return x.type == moved.type && x.group == moved.group && x.target == moved.target;
    });
    if (!known) added.push_back(std::move(moved));
  }
  p.constraints.insert(p.constraints.end(), added.begin(), added.end());
}

}  // namespace

Result<Problem> merge_sessions(const Problem& problem, const MergeOptions& options) {
  auto at = positions(problem, options);
  if (!at) return at.error();
  std::vector<Session> merged;
  std::vector<std::string> merged_groups;
  for (std::size_t i : *at) {
    merged.push_back(problem.sessions[i]);
    add_unique(merged_groups, problem.sessions[i].group);
  }
  const Session joint = joint_session(merged, options);
  Problem out = problem;
  out.sessions.clear();
  for (std::size_t i = 0; i < problem.sessions.size(); ++i) {
    if (i == at->front()) out.sessions.push_back(joint);
    else if (std::find(at->begin(), at->end(), i) == at->end()) out.sessions.push_back(problem.sessions[i]);
  }
  if (auto st = merge_fixed(out, options.sessions, joint.id); !st) return st.error();
  redirect_allows(out, merged_groups, joint);
  redirect_adjacency(out, merged_groups, joint.group);
  return out;
}

}  // namespace convene::schedule
