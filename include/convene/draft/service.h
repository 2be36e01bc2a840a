// The Internet-Draft use cases. Pure: the caller runs each in one
// transaction and passes the time.
#pragma once

#include "convene/audit/audit.h"
#include "convene/auth/auth.h"
#include "convene/draft/repository.h"

namespace convene {

// A signed-in person records revision s.rev of s.name (already validated:
// draft_submission_from_json). Errors: check_may_record's (forbidden),
// check_new_revision's (revision_exists, revision_out_of_order). The
// secretariat's submitted_at is confirmed; anyone else's counts no earlier
// than `now` (counted_submission). Records "draft.submit" on
// audit_object::draft(name, rev). Returns the draft as stored.
Result<Draft> submit_revision(DraftRepository& drafts, AuditLog& audit, const Person& who,
                              const DraftSubmission& s, UnixSeconds now);

// The draft named `name`, or draft_unknown (not found).
Result<Draft> find_draft(DraftRepository& drafts, const std::string& name);

}  // namespace convene
