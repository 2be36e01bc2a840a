#include "convene/meeting/service.h"

#include <nlohmann/json.hpp>

namespace convene {

Result<Meeting> create_meeting(MeetingRepository& meetings, AuditLog& audit, const Person& who,
                               const Meeting& m, UnixSeconds now) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may create meetings");
  if (auto st = meetings.insert(m); !st) return st.error();  // meeting_exists is the repository's
  if (auto st = audit.append({0, now, who.email, "meeting.create", audit_object::meeting(m.number), to_json(m).dump()});
      !st)
    return st.error();
  return m;
}

Result<Meeting> find_meeting(MeetingRepository& meetings, const std::string& number) {
  auto m = meetings.find(number);
  if (!m) return m.error();
  if (!*m) return not_found("meeting_unknown", "there is no meeting '" + number + "'");
  return std::move(**m);
}

}  // namespace convene
