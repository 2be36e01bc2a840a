#include "convene/web/demo.h"

#include <nlohmann/json.hpp>

#include "context.h"
#include "demo_plan.h"
#include "convene/dispatch/inputs.h"
#include "convene/draft/service.h"
#include "convene/meeting/service.h"
#include "convene/telechat/series.h"
#include "convene/telechat/service.h"
#include "services.h"

namespace convene::web {
namespace {

using nlohmann::json;

struct DemoPerson {
  const char* email;
  const char* name;
  std::vector<std::string> roles;
};

const std::vector<DemoPerson> kPeople = {
    {"secretariat@example.org", "Sam Secretariat", {"secretariat"}},
    {"dispatch-chair@example.org", "Dana Dispatch", {"chair:dispatch"}},
    {"secdispatch-chair@example.org", "Sergei Secdispatch", {"chair:secdispatch"}},
    {"gendispatch-chair@example.org", "Gwen Gendispatch", {"chair:gendispatch"}},
    {"gen-ad@example.org", "Gabriel General", {"ad:gen", "iesg"}},
    {"httpbis-chair@example.org", "Hana Httpbis", {"chair:httpbis"}},
    {"alice@example.org", "Alice Smith", {}},
    {"bob@example.org", "Bob Chen", {}},
    {"carol@example.org", "Carol O'Brien", {}},
};

const char* kDrafts = R"([
 {"name": "draft-smith-json-event-feeds", "rev": "00", "title": "JSON Event Feeds", "submitted_at": "2025-09-30T10:00:00Z", "authors": ["Alice Smith"]},
 {"name": "draft-obrien-secure-telemetry", "rev": "00", "title": "Secure Network Telemetry Export", "submitted_at": "2025-10-10T08:00:00Z", "authors": ["Carol O'Brien"]},
 {"name": "draft-kumar-dns-delegation-hints", "rev": "01", "title": "DNS Delegation Hints", "submitted_at": "2025-10-12T12:00:00Z", "authors": ["Ravi Kumar"]},
 {"name": "draft-andersen-dkim-key-rotation", "rev": "00", "title": "Automated DKIM Key Rotation", "submitted_at": "2025-10-15T09:30:00Z", "authors": ["Lars Andersen"]},
 {"name": "draft-moreau-calendar-availability", "rev": "03", "title": "Calendar Availability Sharing", "submitted_at": "2025-10-18T16:00:00Z", "authors": ["Claire Moreau"]},
 {"name": "draft-smith-event-feeds", "rev": "00", "title": "Event Feeds over HTTP", "submitted_at": "2026-02-20T10:00:00Z", "authors": ["Alice Smith", "Bob Chen"], "replaces": ["draft-smith-json-event-feeds"]},
 {"name": "draft-obrien-secure-telemetry", "rev": "01", "title": "Secure Network Telemetry Export", "submitted_at": "2026-02-25T08:00:00Z", "authors": ["Carol O'Brien"]},
 {"name": "draft-chen-mls-federation", "rev": "00", "title": "Federation for Messaging Layer Security", "submitted_at": "2026-02-10T11:00:00Z", "authors": ["Bob Chen"]},
 {"name": "draft-nakamura-cbor-time-tags", "rev": "02", "title": "CBOR Tags for Time Intervals", "submitted_at": "2026-02-14T07:00:00Z", "authors": ["Yuki Nakamura"]},
 {"name": "draft-rossi-agent-identity", "rev": "00", "title": "Identity for Autonomous Agents", "submitted_at": "2026-02-27T13:00:00Z", "authors": ["Marco Rossi"]},
 {"name": "draft-patel-quic-path-monitoring", "rev": "00", "title": "Path Monitoring for Multipath QUIC", "submitted_at": "2026-03-01T18:00:00Z", "authors": ["Priya Patel"]},
 {"name": "draft-weber-http-resumable-tokens", "rev": "00", "title": "Resumable Upload Tokens for HTTP", "submitted_at": "2026-02-18T10:00:00Z", "authors": ["Jonas Weber"]},
 {"name": "draft-li-ip-address-privacy", "rev": "00", "title": "IP Address Privacy Considerations", "submitted_at": "2026-02-22T10:00:00Z", "authors": ["Wei Li"]},
 {"name": "draft-haddad-iot-onboarding", "rev": "00", "title": "Zero-Touch Onboarding for Constrained Devices", "submitted_at": "2026-02-12T15:00:00Z", "authors": ["Rana Haddad"]},
 {"name": "draft-garcia-sip-relay-metrics", "rev": "00", "title": "SIP Relay Metrics", "submitted_at": "2026-03-04T10:00:00Z", "authors": ["Ana Garcia"]},
 {"name": "draft-okafor-resolver-privacy-hints", "rev": "00", "title": "Resolver Privacy Hints", "submitted_at": "2025-10-05T10:00:00Z", "authors": ["Chidi Okafor"]}
])";

