// The in-memory plan repository: the twin of SqlPlan, with its orderings.
#include <algorithm>
#include <tuple>

#include "memory_state.h"

namespace convene::store {
namespace {

class MemoryPlan : public PlanRepository {
 public:
  explicit MemoryPlan(MemoryState& s) : s_(s) {}

  Result<std::vector<MeetingRoom>> rooms(const std::string& meeting) override { return plan(meeting).rooms; }

  Status save_room(const std::string& meeting, const MeetingRoom& r) override {
    auto& rooms = plan(meeting).rooms;
    auto it = std::ranges::find_if(rooms, [&](const MeetingRoom& x) { return x.room.id == r.room.id; });
    if (it == rooms.end()) rooms.push_back(r);
    else *it = r;
    return ok_status();
  }

  Result<std::vector<schedule::Timeslot>> timeslots(const std::string& meeting) override {
    auto slots = plan(meeting).timeslots;
    std::ranges::sort(slots, {}, [](const schedule::Timeslot& t) { return std::tie(t.start, t.room, t.id); });
    return slots;
  }

  Status add_timeslots(const std::string& meeting, const std::vector<schedule::Timeslot>& slots) override {
    auto& have = plan(meeting).timeslots;
    for (const auto& t : slots) {
      if (std::ranges::count(have, t.id, &schedule::Timeslot::id))
        return conflict("timeslot_exists", "timeslot " + t.id + " already exists");
      have.push_back(t);
    }
    return ok_status();
  }

  Result<bool> remove_timeslot(const std::string& meeting, const std::string& id) override {
    return std::erase_if(plan(meeting).timeslots, [&](const schedule::Timeslot& t) { return t.id == id; }) > 0;
  }

  Result<std::vector<schedule::Group>> groups(const std::string& meeting) override {
    std::vector<schedule::Group> out;
    for (const auto& [_, g] : plan(meeting).groups) out.push_back(g);
    return out;
  }

  Status save_group(const std::string& meeting, const schedule::Group& g) override {
    plan(meeting).groups[g.acronym] = g;
    return ok_status();
  }

  Result<std::vector<SessionRequest>> requests(const std::string& meeting) override {
    std::vector<SessionRequest> out;
    for (const auto& [_, r] : s_.session_requests)
      if (r.meeting == meeting) out.push_back(r);
    return out;
  }

  Result<std::vector<SessionRequest>> requests_of_group(const std::string& group) override {
    std::vector<SessionRequest> out;
    for (const auto& [_, r] : s_.session_requests)
      if (r.group == group) out.push_back(r);
    return out;
  }

  Result<std::optional<SessionRequest>> request(std::int64_t id) override {
    auto it = s_.session_requests.find(id);
    if (it == s_.session_requests.end()) return std::optional<SessionRequest>();
    return std::optional<SessionRequest>(it->second);
  }

  Result<std::int64_t> save_request(const SessionRequest& r) override {
    SessionRequest copy = r;
    if (copy.id == 0) copy.id = s_.next_id++;
    else if (!s_.session_requests.count(copy.id)) return std::int64_t{0};
    s_.session_requests[copy.id] = copy;
    return copy.id;
  }

  Result<std::vector<ExclusiveException>> exceptions(const std::string& meeting) override {
    auto out = plan(meeting).exceptions;
    std::ranges::sort(out, {}, [](const ExclusiveException& e) { return std::tie(e.session, e.group); });
    return out;
  }

  Status add_exception(const std::string& meeting, const ExclusiveException& e) override {
    auto& have = plan(meeting).exceptions;
    const bool known = std::ranges::any_of(
        have, [&](const ExclusiveException& x) { return x.session == e.session && x.group == e.group; });
    if (!known) have.push_back(e);
    return ok_status();
  }

  Result<std::vector<schedule::Assignment>> fixed(const std::string& meeting) override { return plan(meeting).fixed; }
  Status set_fixed(const std::string& meeting, const std::vector<schedule::Assignment>& fixed) override {
    plan(meeting).fixed = fixed;
    return ok_status();
  }
  Result<std::vector<std::pair<std::string, std::int64_t>>> penalties(const std::string& meeting) override {
    return plan(meeting).penalties;
  }
  Status set_penalties(const std::string& meeting,
                       const std::vector<std::pair<std::string, std::int64_t>>& overrides) override {
    plan(meeting).penalties = overrides;
    return ok_status();
  }
  Result<std::vector<std::pair<std::string, int>>> sequences(const std::string& meeting) override {
    return plan(meeting).sequences;
  }
  Status set_sequences(const std::string& meeting, const std::vector<std::pair<std::string, int>>& seq) override {
    plan(meeting).sequences = seq;
    return ok_status();
  }

  Result<std::vector<ScheduleVersion>> schedules(const std::string& meeting) override {
    return plan(meeting).schedules;
  }

  Result<std::optional<ScheduleVersion>> schedule(const std::string& meeting, const std::string& name) override {
    const auto* v = version(meeting, name);
    if (!v) return std::optional<ScheduleVersion>();
    return std::optional<ScheduleVersion>(*v);
  }

  Status add_schedule(const ScheduleVersion& v) override {
    if (version(v.meeting, v.name))
      return conflict("schedule_exists", "meeting " + v.meeting + " already has a schedule named " + v.name);
    plan(v.meeting).schedules.push_back(v);
    return ok_status();
  }

  Status set_schedule_result(const std::string& meeting, const std::string& name,
                             const std::vector<schedule::Assignment>& assignments,
                             std::optional<std::int64_t> bound) override {
    if (auto* v = version(meeting, name)) {
      v->assignments = assignments;
      v->bound = bound;
    }
    return ok_status();
  }

  Status set_official(const std::string& meeting, const std::string& name, UnixSeconds at) override {
    for (auto& v : plan(meeting).schedules) {
      v.official = v.name == name;
      if (v.official) v.official_at = at;
    }
    return ok_status();
  }

 private:
  MemoryState::Plan& plan(const std::string& meeting) { return s_.plans[meeting]; }
  ScheduleVersion* version(const std::string& meeting, const std::string& name) {
    auto& list = plan(meeting).schedules;
    auto it = std::ranges::find(list, name, &ScheduleVersion::name);
    return it == list.end() ? nullptr : &*it;
  }
  MemoryState& s_;
};

}  // namespace

std::unique_ptr<PlanRepository> memory_plan(MemoryState& state) { return std::make_unique<MemoryPlan>(state); }

}  // namespace convene::store
