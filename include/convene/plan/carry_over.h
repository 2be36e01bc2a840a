// Carry-over: what a group asked for at the previous meeting, to start its
// new request from. Pure: the caller finds the previous meeting and reads
// its requests and the directory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "convene/directory/directory.h"
#include "convene/plan/plan.h"

namespace convene {

struct CarryOver {
  std::optional<SessionRequest> previous;   // the group's request at previous_meeting; none: nothing to carry
  std::string previous_meeting;             // its meeting number, "" when none
  std::vector<std::string> concluded_targets;  // groups the previous request names that are now concluded
  std::vector<std::string> new_in_area;     // active groups of the group's area without a request last time
};

// The carry-over of `group` from `previous_meeting`, whose requests are
// `previous_requests`, against the directory as it stands now
// (`directory_groups`). Without a request of `group` among
// previous_requests, returns an empty CarryOver. concluded_targets: the
// conflict targets, joint and adjacent groups of that request whose
// directory state is "concluded", each once, in the order named.
// new_in_area: the groups of `group`'s area (not concluded, not `group`)
// with no request at previous_meeting, in directory order; none when the
// group has no area.
CarryOver carry_over(const std::string& group, const std::string& previous_meeting,
                     const std::vector<SessionRequest>& previous_requests, const std::vector<Group>& directory_groups);

// The groups a request names besides its own: conflict targets, joint and
// adjacent groups, each once, in the order named.
std::vector<std::string> groups_named_by(const SessionRequest& r);

}  // namespace convene
