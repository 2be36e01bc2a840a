// Validation of API request bodies (JSON) into domain values. Every error is
// an ErrorKind::invalid Error whose message names the field. The field codes
// are the one vocabulary of every reader (convene/meeting/json_fields.h):
// missing_field, bad_type (a wrong JSON type, or a body that is not an
// object), bad_value; the telechat rules add bad_date, bad_kind,
// date_in_past, unknown_section, title_required, section_required.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"
#include "convene/telechat/model.h"

namespace convene::telechat {

// {"date": "2026-12-10", "kind": "informal"|"formal",
//  "call": {"url": "...", "number": "...", "password": "..."}}
// "call" and each of its fields are optional strings. `today` is days since
// epoch; a date before today gives "date_in_past" (today itself is allowed).
struct NewTelechat {
  std::int64_t date = 0;
  Kind kind = Kind::informal;
  CallDetails call;
};
Result<NewTelechat> new_telechat_from_json(const nlohmann::json& body, std::int64_t today);

// {"section": "management-issues", "title": "...", "owner": "...",
//  "body": "...", "links": ["https://..."], "experiment": "alldispatch"}
// section and title are required; the others optional. "unknown_section"
// lists the valid slugs; a blank title gives "title_required"; links must be
// an array of strings ("bad_type" names links[i]); duplicate links are dropped.
// Returns an Item without id or history (the caller assigns them).
Result<Item> new_item_from_json(const nlohmann::json& body);

// {"section": "management-issues"}: the target of a move/schedule.
Result<Section> section_from_json(const nlohmann::json& body);

// {"member": "Roman Danyliw"}
Result<std::string> regret_from_json(const nlohmann::json& body);

// {} or {"cancelled": true|false}: whether to cancel (true, the default) or
// restore a telechat. A value that is not a boolean is bad_type.
Result<bool> cancellation_from_json(const nlohmann::json& body);

// {"section": "2.1.1", "name": "draft-...", "title": "...", "responsible": "..."}
// Shape only; placement rules are in formal.h.
Result<FormalEntry> formal_entry_from_json(const nlohmann::json& body);

}  // namespace convene::telechat
