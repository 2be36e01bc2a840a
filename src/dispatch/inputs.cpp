// Readers of the dispatch inputs (inputs.h), all over the one field reader.
#include "convene/dispatch/inputs.h"

#include <set>

#include <nlohmann/json.hpp>

#include "convene/directory/directory.h"
#include "convene/meeting/json_fields.h"

namespace convene {
namespace {

using nlohmann::json;
namespace jf = json_fields;

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool area_acronym(const std::string& s) {
  if (s.empty() || s.size() > 20 || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

Status read_draft(const json& body, NewRequest& r) {
  auto draft = jf::text(body, "draft", {.max_chars = 255});
  if (!draft) return draft.error();
  if (!is_draft_name(*draft)) return jf::bad_value("draft", explain_bad_draft_name(*draft));
  r.draft = *draft;
  auto rev = jf::text(body, "rev", {.max_chars = 10});
  if (!rev) return rev.error();
  if (!is_revision(*rev))
    return jf::bad_value("rev", "'" + *rev + "' is not a revision (two digits, e.g. \"00\")");
  r.rev = *rev;
  return ok_status();
}

Status read_text(const json& body, NewRequest& r) {
  auto presenter = jf::text(body, "presenter", {.max_chars = 200});
  if (!presenter) return presenter.error();
  r.presenter = *presenter;
  auto question = jf::text(body, "question", {.max_chars = 2000, .multiline = true});
  if (!question) return question.error();
  r.question = *question;
  return ok_status();
}

Status read_areas(const json& body, NewRequest& r) {
  auto it = body.find("areas");
  if (it == body.end()) return jf::missing("areas");
  if (it->is_null()) return jf::bad_type("areas", "must be an array of strings, got null");
  auto areas = jf::text_list(body, "areas", 10, {.max_chars = 20});
  if (!areas) return areas.error();
  if (areas->empty()) return jf::bad_value("areas", "name at least one area, e.g. [\"art\"]");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < areas->size(); ++i) {
    std::string a = lower((*areas)[i]);
    std::string field = "areas[" + std::to_string(i) + "]";
    if (!area_acronym(a))
      return jf::bad_value(field, "'" + (*areas)[i] + "' is not an area acronym (e.g. \"sec\")");
    if (!seen.insert(a).second) return jf::bad_value(field, "'" + a + "' is listed twice");
    r.areas.push_back(a);
  }
  return ok_status();
}

Status read_minutes_venue(const json& body, NewRequest& r) {
  auto minutes = jf::optional_integer(body, "minutes", 1, 120, 12);
  if (!minutes) return minutes.error();
  r.minutes = static_cast<int>(*minutes);
  auto venue = jf::optional_text(body, "venue", {.max_chars = 40});
  if (!venue) return venue.error();
  r.venue = lower(venue->value_or(""));
  return ok_status();
}

std::string all_kinds() {
  std::string out;
  for (OutcomeKind k : outcome_kinds()) out += (out.empty() ? "" : ", ") + std::string(to_string(k));
  return out;
}

Result<OutcomeKind> read_kind(const json& body) {
  auto kind = jf::text(body, "outcome", {.max_chars = 40});
  if (!kind) return kind.error();
  auto k = outcome_kind_from(*kind);
  if (!k)
    return invalid("unknown_outcome", "outcome: '" + *kind +
                                          "' is not a dispatch outcome; dispatch never adopts "
                                          "drafts, it recommends one of " + all_kinds());
  return *k;
}

bool given(const json& body, const char* field) {
  auto it = body.find(field);
  return it != body.end() && !it->is_null();
}

Result<std::string> group_field(const json& body) {
  auto group = jf::text(body, "group", {.max_chars = 40});
  if (!group) return group.error();
  if (!is_group_acronym(*group)) return jf::bad_value("group", "'" + *group + "' is not a group acronym (e.g. \"quic\")");
  return *group;
}

Result<std::string> draft_field(const json& body) {
  auto draft = jf::text(body, "draft", {.max_chars = 255});
  if (!draft) return draft.error();
  if (!is_draft_name(*draft)) return jf::bad_value("draft", explain_bad_draft_name(*draft));
  return *draft;
}

}  // namespace

Result<NewRequest> new_request_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  NewRequest r;
  for (auto step : {read_draft, read_text, read_areas, read_minutes_venue})
    if (auto st = step(body, r); !st) return st.error();
  return r;
}

Result<RequestEdit> request_edit_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  NewRequest r;
  for (auto step : {read_text, read_areas, read_minutes_venue})
    if (auto st = step(body, r); !st) return st.error();
  return RequestEdit{r.presenter, r.question, r.areas, r.minutes};
}

Result<Decision> decision_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  auto decision = jf::text(body, "decision", {.max_chars = 20});
  if (!decision) return decision.error();
  if (*decision != "accept" && *decision != "decline")
    return jf::bad_value("decision", "'" + *decision + "' is not one of accept, decline");
  auto reason = jf::optional_text(body, "reason", {.max_chars = 1000, .allow_empty = true, .multiline = true});
  if (!reason) return reason.error();
  return Decision{*decision == "accept", reason->value_or("")};
}

Result<OutcomeInput> outcome_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  auto kind = read_kind(body);
  if (!kind) return kind.error();
  auto target = jf::optional_text(body, "target", {.max_chars = 200, .allow_empty = true});
  if (!target) return target.error();
  auto notes = jf::optional_text(body, "notes", {.max_chars = 5000, .allow_empty = true, .multiline = true});
  if (!notes) return notes.error();
  auto reason = jf::optional_text(body, "reason", {.max_chars = 1000, .allow_empty = true, .multiline = true});
  if (!reason) return reason.error();
  return OutcomeInput{*kind, target->value_or(""), notes->value_or(""), reason->value_or("")};
}

Result<Arrangement> arrangement_from_json(const nlohmann::json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  Arrangement out;
  if (given(body, "position")) {
    auto p = jf::integer(body, "position", 1, 1000);
    if (!p) return p.error();
    out.position = static_cast<int>(*p);
  }
  if (given(body, "minutes")) {
    auto m = jf::integer(body, "minutes", 1, 120);
    if (!m) return m.error();
    out.minutes = static_cast<int>(*m);
  }
  if (!out.position && !out.minutes)
    return invalid("missing_field", "position, minutes: give at least one of them");
  return out;
}

Result<SessionChange> session_change_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  SessionChange out;
  auto venue = jf::optional_text(body, "venue", {.max_chars = 40, .allow_empty = true});
  if (!venue) return venue.error();
  out.venue = lower(venue->value_or(""));
  if (given(body, "minutes")) {
    auto m = jf::integer(body, "minutes", 15, 480);
    if (!m) return m.error();
    out.minutes = static_cast<int>(*m);
  }
  if (given(body, "chairs_table")) {
    auto names = jf::text_list(body, "chairs_table", 20, {.max_chars = 120});
    if (!names) return names.error();
    out.chairs_table = std::move(*names);
  }
  return out;
}

Result<WgAgendaEntry> wg_agenda_entry_from_json(const json& body, const std::string& meeting) {
  if (auto st = jf::require_object(body); !st) return st.error();
  auto group = group_field(body);
  if (!group) return group.error();
  auto draft = draft_field(body);
  if (!draft) return draft.error();
  return WgAgendaEntry{meeting, *group, *draft};
}

Result<std::string> hotrfc_draft_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  return draft_field(body);
}

}  // namespace convene
