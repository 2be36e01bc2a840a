// The role matrix (issue 10, item 4): every state-changing route of the route
// table (every POST, PUT and DELETE, JSON API and HTML form alike) asked by
// every role, each cell with the exact status it must get.
//
// Roles (columns): none (no credentials), proponent (a signed-in person with
// no role), chair of this venue (the chair of the group or dispatch venue the
// object belongs to), chair of another group (chair:httpbis), AD (one ad:<area>
// role alone, of the object's area; note that is_iesg() counts any ad:* as
// IESG, and that the GEN AD chairs ALLDISPATCH), IESG ("iesg" alone) and the
// secretariat. API cells carry the role person's bearer token; form cells the
// session cookie of a sign-in through POST /login and the session's CSRF
// token, as a browser does.
//
// Semantics of a cell:
//  - The expected status is exact, for allowed and refused roles alike.
//  - Refused (401, 403): every refused cell runs on one server, and after
//    each row's refusals every table of its database has the same row count
//    and checksum as the seed's (store::describe_database): a refusal changes
//    nothing, not even the audit log.
//  - Allowed (anything else): each allowed cell runs on its own fresh copy of
//    the seeded database, where the action is possible, so allowed roles never
//    see each other's writes; and it must change at least one table.
// Anonymous requests get 401 on the API and, on the HTML forms, the 401 error
// page with its sign-in link (never a redirect or a 403). POST /login is a row
// too: each signed-in role signs in with its own password (303 to the next
// page); "none" is an unknown address with a wrong password (401, the form
// again).
//
// The seeded database: the demo (web::load_demo) plus, made through the API,
// one person per role string with an API token, a spare token and a web
// session, a draft nobody dispatched yet, a pending dispatch request at IETF
// 125 that the proponent column filed (only its proponent may withdraw or
// edit it), a formal telechat, a room and a
// timeslot at IETF 124, a ready, unofficial schedule version at IETF 125 and
// an IETF 126 without a plan.
// Every server starts from a copy of it (store::copy_database), so the
// test runs the same on SQLite and on PostgreSQL.
//
// EveryStateChangingRouteHasARow compares the table below with the router's:
// a new route without a row, or a row without a route, fails the test by name.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "convene/store/admin.h"
#include "convene/web/demo.h"
#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::TestServer;

enum Role { kNone, kProponent, kChairHere, kChairOther, kAd, kIesg, kSecretariat, kRoleCount };
const char* const kRoleNames[kRoleCount] = {"none",           "proponent", "chair of this venue", "chair of another",
                                            "AD",             "IESG",      "secretariat"};
using Statuses = std::array<int, kRoleCount>;

// How a row's request is sent: JSON with a bearer token, a browser form with
// the session cookie and CSRF token, or the sign-in form itself.
enum class Kind { api, form, login };

struct Row {
  std::string path;   // may hold {placeholders}: seeded facts and the caller's own {token} and {email}
  std::string body;   // JSON for the API, form fields for forms (the csrf field is added)
  Statuses expect;    // by Role
  std::string chair_here = "chair:quic";  // the chair of this row's object
  std::string ad = "ad:gen";              // the AD of this row's area
  std::string content_type = "";          // "" for the kind's own
};

// Everything the rows refer to, found or made while seeding.
using Facts = std::map<std::string, std::string>;

const char* const kClock = "2026-03-01T12:00:00Z";  // before IETF 125's cut-off, every server's clock
const char* const kOtherChair = "chair:httpbis";
const char* const kPassword = "password123";        // token_for's

// Columns:                 none proponent chair-here chair-other AD   IESG secretariat
constexpr Statuses kSecretariatOnly{401, 403, 403, 403, 403, 403, 201};
constexpr Statuses kSecretariatOnly200{401, 403, 403, 403, 403, 403, 200};
constexpr Statuses kSecretariatForm{401, 403, 403, 403, 403, 403, 303};
constexpr Statuses kAnyoneSignedIn201{401, 201, 201, 201, 201, 201, 201};
constexpr Statuses kAnyoneSignedIn200{401, 200, 200, 200, 200, 200, 200};
constexpr Statuses kAnyoneSignedInForm{401, 303, 303, 303, 303, 303, 303};
constexpr Statuses kTelechat200{401, 403, 403, 403, 200, 200, 200};
constexpr Statuses kTelechat201{401, 403, 403, 403, 201, 201, 201};
constexpr Statuses kTelechatForm{401, 403, 403, 403, 303, 303, 303};
// ALLDISPATCH's chairs: the chairs of dispatch, secdispatch and gendispatch
// and the GEN AD; not the secretariat, not the IESG as such.
constexpr Statuses kAlldispatchChairs{401, 403, 200, 403, 200, 403, 403};
constexpr Statuses kAlldispatchChairsForm{401, 403, 303, 403, 303, 403, 403};
// A request's own proponent (the proponent column filed it), nobody else.
constexpr Statuses kItsProponent{401, 200, 403, 403, 403, 403, 403};
constexpr Statuses kItsProponentForm{401, 303, 403, 403, 403, 403, 403};

