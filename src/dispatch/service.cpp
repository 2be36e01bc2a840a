#include "convene/dispatch/service.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace convene {
namespace {

Error no_meeting(const std::string& number) {
  return not_found("meeting_unknown", "there is no meeting '" + number + "'");
}

Error no_request(std::int64_t id) {
  return not_found("request_unknown", "there is no dispatch request " + std::to_string(id));
}

Error not_chair(const Person& who, std::string_view venue) {
  return forbidden(who.email + " is not a chair of " + venue_title(venue) + " and may not change its agenda");
}

Error outcome_recorded(const DispatchRequest& r) {
  return conflict("outcome_recorded", "request #" + std::to_string(r.id) + " (" + r.draft +
                                          ") has its outcome recorded; its minutes and place on the agenda are fixed");
}

// A move may not shift an item whose outcome is recorded.
Status check_order_kept(const std::vector<DispatchRequest>& before, const std::vector<DispatchRequest>& after) {
  for (const DispatchRequest& b : before) {
    if (b.state != RequestState::dispatched) continue;
    for (const DispatchRequest& a : after)
      if (a.id == b.id && a.position != b.position) return outcome_recorded(b);
  }
  return ok_status();
}

// Loads what must be there: a missing value becomes `missing`.
template <class T>
Result<T> must(Result<std::optional<T>> found, const Error& missing) {
  if (!found) return found.error();
  if (!*found) return missing;
  return std::move(**found);
}

}  // namespace

DispatchService::DispatchService(DispatchRepositories repos, UnixSeconds now) : repos_(repos), now_(now) {}

Status DispatchService::log(const Person& who, const char* action, std::string object, std::string detail) {
  return repos_.audit.append({0, now_, who.email, action, std::move(object), std::move(detail)});
}

Result<Meeting> DispatchService::meeting(const std::string& number) {
  return must(repos_.meetings.find(number), no_meeting(number));
}

Result<DispatchRequest> DispatchService::request(std::int64_t id) {
  return must(repos_.dispatch.request(id), no_request(id));
}

Result<DispatchRequest> DispatchService::chaired_request(const Person& who, std::int64_t id) {
  auto req = request(id);
  if (req && !may_chair(who, req->venue)) return not_chair(who, req->venue);
  return req;
}

Result<std::vector<DispatchRequest>> DispatchService::at_venue(const std::string& meeting,
                                                               const std::string& venue) {
  auto all = repos_.dispatch.at_meeting(meeting);
  if (!all) return all.error();
  std::erase_if(*all, [&](const DispatchRequest& r) { return r.venue != venue; });
  return all;
}

Status DispatchService::store_numbering(const std::string& meeting, const std::string& venue) {
  auto requests = at_venue(meeting, venue);
  if (!requests) return requests.error();
  for (const DispatchRequest& r : number_agenda(*requests, meeting, venue))
    if (auto st = repos_.dispatch.update(r); !st) return st;
  return ok_status();
}

Status DispatchService::load_facts(const std::string& number, const std::string& draft, RequestFacts& f) {
  auto wg = repos_.dispatch.wg_agenda(number);
  if (!wg) return wg.error();
  std::copy_if(wg->begin(), wg->end(), std::back_inserter(f.wg_agendas),
               [&](const WgAgendaEntry& e) { return e.draft == draft; });
  auto hotrfc = repos_.dispatch.is_hotrfc_topic(number, draft);
  if (!hotrfc) return hotrfc.error();
  f.hotrfc_topic = *hotrfc;
  auto same_meeting = repos_.dispatch.at_meeting(number);
  if (!same_meeting) return same_meeting.error();
  std::copy_if(same_meeting->begin(), same_meeting->end(), std::back_inserter(f.same_meeting),
               [&](const DispatchRequest& r) { return r.draft == draft; });
  auto family = repos_.drafts.family(draft);
  if (!family) return family.error();
  auto history = repos_.dispatch.for_drafts(*family);
  if (!history) return history.error();
  f.history = std::move(*history);
  return ok_status();
}

