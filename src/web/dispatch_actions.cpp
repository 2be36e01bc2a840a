#include "dispatch_actions.h"

#include <algorithm>

namespace convene::web {
namespace {

using nlohmann::json;

Error no_meeting(const std::string& number) {
  return not_found("meeting_unknown", "there is no meeting '" + number + "'");
}

Error no_request(std::int64_t id) {
  return not_found("request_unknown", "there is no dispatch request " + std::to_string(id));
}

Status require_chair(const Person& who, const std::string& venue) {
  if (may_chair(who, venue)) return ok_status();
  return forbidden(who.email + " is not a chair of " + venue + " and may not change its agenda");
}

std::vector<DispatchRequest> on_agenda(Repo& r, const std::string& meeting, const std::string& venue) {
  std::vector<DispatchRequest> out;
  for (auto& q : r.requests_at(meeting))
    if (q.venue == venue && q.position > 0 &&
        (q.state == RequestState::accepted || q.state == RequestState::dispatched))
      out.push_back(std::move(q));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.position < b.position; });
  return out;
}

// Stores `ordered` with positions 1..n, writing only the rows that changed.
void renumber(Repo& r, std::vector<DispatchRequest>& ordered) {
  for (size_t i = 0; i < ordered.size(); ++i) {
    int want = static_cast<int>(i) + 1;
    if (ordered[i].position != want) {
      ordered[i].position = want;
      r.update_request(ordered[i]);
    }
  }
}

Result<int> int_field(const json& body, const char* field, int lo, int hi) {
  const auto& v = body[field];
  if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi)
    return invalid("bad_value", std::string(field) + ": must be an integer from " + std::to_string(lo) +
                                    " to " + std::to_string(hi) + ", got " + v.dump());
  return static_cast<int>(v.get<long long>());
}

}  // namespace

bool may_chair(const Person& p, const std::string& venue) {
  if (venue == "alldispatch") {
    if (p.is_ad_of("gen")) return true;
    for (const auto& g : alldispatch_groups())
      if (p.chairs(g)) return true;
    return false;
  }
  return p.chairs(venue);
}

Result<std::string> agenda_venue(const Meeting& m, const std::string& asked) {
  if (m.dispatch_mode == DispatchMode::consolidated) {
    if (!asked.empty() && asked != "alldispatch")
      return rejected("consolidated_meeting",
                      "IETF " + m.number + " runs consolidated dispatch: ALLDISPATCH is the only dispatch venue, not " + asked);
    return std::string("alldispatch");
  }
  if (asked.empty())
    return invalid("venue_required", "IETF " + m.number + " dispatches per area: name a venue (dispatch, secdispatch, gendispatch, rtgwg, tsvwg, opsawg, intarea)");
  if (!is_dispatch_venue(asked)) return invalid("venue_unknown", "'" + asked + "' is not a dispatch venue");
  return asked;
}

Result<Meeting> create_meeting(Context& ctx, const Person& who, const json& body) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may create meetings");
  auto m = meeting_from_json(body);
  if (!m) return m.error();
  Status s = ctx.store.write([&](Repo& r) -> Status {
    if (r.meeting(m->number)) return conflict("meeting_exists", "meeting " + m->number + " already exists");
    r.insert_meeting(*m);
    audit(r, ctx.now(), who, "meeting.create", "meeting:" + m->number, to_json(*m));
    return ok_status();
  });
  if (!s) return s.error();
  return m;
}

Result<Draft> submit_draft(Context& ctx, const Person& who, const json& body) {
  auto sub = draft_submission_from_json(body);
  if (!sub) return sub.error();
  std::optional<Draft> stored;
  Status s = ctx.store.write([&](Repo& r) -> Status {
    auto existing = r.draft(sub->name);
    if (Status fresh = check_new_revision(existing ? &*existing : nullptr, *sub); !fresh) return fresh;
    r.save_draft_revision(*sub);
    stored = r.draft(sub->name);
    audit(r, ctx.now(), who, "draft.submit", "draft:" + sub->name + "-" + sub->rev, body);
    return ok_status();
  });
  if (!s) return s.error();
  return *stored;
}

