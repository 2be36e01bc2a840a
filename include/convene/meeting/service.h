// The meeting use cases. Pure: the caller runs each in one transaction and
// passes the time.
#pragma once

#include "convene/audit/audit.h"
#include "convene/auth/auth.h"
#include "convene/meeting/repository.h"

namespace convene {

// The secretariat creates meeting `m` (already validated: meeting_from_json).
// Errors: forbidden (not the secretariat), meeting_exists (conflict).
// Records "meeting.create" on audit_object::meeting(m.number).
Result<Meeting> create_meeting(MeetingRepository& meetings, AuditLog& audit, const Person& who,
                               const Meeting& m, UnixSeconds now);

// The meeting numbered `number`, or meeting_unknown (not found).
Result<Meeting> find_meeting(MeetingRepository& meetings, const std::string& number);

}  // namespace convene
