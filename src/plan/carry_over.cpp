// Carry-over of a group's previous session request.
#include "convene/plan/carry_over.h"

#include <algorithm>

namespace convene {

namespace {

void add_once(std::vector<std::string>& out, const std::string& name) {
  if (!name.empty() && std::ranges::find(out, name) == out.end()) out.push_back(name);
}

const Group* in_directory(const std::vector<Group>& groups, const std::string& acronym) {
  auto it = std::ranges::find(groups, acronym, &Group::acronym);
  return it == groups.end() ? nullptr : &*it;
}

bool had_request(const std::vector<SessionRequest>& requests, const std::string& group) {
  return std::ranges::find(requests, group, &SessionRequest::group) != requests.end();
}

}  // namespace

std::vector<std::string> groups_named_by(const SessionRequest& r) {
  std::vector<std::string> out;
  for (const auto& c : r.constraints)
    if (schedule::is_group_conflict(c.type) || c.type == schedule::ConstraintType::wg_adjacent) add_once(out, c.target);
  for (const auto& s : r.sessions)
    for (const auto& g : s.joint_with) add_once(out, g);
  return out;
}

CarryOver carry_over(const std::string& group, const std::string& previous_meeting,
                     const std::vector<SessionRequest>& previous_requests, const std::vector<Group>& directory_groups) {
  auto found = std::ranges::find(previous_requests, group, &SessionRequest::group);
  if (found == previous_requests.end()) return {};
  CarryOver out{*found, previous_meeting, {}, {}};
  for (const auto& name : groups_named_by(*found)) {
    const Group* g = in_directory(directory_groups, name);
    if (g && g->state == "concluded") out.concluded_targets.push_back(name);
  }
  const Group* own = in_directory(directory_groups, group);
  if (!own || own->area.empty()) return out;
  for (const auto& g : directory_groups)
    if (g.area == own->area && g.acronym != group && g.state != "concluded" && !had_request(previous_requests, g.acronym))
      out.new_in_area.push_back(g.acronym);
  return out;
}

}  // namespace convene