// One step of the demo story: who does what, when.
struct Step {
  const char* at;
  const char* who;
  const char* action;  // request | accept | decline | outcome | arrange
  const char* meeting;
  json body;
  int ref = 0;         // which earlier request (1-based order of "request" steps)
};

std::vector<Step> story() {
  return {
      // IETF 124, per-area dispatch.
      {"2025-10-01T09:00:00Z", "alice@example.org", "request", "124", {{"draft", "draft-smith-json-event-feeds"}, {"rev", "00"}, {"presenter", "alice@example.org"}, {"question", "Is there interest in a JSON format for event feeds, and where should it go?"}, {"areas", {"art"}}, {"venue", "dispatch"}}},
      {"2025-10-11T09:00:00Z", "carol@example.org", "request", "124", {{"draft", "draft-obrien-secure-telemetry"}, {"rev", "00"}, {"presenter", "carol@example.org"}, {"question", "Which group should own a secure telemetry export format?"}, {"areas", {"sec", "ops"}}, {"venue", "secdispatch"}, {"minutes", 15}}},
      {"2025-10-13T09:00:00Z", "bob@example.org", "request", "124", {{"draft", "draft-kumar-dns-delegation-hints"}, {"rev", "01"}, {"presenter", "bob@example.org"}, {"question", "Should DNSOP or a new WG take delegation hints?"}, {"areas", {"int", "ops"}}, {"venue", "intarea"}}},
      {"2025-10-16T09:00:00Z", "alice@example.org", "request", "124", {{"draft", "draft-andersen-dkim-key-rotation"}, {"rev", "00"}, {"presenter", "alice@example.org"}, {"question", "Is DKIM key rotation in scope for an existing WG?"}, {"areas", {"art", "sec"}}, {"venue", "dispatch"}}},
      {"2025-10-19T09:00:00Z", "bob@example.org", "request", "124", {{"draft", "draft-moreau-calendar-availability"}, {"rev", "03"}, {"presenter", "bob@example.org"}, {"question", "Where should calendar availability sharing be standardised?"}, {"areas", {"art"}}, {"venue", "dispatch"}}},
      {"2025-10-22T09:00:00Z", "dispatch-chair@example.org", "accept", "124", {{"decision", "accept"}}, 1},
      {"2025-10-22T09:05:00Z", "dispatch-chair@example.org", "accept", "124", {{"decision", "accept"}}, 4},
      {"2025-10-22T09:10:00Z", "dispatch-chair@example.org", "accept", "124", {{"decision", "accept"}}, 5},
      {"2025-10-22T10:00:00Z", "secdispatch-chair@example.org", "accept", "124", {{"decision", "accept"}}, 2},
      {"2025-11-03T14:00:00Z", "dispatch-chair@example.org", "outcome", "124", {{"outcome", "more-discussion"}, {"target", "event-feeds@ietf.org"}, {"notes", "Interest, but the use cases need work on a new non-WG list."}}, 1},
      {"2025-11-03T14:20:00Z", "dispatch-chair@example.org", "outcome", "124", {{"outcome", "existing-wg"}, {"target", "dkim"}, {"notes", "In scope of the DKIM WG charter."}}, 4},
      {"2025-11-03T14:40:00Z", "dispatch-chair@example.org", "outcome", "124", {{"outcome", "bof"}, {"notes", "Enough interest and complexity for a BoF at IETF 125."}}, 5},
      {"2025-11-04T10:00:00Z", "secdispatch-chair@example.org", "outcome", "124", {{"outcome", "other-dispatch"}, {"target", "opsawg"}, {"notes", "Mostly an operations question: take it to OPSAWG."}}, 2},
      // IETF 125, consolidated dispatch (ALLDISPATCH).
      {"2026-02-11T09:00:00Z", "bob@example.org", "request", "125", {{"draft", "draft-chen-mls-federation"}, {"rev", "00"}, {"presenter", "bob@example.org"}, {"question", "Does MLS federation belong in MLS or in a new WG?"}, {"areas", {"sec", "art"}}}},
      {"2026-02-15T09:00:00Z", "alice@example.org", "request", "125", {{"draft", "draft-nakamura-cbor-time-tags"}, {"rev", "02"}, {"presenter", "alice@example.org"}, {"question", "Is CBOR time-interval tagging ready for AD sponsorship?"}, {"areas", {"art"}}, {"minutes", 10}}},
      {"2026-02-21T09:00:00Z", "alice@example.org", "request", "125", {{"draft", "draft-smith-event-feeds"}, {"rev", "00"}, {"presenter", "alice@example.org"}, {"question", "With the use cases settled on the list, is a focused WG now warranted?"}, {"areas", {"art", "wit"}}}},
      {"2026-02-26T09:00:00Z", "carol@example.org", "request", "125", {{"draft", "draft-obrien-secure-telemetry"}, {"rev", "01"}, {"presenter", "carol@example.org"}, {"question", "OPSAWG had no time: can ALLDISPATCH decide where secure telemetry goes?"}, {"areas", {"sec", "ops"}}, {"minutes", 15}}},
      {"2026-02-28T09:00:00Z", "bob@example.org", "request", "125", {{"draft", "draft-rossi-agent-identity"}, {"rev", "00"}, {"presenter", "bob@example.org"}, {"question", "Where should identity for autonomous agents be worked on?"}, {"areas", {"sec", "art", "gen"}}, {"minutes", 20}}},
      {"2026-03-02T09:00:00Z", "alice@example.org", "request", "125", {{"draft", "draft-patel-quic-path-monitoring"}, {"rev", "00"}, {"presenter", "alice@example.org"}, {"question", "Is multipath QUIC monitoring for QUIC or IPPM?"}, {"areas", {"tsv"}}}},
      {"2026-03-02T20:00:00Z", "carol@example.org", "request", "125", {{"draft", "draft-haddad-iot-onboarding"}, {"rev", "00"}, {"presenter", "carol@example.org"}, {"question", "Is device onboarding for IOTOPS, ANIMA or a new WG?"}, {"areas", {"ops", "int", "sec"}}}},
      {"2026-03-03T09:00:00Z", "dispatch-chair@example.org", "accept", "125", {{"decision", "accept"}}, 6},
      {"2026-03-03T09:05:00Z", "secdispatch-chair@example.org", "accept", "125", {{"decision", "accept"}}, 9},
      {"2026-03-03T09:10:00Z", "gendispatch-chair@example.org", "accept", "125", {{"decision", "accept"}}, 10},
      {"2026-03-03T09:15:00Z", "dispatch-chair@example.org", "accept", "125", {{"decision", "accept"}}, 7},
      {"2026-03-03T09:20:00Z", "dispatch-chair@example.org", "arrange", "125", {{"position", 1}, {"minutes", 15}}, 9},
      {"2026-03-03T09:30:00Z", "gendispatch-chair@example.org", "decline", "125", {{"decision", "decline"}, {"reason", "Transport-only question: take it straight to the QUIC WG chairs."}}, 11},
      {"2026-03-16T09:40:00Z", "dispatch-chair@example.org", "outcome", "125", {{"outcome", "ad-sponsored"}, {"target", "Murray Kucherawy"}, {"notes", "Small, well-scoped; an ART AD will sponsor."}}, 7},
      // Dispatch shopping at IETF 124: declined at DISPATCH, the same draft is
      // then asked at SECDISPATCH; its chairs see the request flagged.
      {"2025-10-14T09:00:00Z", "carol@example.org", "request", "124", {{"draft", "draft-okafor-resolver-privacy-hints"}, {"rev", "00"}, {"presenter", "carol@example.org"}, {"question", "Should resolver privacy hints go to an applications WG?"}, {"areas", {"art"}}, {"venue", "dispatch"}}},
      {"2025-10-22T11:00:00Z", "dispatch-chair@example.org", "decline", "124", {{"decision", "decline"}, {"reason", "Not an applications question: this is DNS privacy, for DPRIVE or DNSOP."}}, 13},
      {"2025-10-23T09:00:00Z", "carol@example.org", "request", "124", {{"draft", "draft-okafor-resolver-privacy-hints"}, {"rev", "00"}, {"presenter", "carol@example.org"}, {"question", "Can SECDISPATCH take resolver privacy hints instead?"}, {"areas", {"sec"}}, {"venue", "secdispatch"}}},
  };
}

