// An Internet-Draft: a name with revisions, each submitted at a time, its
// authors and the drafts it replaces (the "replaces" chain).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"
#include "convene/core/time.h"

namespace convene {

struct DraftRevision {
  std::string rev;            // "00", "01", ...
  UnixSeconds submitted_at = 0;   // as the person who recorded it said
  UnixSeconds recorded_at = 0;    // when it was recorded in convene (0: before this was kept)
  bool confirmed = true;          // submitted_at is authoritative: recorded by the secretariat
                                  // (the Datatracker's copy), or before this was kept
};

// When a revision counts as submitted for the Internet-Draft cutoff: its
// submitted_at when confirmed, otherwise the later of submitted_at and the
// time it was recorded, so that a back-dated submitted_at gains nothing.
UnixSeconds counted_submission(const DraftRevision& r);

struct Draft {
  std::string name;           // "draft-foo-bar"
  std::string recorded_by;    // e-mail of who recorded its first revision ("" before this was kept)
  std::string title;
  std::vector<std::string> authors;
  std::vector<std::string> replaces;   // names of drafts this one replaces
  std::vector<DraftRevision> revisions;  // ascending by rev

  const DraftRevision* revision(const std::string& rev) const;  // nullptr if unknown
  const DraftRevision* latest() const;                          // nullptr if none
};

// "draft-" then lower-case letters, digits and single '-' between parts, at
// most 255 characters, not ending in '-' or in a two-digit revision ("-01").
bool is_draft_name(std::string_view name);
// One line of a list of drafts: the draft and its latest revision.
struct DraftSummary {
  std::string name;
  std::string title;
  std::string rev;               // latest revision, "" if none
  UnixSeconds submitted_at = 0;  // of the latest revision, 0 if none
};
// {"name", "title", "rev" (null if none), "submitted_at" (RFC 3339, null if none)}.
nlohmann::json to_json(const DraftSummary& d);

// Two digits, "00" to "99".
bool is_revision(std::string_view rev);
// Why `name` is not a draft name, for a person: "'draft-foo-01' ends in a
// revision number; give the name without it ('draft-foo') and the revision in rev".
std::string explain_bad_draft_name(const std::string& name);

// One revision posted through the API: {"name", "rev", "title",
// "submitted_at", "authors": [...], "replaces": [...]}. Validates the name
// (is_draft_name; a name ending in a revision gets a message saying so), rev
// (is_revision), title (required, one line, at most 500 characters),
// submitted_at (RFC 3339), authors (optional, at most 100 one-line names or
// emails), replaces (optional, draft names, not the draft itself, no
// repeats). Errors name the field: missing_field, bad_type, bad_value.
struct DraftSubmission {
  std::string name;
  std::string rev;
  std::string title;
  UnixSeconds submitted_at = 0;
  std::vector<std::string> authors;
  std::vector<std::string> replaces;
};
Result<DraftSubmission> draft_submission_from_json(const nlohmann::json& body);
// {"name", "title", "authors", "replaces", "rev" (latest, null if none),
//  "revisions": [{"rev", "submitted_at", "confirmed"}...]}. Never who recorded it.
nlohmann::json to_json(const Draft& d);

// Who records a revision and when; the secretariat's word on submitted_at
// is taken as given (confirmed).
struct Recording {
  std::string by;             // e-mail
  UnixSeconds at = 0;
  bool confirmed = false;
};

// May `who` (e-mail, secretariat or not) add a revision to `existing`? Anyone
// may record a new draft; later revisions only its first recorder or the
// secretariat ("forbidden" naming the draft), so nobody rewrites another
// person's title, authors or replaces. A draft recorded before recorders were
// kept (recorded_by "") takes new revisions from the secretariat only.
Status check_may_record(const std::string& who, bool secretariat, const Draft* existing);

// May `s` be stored as a new revision of `existing` (nullptr: a new draft)?
// Errors: revision_exists (conflict: that rev is already stored),
// revision_out_of_order (rejected: rev not after the latest stored one, or
// submitted before it).
Status check_new_revision(const Draft* existing, const DraftSubmission& s);

// All drafts related to `name` through replaces links, in either direction,
// transitively (including `name`): the connected component of `name`, so two
// drafts that replace the same one are related too. Names only referenced in
// a replaces list are included. Sorted by name. `all` is every known draft.
std::vector<std::string> replaces_family(const std::string& name, const std::vector<Draft>& all);

}  // namespace convene
