// The OpenAPI 3 description of /api/v1, served at /api/v1/openapi.json.
#include <nlohmann/json.hpp>

#include "routes.h"

namespace convene::web {
namespace {

using nlohmann::json;

json ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

json body(const std::string& schema) {
  return {{"required", true}, {"content", {{"application/json", {{"schema", ref(schema)}}}}}};
}

json answer(const std::string& description, const std::string& schema) {
  return {{"description", description}, {"content", {{"application/json", {{"schema", ref(schema)}}}}}};
}

json errors() {
  json e = answer("An error: {\"error\": {\"code\", \"message\"}}", "Error");
  return {{"400", e}, {"401", e}, {"403", e}, {"404", e}, {"409", e}, {"413", e}, {"422", e}};
}

json op(const std::string& summary, const std::string& ok_code, const json& ok, bool auth,
        const json& request = nullptr) {
  json o = {{"summary", summary}, {"responses", errors()}};
  o["responses"][ok_code] = ok;
  if (auth) o["security"] = json::array({{{"bearer", json::array()}}});
  if (!request.is_null()) o["requestBody"] = request;
  return o;
}

json path_param(const std::string& name, const std::string& what) {
  return {{"name", name}, {"in", "path"}, {"required", true}, {"description", what}, {"schema", {{"type", "string"}}}};
}

json strings() { return {{"type", "array"}, {"items", {{"type", "string"}}}}; }

json schemas() {
  json s;
  json error_fields = {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}};
  s["Error"] = {{"type", "object"},
                {"properties", {{"error", {{"type", "object"}, {"properties", error_fields}}}}}};
  s["Meeting"] = {{"type", "object"},
                  {"required", {"number", "city", "start_date", "end_date", "time_zone", "mode", "id_cutoff", "dispatch_mode"}},
                  {"properties",
                   {{"number", {{"type", "string"}, {"example", "121"}}},
                    {"type", {{"type", "string"}, {"enum", {"plenary", "interim"}}}},
                    {"city", {{"type", "string"}}},
                    {"start_date", {{"type", "string"}, {"format", "date"}}},
                    {"end_date", {{"type", "string"}, {"format", "date"}}},
                    {"time_zone", {{"type", "string"}, {"example", "Europe/Dublin"}}},
                    {"mode", {{"type", "string"}, {"enum", {"in-person", "hybrid", "virtual"}}}},
                    {"id_cutoff", {{"type", "string"}, {"format", "date-time"}}},
                    {"dispatch_mode", {{"type", "string"}, {"enum", {"per-area", "consolidated"}}}}}}};
  s["Draft"] = {{"type", "object"},
                {"required", {"name", "rev", "submitted_at"}},
                {"properties",
                 {{"name", {{"type", "string"}, {"example", "draft-foo-bar"}}},
                  {"rev", {{"type", "string"}, {"pattern", "^[0-9]{2}$"}}},
                  {"title", {{"type", "string"}}},
                  {"submitted_at", {{"type", "string"}, {"format", "date-time"}}},
                  {"authors", strings()},
                  {"replaces", strings()}}}};
  s["DispatchRequest"] = {{"type", "object"},
                          {"required", {"draft", "rev", "presenter", "question", "areas"}},
                          {"properties",
                           {{"draft", {{"type", "string"}}},
                            {"rev", {{"type", "string"}}},
                            {"presenter", {{"type", "string"}, {"format", "email"}}},
                            {"question", {{"type", "string"}}},
                            {"areas", strings()},
                            {"minutes", {{"type", "integer"}, {"default", 12}, {"minimum", 1}, {"maximum", 120}}},
                            {"venue", {{"type", "string"}, {"description", "per-area mode: dispatch, secdispatch, gendispatch, rtgwg, tsvwg, opsawg, intarea"}}}}}};
  s["Created"] = {{"type", "object"},
                  {"description", "The stored request, with its id, venue, state and flags (resubmission, rerouted, shopping, ...)"},
                  {"properties", {{"id", {{"type", "integer"}}}, {"flags", strings()}}}};
  s["Decision"] = {{"type", "object"},
                   {"required", {"decision"}},
                   {"properties", {{"decision", {{"type", "string"}, {"enum", {"accept", "decline"}}}}, {"reason", {{"type", "string"}}}}}};
  s["Outcome"] = {{"type", "object"},
                  {"required", {"outcome"}},
                  {"properties",
                   {{"outcome", {{"type", "string"}, {"enum", {"existing-wg", "new-wg", "bof", "ad-sponsored", "more-discussion", "not-ietf", "other-dispatch"}}}},
                    {"target", {{"type", "string"}, {"description", "WG, AD, mailing list or venue"}}},
                    {"notes", {{"type", "string"}}}}}};
  s["Arrange"] = {{"type", "object"},
                  {"properties", {{"position", {{"type", "integer"}, {"minimum", 1}}}, {"minutes", {{"type", "integer"}, {"minimum", 1}, {"maximum", 120}}}}}};
  s["Session"] = {{"type", "object"},
                  {"properties", {{"venue", {{"type", "string"}}}, {"minutes", {{"type", "integer"}}}, {"chairs_table", strings()}}}};
  s["Agenda"] = {{"type", "object"}, {"description", "The public agenda: meeting, venue, session and used minutes, overflow, chairs' table, numbered items"}};
  s["History"] = {{"type", "object"},
                  {"properties",
                   {{"draft", {{"type", "string"}}},
                    {"events", {{"type", "array"}, {"items", {{"type", "object"}, {"properties", {{"meeting", {{"type", "string"}}}, {"venue", {{"type", "string"}}}, {"state", {{"type", "string"}}}, {"outcome", {{"type", "string"}}}, {"at", {{"type", "string"}, {"format", "date-time"}}}}}}}}}}}};
  s["NewTelechat"] = {{"type", "object"},
                      {"required", {"date", "kind"}},
                      {"properties",
                       {{"date", {{"type", "string"}, {"format", "date"}}},
                        {"kind", {{"type", "string"}, {"enum", {"informal", "formal"}}}},
                        {"call", {{"type", "object"}, {"description", "PRIVATE: url, number, password"}}}}}};
  s["TelechatItem"] = {{"type", "object"},
                       {"required", {"section", "title"}},
                       {"properties",
                        {{"section", {{"type", "string"}, {"enum", {"administrivia", "document-discussions", "management-issues", "wg-news", "documents-to-swap", "aob", "executive-sessions", "parking-lot", "deferred"}}}},
                         {"title", {{"type", "string"}}},
                         {"owner", {{"type", "string"}}},
                         {"body", {{"type", "string"}}},
                         {"links", strings()},
                         {"experiment", {{"type", "string"}, {"example", "alldispatch"}}}}}};
  s["Telechat"] = {{"type", "object"}, {"description", "date, kind, meeting (derived), status line, sections with numbered items"}};
  s["Series"] = {{"type", "object"},
                 {"required", {"first_date"}},
                 {"properties",
                  {{"first_date", {{"type", "string"}, {"format", "date"}}},
                   {"interval_days", {{"type", "integer"}, {"default", 14}}},
                   {"start_time", {{"type", "string"}, {"example", "10:00"}}},
                   {"duration_minutes", {{"type", "integer"}, {"default", 120}}},
                   {"time_zone", {{"type", "string"}, {"default", "America/New_York"}}},
                   {"moved", {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}},
                   {"cancelled", strings()}}}};
  s["WgAgendaEntry"] = {{"type", "object"}, {"required", {"group", "draft"}}, {"properties", {{"group", {{"type", "string"}}}, {"draft", {{"type", "string"}}}}}};
  s["HotRfc"] = {{"type", "object"}, {"required", {"draft"}}, {"properties", {{"draft", {{"type", "string"}}}}}};
  return s;
}

json paths() {
  json number = path_param("number", "meeting number, e.g. 121");
  json id = path_param("id", "dispatch request id");
  json p;
  p["/meetings"]["get"] = op("List meetings", "200", {{"description", "meetings"}}, false);
  p["/meetings"]["post"] = op("Create a meeting (secretariat)", "201", answer("the meeting", "Meeting"), true, body("Meeting"));
  p["/meetings/{number}"]["get"] = op("A meeting", "200", answer("the meeting", "Meeting"), false);
  p["/meetings/{number}"]["parameters"] = {number};
  p["/drafts"]["post"] = op("Record an Internet-Draft revision", "201", answer("the draft", "Draft"), true, body("Draft"));
  p["/drafts/{name}"]["get"] = op("A draft with its revisions", "200", answer("the draft", "Draft"), false);
  p["/drafts/{name}"]["parameters"] = {path_param("name", "draft name")};
  p["/drafts/{name}/dispatch-history"]["get"] = op("Dispatch history of a draft and its replaces family", "200", answer("history", "History"), false);
  p["/drafts/{name}/dispatch-history"]["parameters"] = {path_param("name", "draft name")};
  p["/meetings/{number}/dispatch/requests"]["post"] = op("Ask for dispatch time (signed-in proponent)", "201", answer("created", "Created"), true, body("DispatchRequest"));
  p["/meetings/{number}/dispatch/requests"]["parameters"] = {number};
  p["/meetings/{number}/dispatch/agenda"]["get"] = op("The published dispatch agenda (?venue= in per-area mode)", "200", answer("agenda", "Agenda"), false);
  p["/meetings/{number}/dispatch/agenda"]["parameters"] = {number, {{"name", "venue"}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}}};
  p["/meetings/{number}/dispatch/session"]["put"] = op("Set session length and chairs' table (chairs)", "200", answer("session", "Session"), true, body("Session"));
  p["/meetings/{number}/dispatch/session"]["parameters"] = {number};
  p["/meetings/{number}/wg-agendas"]["post"] = op("List a draft on a WG's session agenda (WG chair)", "201", answer("entry", "WgAgendaEntry"), true, body("WgAgendaEntry"));
  p["/meetings/{number}/wg-agendas"]["get"] = op("Drafts on WG session agendas", "200", {{"description", "entries"}}, false);
  p["/meetings/{number}/wg-agendas"]["parameters"] = {number};
  p["/meetings/{number}/hotrfc"]["post"] = op("Record a HotRFC topic (secretariat)", "201", {{"description", "recorded"}}, true, body("HotRfc"));
  p["/meetings/{number}/hotrfc"]["parameters"] = {number};
  p["/dispatch/requests/{id}"]["get"] = op("A dispatch request", "200", answer("request", "Created"), false);
  p["/dispatch/requests/{id}"]["parameters"] = {id};
  p["/dispatch/requests/{id}/decision"]["post"] = op("Accept or decline (chairs)", "200", answer("request", "Created"), true, body("Decision"));
  p["/dispatch/requests/{id}/decision"]["parameters"] = {id};
  p["/dispatch/requests/{id}/outcome"]["post"] = op("Record the outcome (chairs)", "200", answer("request", "Created"), true, body("Outcome"));
  p["/dispatch/requests/{id}/outcome"]["parameters"] = {id};
  p["/dispatch/requests/{id}/arrange"]["post"] = op("Move on the agenda or change minutes (chairs)", "200", answer("request", "Created"), true, body("Arrange"));
  p["/dispatch/requests/{id}/arrange"]["parameters"] = {id};
  p["/dispatch/suggest"]["get"] = op("The per-area venue suggested for the areas a request spans", "200", {{"description", "{areas, venue}"}}, false);
  p["/dispatch/suggest"]["parameters"] = {{{"name", "areas"}, {"in", "query"}, {"required", true}, {"description", "comma-separated, e.g. art,sec"}, {"schema", {{"type", "string"}}}}};
  json date = path_param("date", "telechat date, YYYY-MM-DD");
  p["/telechats"]["post"] = op("Create a telechat (IESG, secretariat); an informal one carries over open parking-lot and deferred items", "201", answer("the agenda", "Telechat"), true, body("NewTelechat"));
  p["/telechats/import"]["post"] = op("Import an IESG wiki agenda page (Markdown body; ?replace=true to overwrite)", "201", answer("the agenda", "Telechat"), true);
  p["/telechats/series"]["get"] = op("Series settings (cadence, moved and cancelled dates)", "200", {{"description", "{series: [...]}"}}, false);
  p["/telechats/series/{kind}"]["put"] = op("Set the series of informal or formal telechats", "200", {{"description", "the settings"}}, true, body("Series"));
  p["/telechats/series/{kind}"]["parameters"] = {path_param("kind", "informal or formal")};
  p["/telechats/{date}"]["get"] = op("The agenda, with \"meeting\": true|false derived; call details only for IESG and secretariat", "200", answer("the agenda", "Telechat"), false);
  p["/telechats/{date}"]["parameters"] = {date};
  p["/telechats/{date}/items"]["post"] = op("Add an item to a section", "201", {{"description", "{id, agenda}"}}, true, body("TelechatItem"));
  p["/telechats/{date}/items"]["parameters"] = {date};
  for (const char* action : {"close", "move"}) {
    std::string path = std::string("/telechats/{date}/items/{id}/") + action;
    p[path]["post"] = op(std::string(action) == "close" ? "Close an item (stops carry-over)" : "Move an item: {section}", "200", {{"description", "done"}}, true);
    p[path]["parameters"] = {date, path_param("id", "item id")};
  }
  p["/telechats/{date}/regrets"]["post"] = op("Send regrets: {member}", "200", {{"description", "done"}}, true);
  p["/telechats/{date}/regrets"]["parameters"] = {date};
  p["/telechats/{date}/cancel"]["post"] = op("Cancel (or with {cancelled: false} restore) a telechat", "200", {{"description", "done"}}, true);
  p["/telechats/{date}/cancel"]["parameters"] = {date};
  p["/telechats/{date}/documents"]["post"] = op("Formal agenda: place a document {section, name, title, responsible}", "200", {{"description", "done"}}, true);
  p["/telechats/{date}/documents"]["parameters"] = {date};
  p["/telechats/{date}/wg-actions"]["post"] = op("Formal agenda: place a working-group action", "200", {{"description", "done"}}, true);
  p["/telechats/{date}/wg-actions"]["parameters"] = {date};
  p["/me"]["get"] = op("Who the token belongs to", "200", {{"description", "the person"}}, true);
  return p;
}

}  // namespace

http::Response openapi_document() {
  static const std::string doc = json{{"openapi", "3.0.3"},
                                      {"info", {{"title", "convene API"}, {"version", "1"}}},
                                      {"servers", {{{"url", "/api/v1"}}}},
                                      {"paths", paths()},
                                      {"components",
                                       {{"schemas", schemas()},
                                        {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}}
                                     .dump(2);
  http::Response r;
  r.content_type = "application/json";
  r.body = doc;
  return r;
}

}  // namespace convene::web