Result<DispatchRequest> submit_request(Context& ctx, const Person& who, const std::string& number,
                                       const json& body) {
  auto asked = new_request_from_json(body);
  if (!asked) return asked.error();
  DispatchRequest req;
  Status s = ctx.store.write([&](Repo& r) -> Status {
    auto meeting = r.meeting(number);
    if (!meeting) return no_meeting(number);
    auto draft = r.draft(asked->draft);
    RequestFacts facts;
    facts.meeting = &*meeting;
    facts.draft = draft ? &*draft : nullptr;
    for (auto& e : r.wg_agenda(number))
      if (e.draft == asked->draft) facts.wg_agendas.push_back(e);
    facts.hotrfc_topic = r.is_hotrfc_topic(number, asked->draft);
    for (auto& q : r.requests_at(number))
      if (q.draft == asked->draft) facts.same_meeting.push_back(q);
    facts.history = r.requests_for_drafts(replaces_family(asked->draft, r.drafts()));
    auto placed = place_request(*asked, facts);
    if (!placed) return placed.error();
    req.meeting = number;
    req.venue = placed->venue;
    req.draft = asked->draft;
    req.rev = asked->rev;
    req.presenter = asked->presenter;
    req.question = asked->question;
    req.areas = asked->areas;
    req.minutes = asked->minutes;
    req.created_at = ctx.now();
    req.requested_by = who.email;
    req.flags = placed->flags;
    req.id = r.insert_request(req);
    audit(r, ctx.now(), who, "dispatch.request", "request:" + std::to_string(req.id), to_json(req));
    return ok_status();
  });
  if (!s) return s.error();
  return req;
}

Result<DispatchRequest> decide_request(Context& ctx, const Person& who, std::int64_t id, const json& body) {
  DispatchRequest out;
  Status s = ctx.store.write([&](Repo& r) -> Status {
    auto req = r.request(id);
    if (!req) return no_request(id);
    if (Status c = require_chair(who, req->venue); !c) return c;
    auto decided = decide(*req, body);
    if (!decided) return decided.error();
    out = *decided;
    out.decided_at = ctx.now();
    auto agenda = on_agenda(r, out.meeting, out.venue);
    std::erase_if(agenda, [&](const auto& q) { return q.id == out.id; });
    if (out.state == RequestState::accepted) {
      if (req->state != RequestState::accepted) out.position = static_cast<int>(agenda.size()) + 1;
    } else {
      out.position = 0;
      renumber(r, agenda);
    }
    r.update_request(out);
    audit(r, ctx.now(), who, "dispatch.decide", "request:" + std::to_string(id), body);
    return ok_status();
  });
  if (!s) return s.error();
  return out;
}

Result<DispatchRequest> record_request_outcome(Context& ctx, const Person& who, std::int64_t id,
                                               const json& body) {
  DispatchRequest out;
  Status s = ctx.store.write([&](Repo& r) -> Status {
    auto req = r.request(id);
    if (!req) return no_request(id);
    if (Status c = require_chair(who, req->venue); !c) return c;
    auto meeting = r.meeting(req->meeting);
    auto done = record_outcome(*req, *meeting, body, ctx.now(), who.email);
    if (!done) return done.error();
    out = *done;
    r.update_request(out);
    audit(r, ctx.now(), who, "dispatch.outcome", "request:" + std::to_string(id), body);
    return ok_status();
  });
  if (!s) return s.error();
  return out;
}

Result<DispatchRequest> arrange_request(Context& ctx, const Person& who, std::int64_t id, const json& body) {
  auto change = arrangement_from_json(body);
  if (!change) return change.error();
  DispatchRequest out;
  Status s = ctx.store.write([&](Repo& r) -> Status {
    auto req = r.request(id);
    if (!req) return no_request(id);
    if (Status c = require_chair(who, req->venue); !c) return c;
    auto agenda = on_agenda(r, req->meeting, req->venue);
    auto it = std::find_if(agenda.begin(), agenda.end(), [&](const auto& q) { return q.id == id; });
    if (it == agenda.end())
      return conflict("not_on_agenda", "request " + std::to_string(id) + " is not on the agenda: accept it first");
    if (change->minutes) {
      it->minutes = *change->minutes;
      r.update_request(*it);
    }
    if (change->position) {
      auto moved = move_request(agenda, id, *change->position);
      if (!moved) return moved.error();
      for (const auto& q : *moved) r.update_request(q);
    }
    out = *r.request(id);
    audit(r, ctx.now(), who, "dispatch.arrange", "request:" + std::to_string(id), body);
    return ok_status();
  });
  if (!s) return s.error();
  return out;
}