Person person(Context& ctx, const std::string& email) {
  auto p = in_read<std::optional<Person>>(ctx, [&](Repositories& r) { return r.people().by_email(email); });
  return **p;  // the demo's own people: always there
}

// Reads `body` with `read`, then runs `apply` on the dispatch service in one
// transaction, as the API does.
template <class T, class Read, class Apply>
Result<T> through_service(Context& ctx, const json& body, Read read, Apply apply) {
  auto input = read(body);
  if (!input) return input.error();
  return in_write<T>(ctx, [&](Repositories& r) {
    DispatchService s = dispatch_service(r, ctx);
    return apply(s, *input);
  });
}

Status add_meetings(Context& ctx, const Person& secretariat) {
  json m124 = {{"number", "124"}, {"type", "plenary"}, {"city", "Montreal"}, {"start_date", "2025-11-01"},
               {"end_date", "2025-11-07"}, {"time_zone", "America/Toronto"}, {"mode", "hybrid"},
               {"id_cutoff", "2025-10-20T23:59:00Z"}, {"dispatch_mode", "per-area"}};
  json m125 = {{"number", "125"}, {"type", "plenary"}, {"city", "Shenzhen"}, {"start_date", "2026-03-14"},
               {"end_date", "2026-03-20"}, {"time_zone", "Asia/Shanghai"}, {"mode", "hybrid"},
               {"id_cutoff", "2026-03-02T23:59:00Z"}, {"dispatch_mode", "consolidated"}};
  for (const auto& body : {m124, m125}) {
    auto m = meeting_from_json(body);
    if (!m) return m.error();
    auto created = in_write<Meeting>(
        ctx, [&](Repositories& r) { return create_meeting(r.meetings(), r.audit(), secretariat, *m, ctx.now()); });
    if (!created) return created.error();
  }
  return ok_status();
}

