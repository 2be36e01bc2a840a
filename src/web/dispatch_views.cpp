#include "dispatch_views.h"

#include <algorithm>

#include "convene/directory/directory.h"

namespace convene::web {
namespace {

using nlohmann::json;

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string areas_text(const std::vector<std::string>& areas) {
  std::vector<std::string> titles;
  for (const auto& a : areas) titles.push_back(area_title(a));
  return join(titles, ", ");
}

std::string flag_labels(const std::vector<std::string>& flags) {
  std::vector<std::string> labels;
  for (const auto& f : flags) labels.emplace_back(flag_label(f));
  return join(labels, ", ");
}

json outcome_view(const Outcome& o) {
  return {{"kind", std::string(outcome_label(o.kind))},
          {"target", o.kind == OutcomeKind::other_dispatch ? venue_title(o.target) : o.target},
          {"notes", o.notes}};
}

json request_view(const DispatchRequest& r) {
  json v = {{"id", r.id},
            {"draft", r.draft},
            {"rev", r.rev},
            {"presenter", r.presenter},
            {"question", r.question},
            {"areas", areas_text(r.areas)},
            {"minutes", r.minutes},
            {"state", std::string(state_label(r.state))},
            {"flags", flag_labels(r.flags)},
            {"has_flags", !r.flags.empty()},
            {"decline_reason", r.decline_reason}};
  if (r.outcome) v["outcome"] = outcome_view(*r.outcome);
  json corrections = json::array();
  for (const OutcomeCorrection& c : r.corrections) {
    json earlier = outcome_view(c.previous);
    earlier["reason"] = c.reason;
    earlier["at"] = format_readable(c.at, "UTC");
    corrections.push_back(earlier);
  }
  v["corrections"] = corrections;
  v["has_corrections"] = !corrections.empty();
  return v;
}

json item_view(const AgendaItem& it, std::size_t count) {
  json v = request_view(it.request);
  v["number"] = it.number;
  v["start"] = format_minutes(it.start_offset_min);
  v["title"] = it.title;
  v["overflows"] = it.overflows;
  v["can_up"] = it.number > 1;
  v["up"] = it.number - 1;
  v["can_down"] = it.number < static_cast<int>(count);
  v["down"] = it.number + 1;
  v["count"] = count;
  v["open"] = it.request.state == RequestState::accepted;
  v["locked"] = it.request.state == RequestState::dispatched;
  return v;
}

json problem_view(const FormProblem& p) {
  json typed = json::object();
  for (const auto& [name, value] : p.typed)
    if (name != "csrf") typed[name] = value;
  return {{"message", p.error.message}, {"code", p.error.code}, {"typed", typed}};
}

// Puts `problem` on the view of its request, if it is in `list`.
void place_problem(json& list, const FormProblem* problem) {
  if (!problem || problem->id == 0) return;
  for (json& v : list)
    if (v["id"] == problem->id) v["problem"] = problem_view(*problem);
}

// What accepting `r` would leave of the session, for the chairs' Accept button.
std::string capacity_if_accepted(const Agenda& a, const DispatchRequest& r) {
  int after = a.used_minutes + r.minutes;
  if (after <= a.session_minutes)
    return "Accepting leaves " + std::to_string(a.session_minutes - after) + " of " +
           std::to_string(a.session_minutes) + " minutes free.";
  return "Accepting puts the agenda " + std::to_string(after - a.session_minutes) + " minutes over the " +
         std::to_string(a.session_minutes) + "-minute session.";
}

json outcome_options(const Meeting& m) {
  json out = json::array();
  for (OutcomeKind k : outcome_kinds_at(m))
    out.push_back({{"kind", std::string(to_string(k))}, {"label", std::string(outcome_label(k))}});
  return out;
}

}  // namespace

json venues_view() {
  json venues = json::array();
  for (const auto& v : dispatch_venues())
    venues.push_back({{"venue", v}, {"title", venue_title(v)}, {"area", area_title(venue_area(v))}});
  return venues;
}

json meeting_view(const Meeting& m, UnixSeconds now) {
  MeetingPhase phase = meeting_phase(m, now);
  return {{"number", m.number},
          {"phase", std::string(phase_label(phase))},
          {"past", phase == MeetingPhase::past},
          {"city", m.city},
          {"dates", meeting_dates_label(m)},
          {"time_zone", m.time_zone},
          {"mode", std::string(mode_label(m.mode))},
          {"consolidated", m.dispatch_mode == DispatchMode::consolidated},
          {"dispatch_mode", std::string(dispatch_mode_label(m.dispatch_mode))},
          {"cutoff", m.id_cutoff ? meeting_time_label(m, m.id_cutoff) : "none"}};
}

json agenda_view(const Agenda& a, const Caller& caller, UnixSeconds now, const FormProblem* problem) {
  bool chair = caller.person && may_chair(*caller.person, a.venue);
  json items = json::array();
  for (const auto& it : a.items) items.push_back(item_view(it, a.items.size()));
  json pending = json::array();
  for (const auto& r : a.pending) {
    json v = request_view(r);
    v["if_accepted"] = capacity_if_accepted(a, r);
    pending.push_back(v);
  }
  json declined = json::array();
  if (chair)  // the reasons are for the chairs; the public page never lists them
    for (const auto& r : a.declined) declined.push_back(request_view(r));
  place_problem(items, problem);
  place_problem(pending, problem);
  place_problem(declined, problem);
  return {{"meeting", meeting_view(a.meeting, now)},
          {"session_problem", problem && problem->id == 0 ? problem_view(*problem) : json(false)},
          {"venue", a.venue},
          {"venue_title", venue_title(a.venue)},
          {"session", a.session_minutes},
          {"used", a.used_minutes},
          {"overflow", a.overflow_minutes},
          {"over", a.overflow_minutes > 0},
          {"free", std::max(0, a.session_minutes - a.used_minutes)},
          {"chairs_table", a.chairs_table},
          {"chairs_table_text", join(a.chairs_table, "\n")},
          {"has_chairs_table", !a.chairs_table.empty()},
          {"items", items},
          {"has_items", !a.items.empty()},
          {"pending", pending},
          {"has_pending", !pending.empty()},
          {"declined", declined},
          {"has_declined", !declined.empty()},
          {"chair", chair},
          {"signed_in", caller.person.has_value()},
          {"csrf", caller.csrf},
          {"outcomes", outcome_options(a.meeting)},
          {"venue_query", a.meeting.dispatch_mode == DispatchMode::per_area ? "?venue=" + a.venue : ""}};
}

json request_form_view(const Meeting& m, const Caller& caller, UnixSeconds now,
                       const std::map<std::string, std::string>& form) {
  auto value = [&](const char* k, const std::string& def = "") {
    auto it = form.find(k);
    return it == form.end() ? def : it->second;
  };
  json areas = json::array();
  for (const auto& a : area_acronyms())
    areas.push_back({{"area", a}, {"title", area_title(a)}, {"checked", form.count("area_" + a) > 0}});
  json venues = json::array();
  for (const auto& v : dispatch_venues())
    venues.push_back({{"venue", v}, {"title", venue_title(v)}, {"area", area_title(venue_area(v))},
                      {"selected", value("venue") == v}});
  return {{"meeting", meeting_view(m, now)},
          {"csrf", caller.csrf},
          {"draft", value("draft")},
          {"rev", value("rev")},
          {"presenter", value("presenter", caller.person ? caller.person->email : "")},
          {"question", value("question")},
          {"minutes", value("minutes", std::to_string(kDefaultRequestMinutes))},
          {"areas", areas},
          {"venues", venues},
          {"per_area", m.dispatch_mode == DispatchMode::per_area}};
}

json history_view(const History& h) {
  json events = json::array();
  for (const auto& e : h.events)
    events.push_back({{"meeting", e.meeting},
                      {"venue", venue_title(e.venue)},
                      {"draft", e.draft},
                      {"rev", e.rev},
                      {"state", std::string(history_event_label(e.state))},
                      {"outcome", e.outcome.empty() ? "" : outcome_label(e.outcome)},
                      {"target", e.target},
                      {"at", format_readable(e.at, "UTC")}});
  return {{"draft", h.draft},   {"events", events},       {"days", h.days_since_first},
          {"venues", h.venues}, {"shopping", h.shopping}, {"has_events", !events.empty()}};
}

}  // namespace convene::web