Result<DispatchRequest> DispatchService::submit(const Person& who, const std::string& number,
                                                const NewRequest& req) {
  auto m = meeting(number);
  if (!m) return m.error();
  if (auto st = check_requests_open(*m, now_); !st) return st.error();
  auto draft = repos_.drafts.find(req.draft);
  if (!draft) return draft.error();
  RequestFacts facts;
  facts.meeting = &*m;
  facts.draft = *draft ? &**draft : nullptr;
  if (auto st = load_facts(number, req.draft, facts); !st) return st.error();
  auto placed = place_request(req, facts);
  if (!placed) return placed.error();

  DispatchRequest out = make_request(req, *placed, *m, now_, who.email);
  auto id = repos_.dispatch.insert(out);
  if (!id) return id.error();
  out.id = *id;
  if (auto st = log(who, "dispatch.request", audit_object::request(out.id), to_json(out).dump()); !st)
    return st.error();
  return out;
}

Result<DispatchRequest> DispatchService::decide(const Person& who, std::int64_t id, const Decision& d) {
  auto req = chaired_request(who, id);
  if (!req) return req.error();
  auto decided = convene::decide(*req, d, now_);
  if (!decided) return decided.error();
  if (auto st = repos_.dispatch.update(*decided); !st) return st.error();
  if (auto st = store_numbering(decided->meeting, decided->venue); !st) return st.error();
  auto out = request(id);
  if (!out) return out.error();
  nlohmann::json detail = {{"decision", d.accept ? "accept" : "decline"}, {"reason", d.reason}};
  if (auto st = log(who, "dispatch.decide", audit_object::request(id), detail.dump()); !st) return st.error();
  return out;
}

Result<DispatchRequest> DispatchService::record_outcome(const Person& who, std::int64_t id,
                                                        const OutcomeInput& in) {
  auto req = chaired_request(who, id);
  if (!req) return req.error();
  if (req->state == RequestState::dispatched && !in.reason.empty()) return correct_outcome(who, *req, in);
  auto m = meeting(req->meeting);
  if (!m) return m.error();
  auto done = convene::record_outcome(*req, *m, in, now_, who.email);
  if (!done) return done.error();
  if (auto st = repos_.dispatch.update(*done); !st) return st.error();
  nlohmann::json detail = {{"outcome", to_string(in.kind)}, {"target", done->outcome->target}, {"notes", in.notes}};
  if (auto st = log(who, "dispatch.outcome", audit_object::request(id), detail.dump()); !st) return st.error();
  return done;
}

Result<DispatchRequest> DispatchService::arrange(const Person& who, std::int64_t id, const Arrangement& a) {
  auto req = chaired_request(who, id);
  if (!req) return req.error();
  auto requests = at_venue(req->meeting, req->venue);
  if (!requests) return requests.error();
  if (auto st = check_on_agenda(*req); !st) return st.error();
  if (req->state == RequestState::dispatched) return outcome_recorded(*req);
  std::vector<DispatchRequest> changed{*req};
  if (a.position) {
    auto moved = move_request(*requests, id, *a.position);
    if (!moved) return moved.error();
    if (auto st = check_order_kept(*requests, *moved); !st) return st.error();
    changed = std::move(*moved);
  }
  for (DispatchRequest& r : changed) {
    if (r.id == id && a.minutes) r.minutes = *a.minutes;
    if (auto st = repos_.dispatch.update(r); !st) return st.error();
  }
  nlohmann::json detail = nlohmann::json::object();
  if (a.position) detail["position"] = *a.position;
  if (a.minutes) detail["minutes"] = *a.minutes;
  if (auto st = log(who, "dispatch.arrange", audit_object::request(id), detail.dump()); !st) return st.error();
  return request(id);
}