Status add_drafts(Context& ctx, const Person& secretariat) {
  for (const auto& body : json::parse(kDrafts)) {
    auto sub = draft_submission_from_json(body);
    if (!sub) return sub.error();
    auto d = in_write<Draft>(
        ctx, [&](Repositories& r) { return submit_revision(r.drafts(), r.audit(), secretariat, *sub, ctx.now()); });
    if (!d) return d.error();
  }
  return ok_status();
}

Status run_step(Context& ctx, const Step& s, std::vector<std::int64_t>& ids) {
  Person who = person(ctx, s.who);
  std::string action = s.action;
  if (action == "request") {
    auto r = through_service<DispatchRequest>(ctx, s.body, new_request_from_json,
                                              [&](DispatchService& d, const NewRequest& in) {
                                                return d.submit(who, s.meeting, in);
                                              });
    if (!r) return r.error();
    ids.push_back(r->id);
    return ok_status();
  }
  std::int64_t id = ids.at(static_cast<size_t>(s.ref - 1));
  Result<DispatchRequest> r =
      action == "outcome"
          ? through_service<DispatchRequest>(ctx, s.body, outcome_from_json,
                                             [&](DispatchService& d, const OutcomeInput& in) {
                                               return d.record_outcome(who, id, in);
                                             })
      : action == "arrange"
          ? through_service<DispatchRequest>(ctx, s.body, arrangement_from_json,
                                             [&](DispatchService& d, const Arrangement& a) { return d.arrange(who, id, a); })
          : through_service<DispatchRequest>(ctx, s.body, decision_from_json,
                                             [&](DispatchService& d, const Decision& dec) { return d.decide(who, id, dec); });
  if (!r) return r.error();
  return ok_status();
}