// The table: one row per state-changing route, keyed "METHOD pattern".
std::map<std::string, Row> rows() {
  const json new_meeting = {{"number", "127"}, {"type", "plenary"}, {"city", "Vienna"},
                            {"start_date", "2026-11-07"}, {"end_date", "2026-11-13"}, {"time_zone", "Europe/Vienna"},
                            {"mode", "hybrid"}, {"id_cutoff", "2026-10-26T23:59:00Z"}};
  const json agenda = {{"115",
                        {{{"duration", "2:00:00"}, {"group", {{"acronym", "quic"}, {"name", "QUIC"}, {"parent", "wit"},
                                                              {"state", "active"}, {"type", "wg"}}},
                          {"id", 1}, {"location", "Kensington 1"}, {"name", "QUIC"}, {"objtype", "session"},
                          {"session_id", 30001}, {"start", "2022-11-10T13:00:00Z"}, {"status", "sched"}}}}};
  const json grid = {{"days", {"2026-03-20"}},
                     {"periods", {{{"start", "09:30"}, {"duration_min", 60}, {"name", "Matrix"}}}},
                     {"rooms", {"Lotus"}}};
  const json session_request = {{"group", "quic"}, {"sessions", {{{"duration_min", 120}, {"attendees", 100}}}}};
  const json dispatch_request = {{"draft", "draft-matrix-dispatch"}, {"rev", "00"}, {"presenter", "{email}"},
                                 {"question", "Where should the role matrix go?"}, {"areas", {"art"}}};
  const std::string dispatch_form = "draft=draft-matrix-dispatch&rev=00&presenter={email}"
                                    "&question=Where+should+it+go%3F&area_art=on";
  const json series = {{"first_date", "{informal}"}, {"interval_days", 14}, {"start_time", "10:00"},
                       {"duration_minutes", 120}, {"time_zone", "America/New_York"}};
  std::map<std::string, Row> t;
  // ---- JSON API: meetings, the plan, the directory, drafts ----
  t["POST /api/v1/meetings"] = {"/api/v1/meetings", new_meeting.dump(), kSecretariatOnly};
  t["POST /api/v1/meetings/import/datatracker-agenda"] = {"/api/v1/meetings/import/datatracker-agenda", agenda.dump(),
                                                          kSecretariatOnly};
  t["POST /api/v1/meetings/{number}/rooms"] = {"/api/v1/meetings/125/rooms", R"({"name":"Matrix","capacity":50})",
                                               kSecretariatOnly};
  t["POST /api/v1/meetings/{number}/timeslots"] = {"/api/v1/meetings/125/timeslots", grid.dump(), kSecretariatOnly};
  t["DELETE /api/v1/meetings/{number}/timeslots/{id}"] = {"/api/v1/meetings/124/timeslots/{slot}", "",
                                                          kSecretariatOnly200};
  // A chair of quic files quic's request at IETF 124 (which has none yet).
  t["POST /api/v1/meetings/{number}/session-requests"] = {
      "/api/v1/meetings/124/session-requests", session_request.dump(), {401, 403, 201, 403, 403, 403, 201},
      "chair:quic", "ad:wit"};
  // Only the IESG (any AD counts) lets a group meet against ALLDISPATCH.
  t["POST /api/v1/meetings/{number}/exclusive-exceptions"] = {
      "/api/v1/meetings/125/exclusive-exceptions", R"({"session":"alldispatch-1","group":"quic"})",
      {401, 403, 403, 403, 201, 201, 403}, "chair:quic", "ad:wit"};
  t["PUT /api/v1/meetings/{number}/schedule-problem"] = {"/api/v1/meetings/126/schedule-problem", "{problem}",
                                                         kSecretariatOnly};
  // A solver run is queued (202); no worker runs in this test.
  t["POST /api/v1/meetings/{number}/schedules"] = {
      "/api/v1/meetings/125/schedules", R"({"name":"matrix-solve","solve":{"time_limit_s":2,"seed":1}})",
      {401, 403, 403, 403, 403, 403, 202}};
  t["POST /api/v1/meetings/{number}/schedules/{name}/official"] = {"/api/v1/meetings/125/schedules/matrix/official",
                                                                   "", kSecretariatOnly200};
  t["POST /api/v1/meetings/{number}/schedules/{name}/cancel"] = {"/api/v1/meetings/125/schedules/draft-2/cancel", "",
                                                                 kSecretariatOnly200};
  // A pending request (a chair's, of the wit area): the secretariat approves;
  // the AD only moves a third session on (needs-ad), not this one.
  t["POST /api/v1/session-requests/{id}/approve"] = {"/api/v1/session-requests/{pending}/approve", "",
                                                     kSecretariatOnly200, "chair:{pending_group}", "ad:wit"};
  t["POST /api/v1/areas"] = {"/api/v1/areas", R"({"acronym":"new","name":"A New Area"})", kSecretariatOnly200};
  t["POST /api/v1/groups"] = {"/api/v1/groups", R"({"acronym":"matrix","name":"Matrix","type":"wg","area":"gen"})",
                              kSecretariatOnly200};
  // Anyone signed in records a new draft (proponents record their own before
  // asking for dispatch time); only its recorder or the secretariat adds revisions.
  t["POST /api/v1/drafts"] = {
      "/api/v1/drafts",
      R"({"name":"draft-matrix-new","rev":"00","title":"New","submitted_at":"2026-02-20T10:00:00Z","authors":["Rita"]})",
      kAnyoneSignedIn201};
  // ---- JSON API: the caller's own account ----
  t["POST /api/v1/me/tokens"] = {"/api/v1/me/tokens", R"({"name":"another"})", kAnyoneSignedIn201};
  t["DELETE /api/v1/me/tokens/{id}"] = {"/api/v1/me/tokens/{token}", "", kAnyoneSignedIn200};
  t["POST /api/v1/me/password"] = {"/api/v1/me/password",
                                   R"({"current":"password123","new":"a much longer passphrase 9"})",
                                   kAnyoneSignedIn200};
  // ---- JSON API: dispatch ----
  t["POST /api/v1/meetings/{number}/dispatch/requests"] = {"/api/v1/meetings/125/dispatch/requests",
                                                           dispatch_request.dump(), kAnyoneSignedIn201};
  t["PUT /api/v1/meetings/{number}/dispatch/session"] = {
      "/api/v1/meetings/125/dispatch/session", R"({"minutes":100,"chairs_table":["Dana Dispatch"]})",
      {401, 403, 200, 403, 200, 403, 200}, "chair:dispatch"};
  t["POST /api/v1/meetings/{number}/wg-agendas"] = {"/api/v1/meetings/125/wg-agendas",
                                                    R"({"group":"quic","draft":"draft-matrix-dispatch"})",
                                                    {401, 403, 201, 403, 403, 403, 201}, "chair:quic", "ad:wit"};
  t["POST /api/v1/meetings/{number}/hotrfc"] = {"/api/v1/meetings/125/hotrfc", R"({"draft":"draft-matrix-dispatch"})",
                                                kSecretariatOnly, "chair:dispatch"};
  t["POST /api/v1/dispatch/requests/{id}/decision"] = {"/api/v1/dispatch/requests/{undecided}/decision",
                                                       R"({"decision":"accept"})", kAlldispatchChairs, "chair:dispatch"};
  t["POST /api/v1/dispatch/requests/{id}/outcome"] = {"/api/v1/dispatch/requests/{accepted}/outcome",
                                                      R"({"outcome":"bof","notes":"Enough interest for a BoF."})",
                                                      kAlldispatchChairs, "chair:dispatch"};
  t["POST /api/v1/dispatch/requests/{id}/arrange"] = {"/api/v1/dispatch/requests/{accepted}/arrange",
                                                      R"({"minutes":12})", kAlldispatchChairs, "chair:dispatch"};
  t["POST /api/v1/dispatch/requests/{id}/undo-decline"] = {"/api/v1/dispatch/requests/{declined}/undo-decline", "{}",
                                                           kAlldispatchChairs, "chair:dispatch"};
  t["POST /api/v1/dispatch/requests/{id}/withdraw"] = {"/api/v1/dispatch/requests/{own_pending}/withdraw", "{}",
                                                       kItsProponent, "chair:dispatch"};
  t["POST /api/v1/dispatch/requests/{id}/edit"] = {
      "/api/v1/dispatch/requests/{own_pending}/edit",
      R"({"presenter":"{email}","question":"A sharper question?","areas":["art"],"minutes":15})", kItsProponent,
      "chair:dispatch"};
  // ---- JSON API: telechats (the IESG, any AD, the secretariat) ----
  t["POST /api/v1/telechats"] = {"/api/v1/telechats", R"({"date":"{next_informal}","kind":"informal"})",
                                 kTelechat201, "chair:dispatch"};
  t["POST /api/v1/telechats/import"] = {"/api/v1/telechats/import", "{wiki_page}", kTelechat201, "chair:dispatch",
                                        "ad:gen", "text/markdown"};
  t["PUT /api/v1/telechats/series/{kind}"] = {"/api/v1/telechats/series/informal", series.dump(), kTelechat200,
                                              "chair:dispatch"};
  t["POST /api/v1/telechats/{date}/items"] = {"/api/v1/telechats/{informal}/items",
                                              R"({"section":"aob","title":"The role matrix"})", kTelechat201,
                                              "chair:dispatch"};
  t["POST /api/v1/telechats/{date}/items/{id}/close"] = {"/api/v1/telechats/{informal}/items/{item}/close", "",
                                                         kTelechat200, "chair:dispatch"};
  t["POST /api/v1/telechats/{date}/items/{id}/move"] = {"/api/v1/telechats/{informal}/items/{item}/move",
                                                        R"({"section":"parking-lot"})", kTelechat200, "chair:dispatch"};
  t["POST /api/v1/telechats/{date}/regrets"] = {"/api/v1/telechats/{informal}/regrets", R"({"member":"Dana Dispatch"})",
                                                kTelechat200, "chair:dispatch"};
  t["POST /api/v1/telechats/{date}/cancel"] = {"/api/v1/telechats/{informal}/cancel", "{}", kTelechat200,
                                               "chair:dispatch"};
  t["POST /api/v1/telechats/{date}/documents"] = {"/api/v1/telechats/{formal}/documents",
                                                  R"({"section":"2.1.1","name":"draft-matrix-dispatch"})", kTelechat200,
                                                  "chair:dispatch"};
  t["POST /api/v1/telechats/{date}/wg-actions"] = {"/api/v1/telechats/{formal}/wg-actions",
                                                   R"({"section":"4.1.1","name":"matrix"})", kTelechat200,
                                                   "chair:dispatch"};
  // ---- Sign-in ----
  t["POST /login"] = {"/login", "email={email}&password={password}", {401, 303, 303, 303, 303, 303, 303}};
  t["POST /logout"] = {"/logout", "", kAnyoneSignedInForm};
  // ---- HTML forms: the secretariat's records, and a draft revision anyone records ----
  t["POST /meetings"] = {"/meetings",
                         "number=131&type=plenary&city=Madrid&start_date=2027-03-20&end_date=2027-03-26"
                         "&time_zone=Europe%2FMadrid&mode=hybrid&id_cutoff=2027-03-08T23%3A59%3A00Z&dispatch_mode=per-area",
                         kSecretariatForm};
  t["POST /groups"] = {"/groups", "acronym=matrixform&name=Matrix+Form&type=wg&area=gen&state=active", kSecretariatForm};
  t["POST /areas"] = {"/areas", "acronym=newform&name=A+New+Area&state=active", kSecretariatForm};
  t["POST /drafts"] = {"/drafts",
                       "name=draft-matrix-form&rev=00&title=Form&submitted_at=2026-02-20T10%3A00%3A00Z&authors=Rita",
                       kAnyoneSignedInForm};
  // ---- HTML forms: the plan (the secretariat's) ----
  t["POST /meetings/import"] = {"/meetings/import", "number=127&problem={problem_form}", kSecretariatForm};
  t["POST /meetings/{number}/schedules/solve"] = {"/meetings/125/schedules/solve",
                                                  "name=matrix-solve&time_limit_s=2&seed=1", kSecretariatForm};
  // IETF 126 exists, without a plan (the form is on an existing meeting's page).
  t["POST /meetings/{number}/schedule-problem"] = {"/meetings/126/schedule-problem", "problem={problem_form}",
                                                   kSecretariatForm};
  t["POST /meetings/{number}/schedules/{name}/cancel"] = {"/meetings/125/schedules/draft-2/cancel", "",
                                                          kSecretariatForm};
  t["POST /meetings/{number}/schedules/{name}/official"] = {"/meetings/125/schedules/matrix/official", "",
                                                            kSecretariatForm};
  t["POST /meetings/{number}/rooms"] = {"/meetings/125/rooms", "room_name=Matrix&room_capacity=50", kSecretariatForm};
  t["POST /meetings/{number}/timeslots"] = {"/meetings/125/timeslots",
                                            "days=2026-03-20&periods=09%3A30+60+Matrix&in_{lotus}=on",
                                            kSecretariatForm};
  t["POST /meetings/{number}/timeslots/{id}/remove"] = {"/meetings/124/timeslots/{slot}/remove", "", kSecretariatForm};
  t["POST /meetings/{number}/session-requests"] = {"/meetings/124/session-requests",
                                                   "group=quic&length_1=120&attendees_1=100",
                                                   {401, 403, 303, 403, 403, 403, 303}, "chair:quic", "ad:wit"};
  t["POST /meetings/{number}/hotrfc"] = {"/meetings/125/hotrfc", "draft=draft-matrix-dispatch", kSecretariatForm,
                                         "chair:dispatch"};
  t["POST /session-requests/{id}/approve"] = {"/session-requests/{pending}/approve", "", kSecretariatForm,
                                              "chair:{pending_group}", "ad:wit"};
  // The IESG's form on the session requests page, as its API row.
  t["POST /meetings/{number}/exclusive-exceptions"] = {"/meetings/125/exclusive-exceptions",
                                                       "session=alldispatch-1&group=quic",
                                                       {401, 403, 403, 403, 303, 303, 403}, "chair:quic", "ad:wit"};
  // ---- HTML forms: the caller's own account ----
  t["POST /me/tokens"] = {"/me/tokens", "name=another", {401, 200, 200, 200, 200, 200, 200}};
  t["POST /me/tokens/{id}/revoke"] = {"/me/tokens/{token}/revoke", "", kAnyoneSignedInForm};
  t["POST /me/password"] = {"/me/password", "current=password123&new=a+much+longer+passphrase+9",
                            kAnyoneSignedInForm};
  // ---- HTML forms: dispatch ----
  t["POST /meetings/{number}/dispatch/request"] = {"/meetings/125/dispatch/request", dispatch_form,
                                                   kAnyoneSignedInForm};
  // A chair of quic lists a draft on quic's session agenda, as its API row.
  t["POST /meetings/{number}/wg-agendas"] = {"/meetings/125/wg-agendas", "group=quic&draft=draft-matrix-dispatch",
                                             {401, 403, 303, 403, 403, 403, 303}, "chair:quic", "ad:wit"};
  t["POST /dispatch/requests/{id}/decision"] = {"/dispatch/requests/{undecided}/decision", "decision=accept",
                                                kAlldispatchChairsForm, "chair:dispatch"};
  t["POST /dispatch/requests/{id}/outcome"] = {"/dispatch/requests/{accepted}/outcome",
                                               "outcome=bof&notes=Enough+interest", kAlldispatchChairsForm,
                                               "chair:dispatch"};
  t["POST /dispatch/requests/{id}/arrange"] = {"/dispatch/requests/{accepted}/arrange", "minutes=12",
                                               kAlldispatchChairsForm, "chair:dispatch"};
  t["POST /dispatch/requests/{id}/undo-decline"] = {"/dispatch/requests/{declined}/undo-decline", "",
                                                    kAlldispatchChairsForm, "chair:dispatch"};
  t["POST /dispatch/requests/{id}/withdraw"] = {"/dispatch/requests/{own_pending}/withdraw", "", kItsProponentForm,
                                                "chair:dispatch"};
  t["POST /dispatch/requests/{id}/edit"] = {"/dispatch/requests/{own_pending}/edit",
                                            "presenter={email}&question=A+sharper+question%3F&area_art=on&minutes=15",
                                            kItsProponentForm, "chair:dispatch"};
  t["POST /meetings/{number}/dispatch/session"] = {"/meetings/125/dispatch/session",
                                                   "minutes=100&chairs_table=Dana+Dispatch",
                                                   {401, 403, 303, 403, 303, 403, 303}, "chair:dispatch"};
  // ---- HTML forms: telechats (the IESG, any AD, the secretariat; the API's rows in forms) ----
  t["POST /telechats"] = {"/telechats", "date={next_informal}&kind=informal&from=list", kTelechatForm, "chair:dispatch"};
  t["POST /telechats/import"] = {"/telechats/import", "page={wiki_page_form}", kTelechatForm, "chair:dispatch"};
  t["POST /telechats/series/{kind}"] = {"/telechats/series/informal",
                                       "first_date={informal}&interval_days=7&start_time=09%3A30&duration_minutes=90"
                                       "&time_zone=Europe%2FParis",
                                       kTelechatForm, "chair:dispatch"};
  t["POST /telechats/series/{kind}/moves"] = {"/telechats/series/informal/moves",
                                             "scheduled={next_informal}&date={formal}", kTelechatForm, "chair:dispatch"};
  t["POST /telechats/series/{kind}/cancellations"] = {"/telechats/series/informal/cancellations",
                                                     "date={next_informal}&cancelled=true", kTelechatForm,
                                                     "chair:dispatch"};
  t["POST /telechats/{date}/items"] = {"/telechats/{informal}/items", "section=aob&title=The+role+matrix",
                                       kTelechatForm, "chair:dispatch"};
  t["POST /telechats/{date}/items/{id}/move"] = {"/telechats/{informal}/items/{item}/move", "section=parking-lot",
                                                 kTelechatForm, "chair:dispatch"};
  t["POST /telechats/{date}/items/{id}/close"] = {"/telechats/{informal}/items/{item}/close", "", kTelechatForm,
                                                  "chair:dispatch"};
  t["POST /telechats/{date}/regrets"] = {"/telechats/{informal}/regrets", "member=Dana+Dispatch", kTelechatForm,
                                         "chair:dispatch"};
  t["POST /telechats/{date}/cancel"] = {"/telechats/{informal}/cancel", "cancelled=true", kTelechatForm,
                                        "chair:dispatch"};
  t["POST /telechats/{date}/documents"] = {"/telechats/{formal}/documents", "section=2.1.1&name=draft-matrix-dispatch",
                                           kTelechatForm, "chair:dispatch"};
  t["POST /telechats/{date}/wg-actions"] = {"/telechats/{formal}/wg-actions", "section=4.1.1&name=matrix",
                                            kTelechatForm, "chair:dispatch"};
  return t;
}

