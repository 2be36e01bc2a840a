#include <nlohmann/json.hpp>

#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

using nlohmann::json;

json time_or_null(UnixSeconds t) { return t ? json(format_utc(t)) : json(nullptr); }

}  // namespace

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

namespace {

json outcome_json(const Outcome& o) {
  return {{"kind", to_string(o.kind)}, {"target", o.target}, {"notes", o.notes},
          {"at", time_or_null(o.at)},  {"by", o.by}};
}

json corrections_json(const std::vector<OutcomeCorrection>& list) {
  json out = json::array();
  for (const OutcomeCorrection& c : list)
    out.push_back({{"previous", outcome_json(c.previous)}, {"reason", c.reason}, {"at", time_or_null(c.at)}, {"by", c.by}});
  return out;
}

json undone_json(const std::vector<UndoneDecline>& list) {
  json out = json::array();
  for (const UndoneDecline& u : list)
    out.push_back({{"reason", u.reason}, {"declined_at", time_or_null(u.declined_at)},
                   {"undone_at", time_or_null(u.undone_at)}, {"by", u.by}});
  return out;
}

}  // namespace

json to_json(const DispatchRequest& r) {
  json outcome = r.outcome ? outcome_json(*r.outcome) : json(nullptr);
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
          {"flags", r.flags},
          {"corrections", corrections_json(r.corrections)},
          {"undone_declines", undone_json(r.undone_declines)}};
}

json to_json(const DispatchSession& s) {
  return {{"meeting", s.meeting}, {"venue", s.venue}, {"minutes", s.minutes}, {"chairs_table", s.chairs_table}};
}

json to_json(const WgAgendaEntry& e) { return {{"meeting", e.meeting}, {"group", e.group}, {"draft", e.draft}}; }

json to_public_json(const DispatchRequest& r) {
  json out = to_json(r);
  out.erase("requested_by");
  return out;
}

}  // namespace convene