// The chairs' settings of the consolidated session, a WG agenda entry and a
// HotRFC topic that the ALLDISPATCH rules then refuse.
Status add_session_and_topics(Context& ctx, const Person& secretariat) {
  json session = {{"minutes", 90},
                  {"chairs_table",
                   {"Dana Dispatch (DISPATCH)", "Sergei Secdispatch (SECDISPATCH)", "Gwen Gendispatch (GENDISPATCH)"}}};
  Person gen_ad = person(ctx, "gen-ad@example.org"), httpbis = person(ctx, "httpbis-chair@example.org");
  auto s = through_service<DispatchSession>(ctx, session, session_change_from_json,
                                            [&](DispatchService& d, const SessionChange& c) {
                                              return d.configure_session(gen_ad, "125", c);
                                            });
  if (!s) return s.error();
  json entry = {{"group", "httpbis"}, {"draft", "draft-weber-http-resumable-tokens"}};
  auto e = through_service<WgAgendaEntry>(
      ctx, entry, [](const json& b) { return wg_agenda_entry_from_json(b, "125"); },
      [&](DispatchService& d, const WgAgendaEntry& w) { return d.add_to_wg_agenda(httpbis, w); });
  if (!e) return e.error();
  auto h = through_service<Ok>(ctx, json{{"draft", "draft-li-ip-address-privacy"}}, hotrfc_draft_from_json,
                               [&](DispatchService& d, const std::string& draft) {
                                 return d.add_hotrfc(secretariat, "125", draft);
                               });
  return h ? ok_status() : Status(h.error());
}

// The next `weekday` (0 = Sunday) strictly after day `d`.
std::int64_t next_weekday(std::int64_t d, int weekday) {
  for (std::int64_t x = d + 1;; ++x)
    if (((x % 7) + 7 + 4) % 7 == weekday) return x;
}

// IETF 128, dated from today like the telechats, so the demo always has a
// meeting that takes dispatch requests: it starts on the first Saturday eight
// weeks from now; its I-D cutoff is twelve days before, at 23:59 UTC.
Status add_upcoming_meeting(Context& ctx, const Person& secretariat) {
  std::int64_t start = next_weekday(now_utc() / 86400 + 55, 6);
  json body = {{"number", "128"}, {"type", "plenary"}, {"city", "Prague"}, {"start_date", format_date(start)},
               {"end_date", format_date(start + 6)}, {"time_zone", "Europe/Prague"}, {"mode", "hybrid"},
               {"id_cutoff", format_date(start - 12) + "T23:59:00Z"}, {"dispatch_mode", "consolidated"}};
  auto m = meeting_from_json(body);
  if (!m) return m.error();
  auto created = in_write<Meeting>(
      ctx, [&](Repositories& r) { return create_meeting(r.meetings(), r.audit(), secretariat, *m, ctx.now()); });
  return created ? ok_status() : Status(created.error());
}