Result<DispatchSession> configure_session(Context& ctx, const Person& who, const std::string& number,
                                          const json& body) {
  DispatchSession out;
  Status s = ctx.store.write([&](Repo& r) -> Status {
    auto meeting = r.meeting(number);
    if (!meeting) return no_meeting(number);
    std::string asked = body.contains("venue") && body["venue"].is_string() ? body["venue"].get<std::string>() : "";
    auto venue = agenda_venue(*meeting, asked);
    if (!venue) return venue.error();
    if (!may_chair(who, *venue) && !who.is_secretariat())
      return forbidden(who.email + " is not a chair of " + *venue);
    out = r.dispatch_session(number, *venue).value_or(DispatchSession{number, *venue, 90, {}});
    if (body.contains("minutes")) {
      auto minutes = int_field(body, "minutes", 15, 480);
      if (!minutes) return minutes.error();
      out.minutes = *minutes;
    }
    if (body.contains("chairs_table")) {
      const auto& t = body["chairs_table"];
      if (!t.is_array()) return invalid("bad_type", "chairs_table: must be a list of names");
      out.chairs_table.clear();
      for (const auto& name : t) {
        if (!name.is_string() || name.get<std::string>().empty() || name.get<std::string>().size() > 120)
          return invalid("bad_value", "chairs_table: every entry must be a name of 1 to 120 characters");
        out.chairs_table.push_back(name.get<std::string>());
      }
    }
    r.save_dispatch_session(out);
    audit(r, ctx.now(), who, "dispatch.session", "meeting:" + number + ":" + *venue, body);
    return ok_status();
  });
  if (!s) return s.error();
  return out;
}

Result<WgAgendaEntry> add_to_wg_agenda(Context& ctx, const Person& who, const std::string& number,
                                       const json& body) {
  if (!body.contains("group") || !body["group"].is_string() || !body.contains("draft") || !body["draft"].is_string())
    return invalid("missing_field", "group and draft are required strings");
  WgAgendaEntry e{number, body["group"].get<std::string>(), body["draft"].get<std::string>()};
  if (!who.chairs(e.group) && !who.is_secretariat())
    return forbidden(who.email + " is not a chair of " + e.group);
  Status s = ctx.store.write([&](Repo& r) -> Status {
    auto meeting = r.meeting(number);
    if (!meeting) return no_meeting(number);
    std::vector<DispatchRequest> for_draft;
    for (auto& q : r.requests_at(number))
      if (q.draft == e.draft) for_draft.push_back(q);
    if (Status ok = check_wg_agenda_addition(*meeting, e.group, for_draft); !ok) return ok;
    r.add_wg_agenda_entry(e, who.email, ctx.now());
    audit(r, ctx.now(), who, "wg_agenda.add", "meeting:" + number + ":" + e.group, body);
    return ok_status();
  });
  if (!s) return s.error();
  return e;
}

Status add_hotrfc(Context& ctx, const Person& who, const std::string& number, const json& body) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may record HotRFC topics");
  if (!body.contains("draft") || !body["draft"].is_string())
    return invalid("missing_field", "draft: required string");
  std::string draft = body["draft"].get<std::string>();
  return ctx.store.write([&](Repo& r) -> Status {
    if (!r.meeting(number)) return no_meeting(number);
    r.add_hotrfc_topic(number, draft);
    audit(r, ctx.now(), who, "hotrfc.add", "meeting:" + number, body);
    return ok_status();
  });
}

Result<Meeting> load_meeting(Context& ctx, const std::string& number) {
  std::optional<Meeting> m;
  ctx.store.read([&](Repo& r) { m = r.meeting(number); return ok_status(); });
  if (!m) return no_meeting(number);
  return *m;
}

Result<Agenda> load_agenda(Context& ctx, const std::string& number, const std::string& asked_venue) {
  std::optional<Agenda> agenda;
  Status s = ctx.store.read([&](Repo& r) -> Status {
    auto meeting = r.meeting(number);
    if (!meeting) return no_meeting(number);
    auto venue = agenda_venue(*meeting, asked_venue);
    if (!venue) return venue.error();
    auto session = r.dispatch_session(number, *venue).value_or(DispatchSession{number, *venue, 90, {}});
    std::vector<DispatchRequest> reqs;
    for (auto& q : r.requests_at(number))
      if (q.venue == *venue) reqs.push_back(std::move(q));
    agenda = build_agenda(*meeting, *venue, session.minutes, std::move(reqs), session.chairs_table);
    std::vector<Draft> drafts;
    for (const auto& item : agenda->items)
      if (auto d = r.draft(item.request.draft)) drafts.push_back(std::move(*d));
    fill_titles(*agenda, drafts);
    return ok_status();
  });
  if (!s) return s.error();
  return *agenda;
}

Result<History> load_history(Context& ctx, const std::string& draft) {
  std::vector<DispatchRequest> reqs;
  bool known = false;
  ctx.store.read([&](Repo& r) {
    auto all = r.drafts();
    known = std::any_of(all.begin(), all.end(), [&](const Draft& d) { return d.name == draft; });
    reqs = r.requests_for_drafts(replaces_family(draft, all));
    return ok_status();
  });
  if (!known && reqs.empty()) return not_found("draft_unknown", "there is no draft '" + draft + "'");
  return build_history(draft, reqs, ctx.now());
}

}  // namespace convene::web