Result<DispatchSession> DispatchService::configure_session(const Person& who, const std::string& number,
                                                           const SessionChange& c) {
  auto m = meeting(number);
  if (!m) return m.error();
  auto venue = session_venue(*m, c.venue);
  if (!venue) return venue.error();
  if (!may_chair(who, *venue) && !who.is_secretariat()) return not_chair(who, *venue);
  auto stored = repos_.dispatch.session(number, *venue);
  if (!stored) return stored.error();
  DispatchSession s = stored->value_or(DispatchSession{number, *venue, kDefaultSessionMinutes, {}});
  if (c.minutes) s.minutes = *c.minutes;
  if (c.chairs_table) s.chairs_table = *c.chairs_table;
  if (auto st = repos_.dispatch.save_session(s); !st) return st.error();
  nlohmann::json detail = {{"minutes", s.minutes}, {"chairs_table", s.chairs_table}};
  if (auto st = log(who, "dispatch.session", audit_object::dispatch_session(number, *venue), detail.dump()); !st)
    return st.error();
  return s;
}

Result<WgAgendaEntry> DispatchService::add_to_wg_agenda(const Person& who, const WgAgendaEntry& e) {
  if (!who.chairs(e.group) && !who.is_secretariat())
    return forbidden(who.email + " is not a chair of " + e.group + " and may not change its session agenda");
  auto m = meeting(e.meeting);
  if (!m) return m.error();
  auto requests = repos_.dispatch.at_meeting(e.meeting);
  if (!requests) return requests.error();
  std::erase_if(*requests, [&](const DispatchRequest& r) { return r.draft != e.draft; });
  if (auto st = check_wg_agenda_addition(*m, e.group, *requests); !st) return st.error();
  if (auto st = repos_.dispatch.add_wg_agenda_entry(e, who.email, now_); !st) return st.error();
  nlohmann::json detail = {{"draft", e.draft}};
  if (auto st = log(who, "wg_agenda.add", audit_object::wg_agenda(e.meeting, e.group), detail.dump()); !st)
    return st.error();
  return e;
}

Status DispatchService::add_hotrfc(const Person& who, const std::string& number, const std::string& draft) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may record HotRFC topics");
  auto m = meeting(number);
  if (!m) return m.error();
  if (auto st = repos_.dispatch.add_hotrfc_topic(number, draft); !st) return st;
  return log(who, "hotrfc.add", audit_object::hotrfc(number, draft), "{}");
}

Result<Agenda> DispatchService::agenda(const std::string& number, const std::string& asked_venue) {
  auto m = meeting(number);
  if (!m) return m.error();
  auto venue = session_venue(*m, asked_venue);
  if (!venue) return venue.error();
  auto session = repos_.dispatch.session(number, *venue);
  if (!session) return session.error();
  auto requests = at_venue(number, *venue);
  if (!requests) return requests.error();
  DispatchSession s = session->value_or(DispatchSession{number, *venue, kDefaultSessionMinutes, {}});
  Agenda a = build_agenda(*m, *venue, s.minutes, std::move(*requests), s.chairs_table);
  std::vector<std::string> names;
  for (const AgendaItem& item : a.items) names.push_back(item.request.draft);
  auto titles = repos_.drafts.titles(names);
  if (!titles) return titles.error();
  fill_titles(a, *titles);
  return a;
}

Result<History> DispatchService::history(const std::string& draft) {
  auto found = repos_.drafts.find(draft);
  if (!found) return found.error();
  auto family = repos_.drafts.family(draft);
  if (!family) return family.error();
  auto requests = repos_.dispatch.for_drafts(*family);
  if (!requests) return requests.error();
  if (!*found && requests->empty()) return not_found("draft_unknown", "there is no draft '" + draft + "'");
  return build_history(draft, *requests, now_);
}

Result<std::vector<WgAgendaEntry>> DispatchService::wg_agenda(const std::string& number) {
  return repos_.dispatch.wg_agenda(number);
}

Result<std::vector<std::string>> DispatchService::hotrfc_topics(const std::string& number) {
  return repos_.dispatch.hotrfc_topics(number);
}

}  // namespace convene
