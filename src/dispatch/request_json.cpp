#include <nlohmann/json.hpp>
#include <set>

#include "convene/dispatch/dispatch.h"
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

json time_or_null(UnixSeconds t) { return t ? json(format_utc(t)) : json(nullptr); }

}  // namespace

Result<NewRequest> new_request_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  NewRequest r;
  for (auto step : {read_draft, read_text, read_areas, read_minutes_venue})
    if (auto st = step(body, r); !st) return st.error();
  return r;
}

DispatchRequest make_request(const NewRequest& req, const Placement& p, const Meeting& meeting,
                             UnixSeconds now, const std::string& requested_by) {
  DispatchRequest r;
  r.meeting = meeting.number;
  r.venue = p.venue;
  r.draft = req.draft;
  r.rev = req.rev;
  r.presenter = req.presenter;
  r.question = req.question;
  r.areas = req.areas;
  r.minutes = req.minutes;
  r.state = RequestState::pending;
  r.created_at = now;
  r.requested_by = requested_by;
  r.flags = p.flags;
  return r;
}

json to_json(const DispatchRequest& r) {
  json outcome = nullptr;
  if (r.outcome)
    outcome = {{"kind", to_string(r.outcome->kind)}, {"target", r.outcome->target},
               {"notes", r.outcome->notes},           {"at", time_or_null(r.outcome->at)},
               {"by", r.outcome->by}};
  return {{"id", r.id},
          {"meeting", r.meeting},
          {"venue", r.venue},
          {"draft", r.draft},
          {"rev", r.rev},
          {"presenter", r.presenter},
          {"question", r.question},
          {"areas", r.areas},
          {"minutes", r.minutes},
          {"state", to_string(r.state)},
          {"decline_reason", r.decline_reason},
          {"decided_at", time_or_null(r.decided_at)},
          {"position", r.position},
          {"created_at", time_or_null(r.created_at)},
          {"requested_by", r.requested_by},
          {"outcome", outcome},
          {"flags", r.flags}};
}

}  // namespace convene
