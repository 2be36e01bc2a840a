// Variants of a problem: the same meeting with some sessions merged into one
// joint session, e.g. the consolidated dispatch session (ALLDISPATCH) that
// replaces DISPATCH, SECDISPATCH and GENDISPATCH and that nothing else may
// run against. Solving and bounding a problem and its variant prices the
// change (price.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "convene/core/result.h"
#include "convene/schedule/problem.h"

namespace convene::schedule {

struct MergeOptions {
  // Ids of the sessions to merge, at least one. The joint session takes the
  // first one's id, group, order and place in the session list.
  std::vector<std::string> sessions;
  bool exclusive = false;           // mark the joint session exclusive
  std::optional<int> attendees;     // Default: the sum of the merged sessions'
};

// The problem with the named sessions replaced by one joint session: the
// longest duration; attendance the sum (or options.attendees); joint with
// every other group of the merged sessions (so every constraint any of those
// groups declared or is targeted by applies to it); exclusive if asked or
// if a merged session was, allowing the union of their exclusive_allow
// lists. References to a merged session are redirected to the joint one: a
// fixed entry (the joint session keeps it), an other session's
// exclusive_allow naming a merged group (now also names the joint
// session's group) and a merged group's wg_adjacent wish when that group
// keeps no session of its own (now the joint session's group's). Everything
// else is copied unchanged; the input is left unchanged.
// Errors ("schedule_variant_invalid"): no session named, an unknown or
// repeated id, attendees below 0, merged sessions fixed to different
// timeslots. REQUIRES: `problem` came from problem_from_json().
Result<Problem> merge_sessions(const Problem& problem, const MergeOptions& options);

}  // namespace convene::schedule
