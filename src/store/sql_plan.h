// The meeting plan repository in SQL, for both backends. Internal to
// src/store.
#pragma once

#include "convene/plan/plan.h"
#include "convene/store/sql.h"

namespace convene::store {

class SqlPlan : public PlanRepository {
 public:
  explicit SqlPlan(Connection& c) : c_(c) {}
  Result<std::vector<MeetingRoom>> rooms(const std::string& meeting) override;
  Status save_room(const std::string& meeting, const MeetingRoom& r) override;
  Result<std::vector<schedule::Timeslot>> timeslots(const std::string& meeting) override;
  Status add_timeslots(const std::string& meeting, const std::vector<schedule::Timeslot>& slots) override;
  Result<bool> remove_timeslot(const std::string& meeting, const std::string& id) override;
  Result<std::vector<schedule::Group>> groups(const std::string& meeting) override;
  Status save_group(const std::string& meeting, const schedule::Group& g) override;
  Result<std::vector<SessionRequest>> requests(const std::string& meeting) override;
  Result<std::optional<SessionRequest>> request(std::int64_t id) override;
  Result<std::vector<SessionRequest>> requests_of_group(const std::string& group) override;
  Result<std::int64_t> save_request(const SessionRequest& r) override;
  Result<std::vector<ExclusiveException>> exceptions(const std::string& meeting) override;
  Status add_exception(const std::string& meeting, const ExclusiveException& e) override;
  Result<std::vector<schedule::Assignment>> fixed(const std::string& meeting) override;
  Status set_fixed(const std::string& meeting, const std::vector<schedule::Assignment>& fixed) override;
  Result<std::vector<std::pair<std::string, std::int64_t>>> penalties(const std::string& meeting) override;
  Status set_penalties(const std::string& meeting,
                       const std::vector<std::pair<std::string, std::int64_t>>& overrides) override;
  Result<std::vector<ScheduleVersion>> schedules(const std::string& meeting) override;
  Result<std::optional<ScheduleVersion>> schedule(const std::string& meeting, const std::string& name) override;
  Status add_schedule(const ScheduleVersion& v) override;
  Status set_schedule_result(const std::string& meeting, const std::string& name,
                             const std::vector<schedule::Assignment>& assignments,
                             std::optional<std::int64_t> bound) override;
  Status set_official(const std::string& meeting, const std::string& name, UnixSeconds at) override;
  Result<std::vector<std::pair<std::string, int>>> sequences(const std::string& meeting) override;
  Status set_sequences(const std::string& meeting, const std::vector<std::pair<std::string, int>>& seq) override;

 private:
  std::string setting(const std::string& meeting, const char* column);
  void set_setting(const std::string& meeting, const char* column, const std::string& value);
  std::vector<SessionRequest> requests_where(const std::string& clause, const std::string& key);
  std::vector<ScheduleVersion> schedules_where(const std::string& clause, const std::string& meeting,
                                               const std::string& name);
  Connection& c_;
};

}  // namespace convene::store