// Telechat series (informal and formal, alternating Thursdays) and the next
// informal agenda, dated from today so the demo never lies in the past.
Status add_telechats(Store& store, const Person& secretariat) {
  std::int64_t today = now_utc() / 86400;
  std::int64_t informal = next_weekday(today, 4), formal = informal + 7;
  return store.write([&](Repositories& r) -> Status {
    telechat::TelechatService service(r.telechats(), today, "/telechats.ics",
                                      Auditor(r.audit(), secretariat.email, now_utc()));
    for (auto [kind, first] : {std::pair{telechat::Kind::informal, informal}, std::pair{telechat::Kind::formal, formal}}) {
      json series = {{"first_date", format_date(first)}, {"interval_days", 14}, {"start_time", "10:00"},
                     {"duration_minutes", 120}, {"time_zone", "America/New_York"},
                     {"cancelled", {format_date(first + 28)}}};
      auto settings = telechat::series_from_json(series, kind);
      if (!settings) return settings.error();
      if (auto st = service.save_series(*settings); !st) return st;
    }
    telechat::NewTelechat next{informal, telechat::Kind::informal,
                               {"https://meetings.example.org/j/iesg-informal", "2427 431 7054", "demo-secret"}};
    if (auto t = service.create_telechat(next); !t) return t.error();
    const json items[] = {
        {{"section", "administrivia"}, {"title", "Retreat planning"}, {"owner", "Secretariat"}, {"body", "Dates and venue for the spring retreat."}},
        {{"section", "management-issues"}, {"title", "ALLDISPATCH experiment: evaluation after IETF 125"}, {"owner", "Gabriel General"},
         {"body", "Agenda-building effort, schedule conflicts against the IETF 118 baseline, survey results."},
         {"links", {"/meetings/125/dispatch", "/drafts/draft-smith-event-feeds/history"}}, {"experiment", "alldispatch"}},
        {{"section", "parking-lot"}, {"title", "Interim meeting policy refresh"}, {"owner", "Secretariat"}},
        {{"section", "deferred"}, {"title", "BoF approval criteria"}, {"owner", "Gabriel General"}},
    };
    for (const auto& body : items) {
      auto item = telechat::new_item_from_json(body);
      if (!item) return item.error();
      if (auto added = service.add_item(informal, *item); !added) return added.error();
    }
    return service.add_regret(informal, "Sergei Secdispatch");
  });
}

// The people and groups of the demo.
Status add_people(Store& store) {
  init_crypto();
  std::string hash = hash_password(kDemoPassword);
  return store.write([&](Repositories& r) -> Status {
    for (const auto& p : kPeople)
      if (auto id = r.people().save(p.email, p.name, hash, p.roles); !id) return id.error();
    for (const auto& g : std::vector<Group>{{"dispatch", "Dispatch", "dispatch", "art"},
                                            {"secdispatch", "Security Dispatch", "dispatch", "sec"},
                                            {"gendispatch", "General Area Dispatch", "dispatch", "gen"},
                                            {"httpbis", "HTTP", "wg", "wit"},
                                            {"opsawg", "Operations and Management Area Working Group", "wg", "ops"}})
      if (auto st = r.directory().save_group(g); !st) return st;
    return ok_status();
  });
}

Result<bool> loaded(Store& store) {
  bool there = false;
  Status s = store.read([&](Repositories& r) -> Status {
    auto m = r.meetings().find("125");
    if (!m) return m.error();
    there = m->has_value();
    return ok_status();
  });
  if (!s) return s.error();
  return there;
}

}  // namespace

Status load_demo(Store& store) {
  auto done = loaded(store);
  if (!done) return done.error();
  if (*done) return ok_status();
  if (Status s = add_people(store); !s) return s;
  UnixSeconds clock = parse_rfc3339("2025-09-01T00:00:00Z", "t").value();
  Context ctx{store, AppOptions{}};
  ctx.options.clock = [&clock] { return clock; };
  Person secretariat = person(ctx, "secretariat@example.org");
  if (Status m = add_meetings(ctx, secretariat); !m) return m;
  if (Status d = add_drafts(ctx, secretariat); !d) return d;
  std::vector<std::int64_t> ids;
  for (const auto& step : story()) {
    clock = parse_rfc3339(step.at, "at").value();
    if (Status st = run_step(ctx, step, ids); !st) return st;
  }
  if (Status st = add_session_and_topics(ctx, secretariat); !st) return st;
  if (Status st = add_demo_plan(ctx, secretariat); !st) return st;
  if (Status st = add_upcoming_meeting(ctx, secretariat); !st) return st;
  return add_telechats(store, secretariat);
}

}  // namespace convene::web
