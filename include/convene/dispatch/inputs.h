// The dispatch inputs read from API bodies (JSON objects). Every reader uses
// the one field reader (convene/meeting/json_fields.h) and its codes:
// missing_field, bad_type, bad_value, each message starting with the field.
// Unknown fields are ignored. Nothing here touches storage or the clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/dispatch/dispatch.h"

namespace convene {

// {"draft", "rev", "presenter", "question", "areas", "minutes", "venue"}:
//   draft      required draft name without revision (is_draft_name)
//   rev        required two digits
//   presenter  required, one line, at most 200 characters (a name or an email)
//   question   required, at most 2000 characters, may span lines
//   areas      required, 1 to 10 area acronyms (letters and digits); upper
//              case is folded to lower case ("SEC" -> "sec"); no repeats
//   minutes    optional integer 1..120, default kDefaultRequestMinutes
//   venue      optional; folded to lower case; checked by session_venue
Result<NewRequest> new_request_from_json(const nlohmann::json& body);

// {"decision": "accept"} | {"decision": "decline", "reason": "..."}; reason
// at most 1000 characters, may span lines (its presence is checked by decide).
Result<Decision> decision_from_json(const nlohmann::json& body);

// A proponent's edit of a pending request: {"presenter", "question",
// "areas", "minutes"?} with the same rules as new_request_from_json (the
// draft, revision and venue of a request do not change).
Result<RequestEdit> request_edit_from_json(const nlohmann::json& body);

// {"outcome": kind, "target"?: "...", "notes"?: "...", "reason"?: "..."}. An
// unknown kind (e.g. "adopt") is "unknown_outcome" with a message that
// dispatch never adopts drafts and the list of kinds. target at most 200
// characters, notes at most 5000 (may span lines), reason (why a recorded
// outcome is corrected) at most 1000 (may span lines).
Result<OutcomeInput> outcome_from_json(const nlohmann::json& body);

// {"position"?: 1..1000, "minutes"?: 1..120}, at least one (missing_field
// naming both otherwise).
Result<Arrangement> arrangement_from_json(const nlohmann::json& body);

// The chairs' settings of a session: {"venue"?, "minutes"?: 15..480,
// "chairs_table"?: [1 to 20 names of 1 to 120 characters]}.
struct SessionChange {
  std::string venue;                                    // "" when not given
  std::optional<int> minutes;
  std::optional<std::vector<std::string>> chairs_table;
};
Result<SessionChange> session_change_from_json(const nlohmann::json& body);

// {"group", "draft"}: group a group acronym, draft a draft name.
Result<WgAgendaEntry> wg_agenda_entry_from_json(const nlohmann::json& body, const std::string& meeting);

// {"draft"}: a draft name (HotRFC topic).
Result<std::string> hotrfc_draft_from_json(const nlohmann::json& body);

}  // namespace convene
