#include <nlohmann/json.hpp>

#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

using nlohmann::json;

json public_outcome(const DispatchRequest& r) {
  if (!r.outcome) return nullptr;
  const Outcome& o = *r.outcome;
  return {{"kind", to_string(o.kind)},
          {"label", outcome_label(o.kind)},
          {"target", o.target},
          {"notes", o.notes},
          {"at", o.at ? json(format_utc(o.at)) : json(nullptr)}};
}

json public_item(const AgendaItem& item) {
  const DispatchRequest& r = item.request;
  return {{"number", item.number},
          {"id", r.id},
          {"draft", r.draft},
          {"rev", r.rev},
          {"title", item.title},
          {"presenter", r.presenter},
          {"question", r.question},
          {"areas", r.areas},
          {"minutes", r.minutes},
          {"start_offset_min", item.start_offset_min},
          {"overflows", item.overflows},
          {"state", to_string(r.state)},
          {"outcome", public_outcome(r)}};
}

}  // namespace

json to_json(const Agenda& a) {
  json items = json::array();
  for (const AgendaItem& item : a.items) items.push_back(public_item(item));
  return {{"meeting", a.meeting.number},
          {"meeting_title", meeting_title(a.meeting)},
          {"venue", a.venue},
          {"venue_title", venue_title(a.venue)},
          {"dispatch_mode", to_string(a.meeting.dispatch_mode)},
          {"session_minutes", a.session_minutes},
          {"used_minutes", a.used_minutes},
          {"free_minutes", std::max(0, a.session_minutes - a.used_minutes)},
          {"overflow_minutes", a.overflow_minutes},
          {"chairs_table", a.chairs_table},
          {"items", items}};
}

json to_chairs_json(const Agenda& a) {
  json j = to_json(a);
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    j["items"][i]["flags"] = a.items[i].request.flags;
    j["items"][i]["requested_by"] = a.items[i].request.requested_by;
  }
  json pending = json::array();
  for (const DispatchRequest& r : a.pending) pending.push_back(to_json(r));
  j["pending"] = pending;
  return j;
}

}  // namespace convene
