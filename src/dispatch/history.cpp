#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "convene/dispatch/dispatch.h"

namespace convene {
namespace {

using nlohmann::json;

HistoryEvent event(const DispatchRequest& r, std::string state, UnixSeconds at) {
  HistoryEvent e;
  e.meeting = r.meeting;
  e.venue = r.venue;
  e.draft = r.draft;
  e.rev = r.rev;
  e.state = std::move(state);
  e.at = at;
  return e;
}

HistoryEvent outcome_event(const DispatchRequest& r, std::string state, const Outcome& o) {
  HistoryEvent e = event(r, std::move(state), o.at);
  e.outcome = to_string(o.kind);
  e.target = o.target;
  return e;
}

// The first outcome, then each that replaced the one before.
void add_outcome_events(const DispatchRequest& r, std::vector<HistoryEvent>& out) {
  std::vector<Outcome> chain;
  for (const OutcomeCorrection& c : r.corrections) chain.push_back(c.previous);
  chain.push_back(*r.outcome);
  for (std::size_t i = 0; i < chain.size(); ++i)
    out.push_back(outcome_event(r, i == 0 ? "dispatched" : "corrected", chain[i]));
}

void add_events(const DispatchRequest& r, std::vector<HistoryEvent>& out) {
  out.push_back(event(r, "requested", r.created_at));
  for (const UndoneDecline& u : r.undone_declines) {
    out.push_back(event(r, "declined", u.declined_at));
    out.push_back(event(r, "reopened", u.undone_at));
  }
  if (r.decided_at != 0) {
    if (r.state == RequestState::declined || r.state == RequestState::withdrawn)
      out.push_back(event(r, std::string(to_string(r.state)), r.decided_at));
    else if (r.state != RequestState::pending) out.push_back(event(r, "accepted", r.decided_at));
  }
  if (r.state == RequestState::dispatched && r.outcome) add_outcome_events(r, out);
}

json null_if_empty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

History build_history(const std::string& draft, const std::vector<DispatchRequest>& family_requests,
                      UnixSeconds now) {
  std::vector<DispatchRequest> reqs = family_requests;
  std::stable_sort(reqs.begin(), reqs.end(), [](const DispatchRequest& a, const DispatchRequest& b) {
    return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
  });
  History h;
  h.draft = draft;
  h.requests = static_cast<int>(reqs.size());
  std::set<std::string> venues;
  for (std::size_t i = 0; i < reqs.size(); ++i) {
    const DispatchRequest& r = reqs[i];
    add_events(r, h.events);
    venues.insert(r.venue);
    if (r.outcome && r.outcome->kind == OutcomeKind::other_dispatch) ++h.reroutes;
    std::vector<DispatchRequest> earlier(reqs.begin(), reqs.begin() + static_cast<long>(i));
    if (is_shopping(r.venue, earlier)) h.shopping = true;
  }
  std::stable_sort(h.events.begin(), h.events.end(),
                   [](const HistoryEvent& a, const HistoryEvent& b) { return a.at < b.at; });
  h.venues = static_cast<int>(venues.size());
  if (!reqs.empty() && now > reqs.front().created_at)
    h.days_since_first = (now - reqs.front().created_at) / 86400;
  return h;
}

json to_json(const History& h) {
  json events = json::array();
  UnixSeconds first = 0;
  for (const HistoryEvent& e : h.events) {
    if (e.state == "requested" && (first == 0 || e.at < first)) first = e.at;
    events.push_back({{"meeting", e.meeting},
                      {"venue", e.venue},
                      {"draft", e.draft},
                      {"rev", e.rev},
                      {"state", e.state},
                      {"outcome", null_if_empty(e.outcome)},
                      {"target", null_if_empty(e.target)},
                      {"at", format_utc(e.at)}});
  }
  return {{"draft", h.draft},
          {"requests", h.requests},
          {"venues", h.venues},
          {"shopping", h.shopping},
          {"reroutes", h.reroutes},
          {"days_since_first", h.days_since_first},
          {"first_requested_at", first ? json(format_utc(first)) : json(nullptr)},
          {"events", events}};
}

}  // namespace convene
