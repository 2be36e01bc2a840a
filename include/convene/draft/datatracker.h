// Internet-Draft records from the Datatracker, the trusted source of draft
// revisions: its document JSON (GET /doc/<name>/doc.json) read into the
// revisions convene records, and recorded as the secretariat's word.
#pragma once

#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/audit/audit.h"
#include "convene/auth/auth.h"
#include "convene/draft/draft.h"
#include "convene/draft/repository.h"

namespace convene {

// The revisions of the draft one doc.json describes: each entry of
// "rev_history" named as the draft, in ascending rev, submitted when
// "published", with the draft's "title" and "authors" (their "name"s; the
// Datatracker keeps only the current ones, so every revision carries them).
// The drafts it replaces are the other drafts of "rev_history" published
// wholly before its first revision (the history also lists the drafts that
// later replaced it, which start after it). Each revision is checked as
// draft_submission_from_json checks a posted one. Errors (invalid) name the
// field: "not_a_draft" for an RFC's or another document's JSON, "no_revisions"
// when the history holds none of the draft's, and the field readers' codes.
Result<std::vector<DraftSubmission>> revisions_from_datatracker(const nlohmann::json& doc);

// What an import did.
struct DraftImport {
  int drafts = 0;     // drafts with at least one revision added
  int added = 0;      // revisions recorded
  int unchanged = 0;  // revisions already on record (same name and rev): left as they are
};

// Records the `revisions` not yet on record, as `importer` (REQUIRES: the
// secretariat, so submitted_at is confirmed) at `now`, each audited as
// "draft.submit". Errors: submit_revision's (e.g. revision_out_of_order when
// the record holds a later revision the Datatracker lacks). The caller runs
// it in one transaction: nothing is recorded on error.
Result<DraftImport> import_revisions(DraftRepository& drafts, AuditLog& audit, const Person& importer,
                                     const std::vector<DraftSubmission>& revisions, UnixSeconds now);

}  // namespace convene
