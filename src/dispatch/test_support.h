// Builders shared by the dispatch tests: IETF 121 (consolidated) and a
// per-area meeting, drafts and requests with readable defaults.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "convene/dispatch/dispatch.h"
#include "convene/dispatch/inputs.h"

namespace convene::testing {

inline UnixSeconds at(const char* rfc3339) { return parse_rfc3339(rfc3339, "test").value(); }

inline Meeting consolidated_meeting() {
  Meeting m;
  m.number = "121";
  m.city = "Dublin";
  m.start_date = parse_date("2024-11-02", "d").value();
  m.end_date = parse_date("2024-11-08", "d").value();
  m.time_zone = "Europe/Dublin";
  m.id_cutoff = at("2024-10-21T23:59:00Z");
  m.dispatch_mode = DispatchMode::consolidated;
  return m;
}

inline Meeting per_area_meeting() {
  Meeting m = consolidated_meeting();
  m.number = "122";
  m.city = "Bangkok";
  m.start_date = parse_date("2025-03-15", "d").value();
  m.end_date = parse_date("2025-03-21", "d").value();
  m.time_zone = "Asia/Bangkok";
  m.id_cutoff = at("2025-03-03T23:59:00Z");
  m.dispatch_mode = DispatchMode::per_area;
  return m;
}

inline Draft draft(const std::string& name, std::vector<DraftRevision> revs,
                   std::vector<std::string> replaces = {}) {
  Draft d;
  d.name = name;
  d.title = "Title of " + name;
  d.revisions = std::move(revs);
  d.replaces = std::move(replaces);
  return d;
}

inline NewRequest new_request(const std::string& draft_name = "draft-foo-bar",
                              const std::string& rev = "01", std::string venue = "") {
  NewRequest r;
  r.draft = draft_name;
  r.rev = rev;
  r.presenter = "Alice Example";
  r.question = "Where should this work go?";
  r.areas = {"art", "sec"};
  r.venue = std::move(venue);
  return r;
}

inline DispatchRequest request(std::int64_t id, const std::string& meeting, const std::string& venue,
                               RequestState state, UnixSeconds created_at,
                               const std::string& draft_name = "draft-foo-bar", int minutes = 12) {
  DispatchRequest r;
  r.id = id;
  r.meeting = meeting;
  r.venue = venue;
  r.draft = draft_name;
  r.rev = "00";
  r.presenter = "Presenter " + std::to_string(id);
  r.question = "Question " + std::to_string(id);
  r.areas = {"art"};
  r.minutes = minutes;
  r.state = state;
  r.created_at = created_at;
  r.requested_by = "proponent" + std::to_string(id) + "@example.org";
  return r;
}

inline DispatchRequest dispatched(DispatchRequest r, OutcomeKind kind, std::string target,
                                  UnixSeconds when) {
  r.state = RequestState::dispatched;
  r.outcome = Outcome{kind, std::move(target), "", when, "chair@example.org"};
  return r;
}

// The API's two steps in one: read the body (inputs.h), then apply the rule.
inline Result<DispatchRequest> decide(const DispatchRequest& r, const nlohmann::json& body, UnixSeconds now = 0) {
  auto d = decision_from_json(body);
  if (!d) return d.error();
  return convene::decide(r, *d, now);
}

inline Result<DispatchRequest> record_outcome(const DispatchRequest& r, const Meeting& m, const nlohmann::json& body,
                                              UnixSeconds now, const std::string& by) {
  auto in = outcome_from_json(body);
  if (!in) return in.error();
  return convene::record_outcome(r, m, *in, now, by);
}

}  // namespace convene::testing