Kind kind_of(const std::string& key) {
  if (key == "POST /login") return Kind::login;
  return key.find(" /api/") != std::string::npos ? Kind::api : Kind::form;
}

std::string replaced(std::string text, const Facts& facts) {
  for (const auto& [name, value] : facts) {
    const std::string key = "{" + name + "}";
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  }
  return text;
}

std::string thursday_after_today() {
  std::int64_t d = now_utc() / 86400;  // the demo dates its telechat from the real clock
  do ++d;
  while (((d % 7) + 7 + 4) % 7 != 4);
  return format_date(d);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// One role's person: credentials that stay valid in every copy.
struct Actor {
  std::string role, email, token, spare_token_id, cookie, csrf;
};

std::string person_email(const std::string& role) {
  std::string local = role.empty() ? "proponent" : role;
  for (char& c : local)
    if (c == ':') c = '-';
  return "rm-" + local + "@example.org";
}

HttpResult api_send(TestServer& s, const std::string& method, const std::string& path, const std::string& body,
                    const std::string& token) {
  return testing::http_request(method, s.url(path), body,
                               {"Content-Type: application/json", "Authorization: Bearer " + token});
}

std::string changed_tables(const std::vector<store::TableCopy>& a, const std::vector<store::TableCopy>& b) {
  std::string out;
  std::map<std::string, std::pair<std::int64_t, std::uint64_t>> before;
  for (const auto& t : a) before[t.table] = {t.rows, t.checksum};
  for (const auto& t : b)
    if (before[t.table] != std::pair{t.rows, t.checksum})
      out += " " + t.table + " (" + std::to_string(before[t.table].first) + " -> " + std::to_string(t.rows) + " rows)";
  return out;
}

// What a failure message shows of an answer: a JSON error whole, an HTML
// page from its message (alert or main content) on.
std::string excerpt(const std::string& body) {
  std::size_t at = body.find("role=\"alert\"");
  if (at == std::string::npos) at = body.find("<main");
  if (at == std::string::npos) at = 0;
  return body.substr(at, 300);
}

class RoleMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto started = std::chrono::steady_clock::now();
    seed_ = std::make_unique<TestServer>(clock());
    TestServer& s = *seed_;
    ASSERT_TRUE(web::load_demo(s.store()).ok());
    // One person per role string the rows use.
    std::set<std::string> roles = {"", kOtherChair, "iesg", "secretariat"};
    Facts pending = pending_request(s);
    for (const auto& [key, row] : rows()) {
      roles.insert(replaced(row.chair_here, pending));
      roles.insert(row.ad);
    }
    for (const auto& role : roles) {
      Actor a;
      a.role = role;
      a.email = person_email(role);
      a.token = s.token_for(a.email, role.empty() ? std::vector<std::string>{} : std::vector<std::string>{role});
      actors_[role] = a;
    }
    const std::string sec = actors_["secretariat"].token;
    facts_ = pending;
    seed_facts(s, sec);
    for (auto& [role, a] : actors_) sign_in(s, a);
    seconds_to_seed_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }

  static void TearDownTestSuite() { seed_.reset(); }

  static UnixSeconds clock() { return parse_rfc3339(kClock, "now").value(); }

  // The pending session request of IETF 125 (the demo leaves three) and its group.
  static Facts pending_request(TestServer& s) {
    auto list = s.get("/api/v1/meetings/125/session-requests").json()["session_requests"];
    for (const auto& q : list)
      if (q["state"] == "pending")
        return {{"pending", std::to_string(q["id"].get<std::int64_t>())}, {"pending_group", q["group"]}};
    ADD_FAILURE() << "the demo has no pending session request at IETF 125";
    return {};
  }

  // What the rows refer to, found in the demo or made through the API.
  static void seed_facts(TestServer& s, const std::string& sec) {
    auto must = [](const HttpResult& r, const char* what) {
      EXPECT_LT(r.status, 300) << what << ": " << r.body.substr(0, 400);
      return r.json();
    };
    must(api_send(s, "POST", "/api/v1/drafts",
                  R"({"name":"draft-matrix-dispatch","rev":"00","title":"Role Matrix","submitted_at":"2026-02-20T10:00:00Z","authors":["Rita Matrix"]})",
                  sec),
         "record a draft");
    // Dispatch requests of IETF 125: one not yet decided, one accepted without an outcome.
    for (int id = 1; id <= 30; ++id) {
      auto r = s.get("/api/v1/dispatch/requests/" + std::to_string(id));
      if (r.status != 200) break;
      json q = r.json();
      if (q["draft"] == "draft-haddad-iot-onboarding") facts_["undecided"] = std::to_string(id);
      if (q["draft"] == "draft-rossi-agent-identity") facts_["accepted"] = std::to_string(id);
      if (q["draft"] == "draft-patel-quic-path-monitoring") facts_["declined"] = std::to_string(id);
    }
    // A pending request that the proponent column filed (withdraw and edit rows).
    must(api_send(s, "POST", "/api/v1/drafts",
                  R"({"name":"draft-matrix-mine","rev":"00","title":"Role Matrix Mine","submitted_at":"2026-02-20T10:00:00Z","authors":["Rita Matrix"]})",
                  sec),
         "record a second draft");
    json mine = must(api_send(s, "POST", "/api/v1/meetings/125/dispatch/requests",
                              R"({"draft":"draft-matrix-mine","rev":"00","presenter":"Rita","question":"Where?","areas":["art"]})",
                              actors_[""].token),
                     "the proponent's own request");
    facts_["own_pending"] = std::to_string(mine["id"].get<std::int64_t>());
    // Telechats: the demo's next informal one and its first item, a formal one a week later.
    facts_["informal"] = thursday_after_today();
    std::int64_t informal = parse_date(facts_["informal"], "date").value();
    facts_["formal"] = format_date(informal + 7);
    facts_["next_informal"] = format_date(informal + 14);
    must(api_send(s, "POST", "/api/v1/telechats", json{{"date", facts_["formal"]}, {"kind", "formal"}}.dump(), sec),
         "a formal telechat");
    json agenda = must(s.get("/api/v1/telechats/" + facts_["informal"], sec), "the informal telechat");
    for (const auto& section : agenda["sections"])
      for (const auto& item : section["items"])
        if (!facts_.contains("item")) facts_["item"] = item["id"].is_string() ? item["id"].get<std::string>()
                                                                              : item["id"].dump();
    // A room and a timeslot at IETF 124, which has no plan, for the removal rows.
    must(api_send(s, "POST", "/api/v1/meetings/124/rooms", R"({"name":"Matrix Room","capacity":50})", sec), "a room");
    json slots = must(api_send(s, "POST", "/api/v1/meetings/124/timeslots",
                               R"({"days":["2025-11-03"],"periods":[{"start":"09:30","duration_min":60,"name":"Matrix"}],"rooms":["Matrix Room"]})",
                               sec),
                      "a timeslot");
    facts_["slot"] = slots["added"][0]["id"].get<std::string>();
    const json rooms = must(s.get("/api/v1/meetings/125/rooms"), "rooms");
    for (const auto& room : rooms["rooms"])
      if (room["name"] == "Lotus") facts_["lotus"] = room["id"].get<std::string>();
    // A ready schedule version that is not official: draft-1's assignments again.
    json draft1 = must(s.get("/api/v1/meetings/125/schedules/draft-1"), "draft-1");
    json version = {{"name", "matrix"}, {"schedule", {{"format", draft1["format"]}, {"assignments", draft1["assignments"]}}}};
    must(api_send(s, "POST", "/api/v1/meetings/125/schedules", version.dump(), sec), "a ready version");
    // IETF 126, without a plan, and IETF 125's problem that the problem rows load into it.
    must(api_send(s, "POST", "/api/v1/meetings",
                  R"({"number":"126","type":"plenary","city":"Madrid","start_date":"2026-07-18","end_date":"2026-07-24","time_zone":"Europe/Madrid","id_cutoff":"2026-07-06T23:59:00Z"})",
                  sec),
         "IETF 126");
    std::string problem = must(s.get("/api/v1/meetings/125/schedule-problem"), "the problem").dump();
    facts_["problem"] = problem;
    facts_["problem_form"] = http::percent_encode(problem);
    facts_["wiki_page"] = read_text(std::string(CONVENE_SHARED_DIR) + "/data/telechat/InformalAgenda.md");
    EXPECT_FALSE(facts_["wiki_page"].empty());
    facts_["wiki_page_form"] = http::percent_encode(facts_["wiki_page"]);
    facts_["password"] = kPassword;
    for (const char* name : {"undecided", "accepted", "declined", "own_pending", "item", "lotus"})
      EXPECT_TRUE(facts_.contains(name)) << "seeding found no " << name;
  }

  // A spare API token (the revoke rows' target), one use of the main token at
  // the servers' clock (so no copy writes its last use) and a web session
  // signed in by password, with its CSRF token.
  static void sign_in(TestServer& s, Actor& a) {
    HttpResult spare = api_send(s, "POST", "/api/v1/me/tokens", R"({"name":"spare"})", a.token);
    ASSERT_EQ(spare.status, 201) << a.email << ": " << spare.body;
    a.spare_token_id = std::to_string(spare.json()["id"].get<std::int64_t>());
    HttpResult login = testing::http_request("POST", s.url("/login"), "email=" + http::percent_encode(a.email) +
                                                                          "&password=" + kPassword,
                                             {"Content-Type: application/x-www-form-urlencoded"});
    ASSERT_EQ(login.status, 303) << a.email << ": " << login.body.substr(0, 300);
    a.cookie = "Cookie: " + login.set_cookie.substr(0, login.set_cookie.find(';'));
    a.csrf = testing::csrf_of(testing::http_request("GET", s.url("/me"), "", {a.cookie}).body);
    ASSERT_FALSE(a.csrf.empty()) << a.email;
  }

  static const Actor* actor(const Row& row, Role role) {
    std::string key = role == kProponent    ? ""
                      : role == kChairHere  ? replaced(row.chair_here, facts_)
                      : role == kChairOther ? kOtherChair
                      : role == kAd         ? row.ad
                      : role == kIesg       ? "iesg"
                                            : "secretariat";
    return role == kNone ? nullptr : &actors_.at(key);
  }

  // One cell's request.
  static HttpResult send(TestServer& s, const std::string& key, const Row& row, Role role) {
    const Actor* a = actor(row, role);
    Facts facts = facts_;
    // "none" names the proponent's spare token and an address nobody has.
    facts["token"] = actors_.at("").spare_token_id;
    facts["email"] = "nobody@example.org";
    if (a) {
      facts["token"] = a->spare_token_id;
      facts["email"] = a->email;
    } else {
      facts["password"] = "not-the-password-1";
    }
    const std::string method = key.substr(0, key.find(' '));
    const std::string path = replaced(row.path, facts);
    std::string body = replaced(row.body, facts);
    std::vector<std::string> headers;
    switch (kind_of(key)) {
      case Kind::api:
        headers.push_back("Content-Type: " + (row.content_type.empty() ? "application/json" : row.content_type));
        if (a) headers.push_back("Authorization: Bearer " + a->token);
        break;
      case Kind::form:
        headers.push_back("Content-Type: application/x-www-form-urlencoded");
        if (a) {
          headers.push_back(a->cookie);
          body = "csrf=" + a->csrf + (body.empty() ? "" : "&" + body);
        }
        break;
      case Kind::login:
        headers.push_back("Content-Type: application/x-www-form-urlencoded");
        break;
    }
    return testing::http_request(method, s.url(path), body, headers);
  }

  static std::vector<store::TableCopy> tables(TestServer& s) {
    auto t = store::describe_database(s.location());
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
    return t.ok() ? *t : std::vector<store::TableCopy>{};
  }

  static std::unique_ptr<TestServer> seed_;
  static std::map<std::string, Actor> actors_;  // by role string ("" for the proponent)
  static Facts facts_;
  static double seconds_to_seed_;
};

std::unique_ptr<TestServer> RoleMatrix::seed_;
std::map<std::string, Actor> RoleMatrix::actors_;
Facts RoleMatrix::facts_;
double RoleMatrix::seconds_to_seed_ = 0;

bool refused(int status) { return status == 401 || status == 403; }

// Needs no seeding: the router's table against the matrix's.
TEST(RoleMatrixTable, EveryStateChangingRouteHasARow) {
  testing::TestDatabase db;
  auto store = db.open();
  web::App app(*store);
  std::set<std::string> routes, table;
  for (const auto& route : app.router().routes())
    if (route.method != http::Method::get && route.method != http::Method::head &&
        route.method != http::Method::options)
      routes.insert(std::string(http::method_name(route.method)) + " " + route.pattern);
  for (const auto& [key, row] : rows()) table.insert(key);
  for (const auto& key : routes)
    EXPECT_TRUE(table.contains(key)) << "the route " << key << " has no row in the role matrix: add one";
  for (const auto& key : table)
    EXPECT_TRUE(routes.contains(key)) << "the role matrix has a row for " << key << ", which is no longer a route";
  EXPECT_GE(routes.size(), 50u);
}

TEST_F(RoleMatrix, EveryRouteAndRoleGetsItsStatus) {
  const auto started = std::chrono::steady_clock::now();
  int cells = 0, servers = 0, refusals = 0;
  const auto table = rows();
  const auto seed_tables = tables(*seed_);
  // Every refused cell, on one server whose tables must not change.
  TestServer refusing(clock(), seed_->location());
  ++servers;
  for (const auto& [key, row] : table) {
    SCOPED_TRACE(key);
    std::vector<Role> allowed;
    for (int r = 0; r < kRoleCount; ++r) {
      const Role role = static_cast<Role>(r);
      if (!refused(row.expect[role])) {
        allowed.push_back(role);
        continue;
      }
      HttpResult got = send(refusing, key, row, role);
      ++cells;
      ++refusals;
      EXPECT_EQ(got.status, row.expect[role]) << key << " as " << kRoleNames[role] << ": " << excerpt(got.body);
      if (role == kNone && kind_of(key) == Kind::form) {
        EXPECT_NE(got.body.find("href=\"/login\""), std::string::npos) << key << ": the 401 page has no sign-in link";
      }
    }
    // copy_database checked that the copy had the seed's tables; a row's
    // refusals must leave them so.
    if (allowed.size() < static_cast<std::size_t>(kRoleCount)) {
      const auto after = tables(refusing);
      EXPECT_EQ(seed_tables.size(), after.size());
      EXPECT_EQ(changed_tables(seed_tables, after), "") << key << ": a refused request changed these tables";
    }
    // Each allowed role on a fresh copy.
    for (Role role : allowed) {
      TestServer s(clock(), seed_->location());
      ++servers;
      HttpResult got = send(s, key, row, role);
      ++cells;
      EXPECT_EQ(got.status, row.expect[role]) << key << " as " << kRoleNames[role] << ": " << excerpt(got.body);
      EXPECT_NE(changed_tables(seed_tables, tables(s)), "") << key << " as " << kRoleNames[role] << " changed nothing";
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(cells, static_cast<int>(table.size()) * kRoleCount);
  RecordProperty("routes", static_cast<int>(table.size()));
  RecordProperty("cells", cells);
  std::cout << "role matrix: " << table.size() << " state-changing routes x " << kRoleCount << " roles = " << cells
            << " cells (" << refusals << " refused, " << cells - refusals << " allowed) on " << servers
            << " servers; seeding " << static_cast<int>(seconds_to_seed_) << " s, cells " << static_cast<int>(seconds)
            << " s\n";
}

}  // namespace
}  // namespace convene
