// The OpenAPI 3 description of /api/v1, served at /api/v1/openapi.json.
#include <nlohmann/json.hpp>

#include <map>

#include "convene/auth/tokens.h"
#include "convene/dispatch/dispatch.h"
#include "convene/meeting/meeting.h"
#include "handlers.h"

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

json outcome_names() {
  json out = json::array();
  for (OutcomeKind k : outcome_kinds()) out.push_back(to_string(k));
  return out;
}

json venue_names() {
  json out = json(dispatch_venues());
  out.push_back(kAllDispatch);
  return out;
}

json schemas() {
  json s;
  json error_fields = {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}};
  s["Error"] = {{"type", "object"},
                {"description", "Every error. Input errors of any field use three codes: missing_field (a required "
                                "field is absent), bad_type (the wrong JSON type), bad_value (the right type, a value "
                                "that is not allowed); the message starts with the field's name. Rules have codes of "
                                "their own (e.g. draft_after_cutoff, duplicate_request)."},
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
                            {"presenter", {{"type", "string"}, {"maxLength", 200}, {"description", "a name or an e-mail address; public agendas show an address as the name of its person on record, else only its part before the @"}}},
                            {"question", {{"type", "string"}}},
                            {"areas", strings()},
                            {"minutes", {{"type", "integer"}, {"default", kDefaultRequestMinutes}, {"minimum", 1}, {"maximum", 120}}},
                            {"venue", {{"type", "string"}, {"enum", venue_names()}, {"description", "per-area mode: the venue; consolidated mode: ignored (ALLDISPATCH)"}}}}}};
  s["Created"] = {{"type", "object"},
                  {"description", "The stored request, with its id, venue, state and flags (resubmission, rerouted, shopping, ...)"},
                  {"properties", {{"id", {{"type", "integer"}}}, {"flags", strings()}}}};
  s["Decision"] = {{"type", "object"},
                   {"required", {"decision"}},
                   {"properties", {{"decision", {{"type", "string"}, {"enum", {"accept", "decline"}}}}, {"reason", {{"type", "string"}}}}}};
  s["Outcome"] = {{"type", "object"},
                  {"required", {"outcome"}},
                  {"properties",
                   {{"outcome", {{"type", "string"}, {"enum", outcome_names()}}},
                    {"target", {{"type", "string"}, {"description", "WG, AD, mailing list or venue"}}},
                    {"notes", {{"type", "string"}}},
                    {"reason", {{"type", "string"}, {"maxLength", 1000},
                                {"description", "on a dispatched request: why its outcome is corrected (the old one is kept in corrections)"}}}}}};
  s["RequestEdit"] = {{"type", "object"},
                      {"required", {"presenter", "question", "areas"}},
                      {"properties",
                       {{"presenter", {{"type", "string"}, {"maxLength", 200}}},
                        {"question", {{"type", "string"}, {"maxLength", 2000}}},
                        {"areas", strings()},
                        {"minutes", {{"type", "integer"}, {"default", kDefaultRequestMinutes}, {"minimum", 1}, {"maximum", 120}}}}}};
  s["Empty"] = {{"type", "object"}, {"description", "{} (no fields)"}};
  s["MyRequests"] = {{"type", "object"},
                     {"properties", {{"requests", {{"type", "array"}, {"items", {{"type", "object"}, {"description", "a request with its draft's title"}}}}}}}};
  s["Arrange"] = {{"type", "object"},
                  {"properties", {{"position", {{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}}}, {"minutes", {{"type", "integer"}, {"minimum", 1}, {"maximum", 120}}}}}};
  s["Session"] = {{"type", "object"},
                  {"properties", {{"venue", {{"type", "string"}}}, {"minutes", {{"type", "integer"}, {"minimum", 15}, {"maximum", 480}, {"default", kDefaultSessionMinutes}}}, {"chairs_table", strings()}}}};
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
  s["NewToken"] = {{"type", "object"},
                   {"required", {"name"}},
                   {"properties",
                    {{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxTokenName}}},
                     {"expires_in_days", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxTokenDays},
                                          {"description", "absent: never expires"}}}}}};
  s["Token"] = {{"type", "object"},
                {"description", "An API token; `token`, the secret, only in the answer that creates it"},
                {"properties",
                 {{"id", {{"type", "integer"}}},
                  {"name", {{"type", "string"}}},
                  {"token", {{"type", "string"}}},
                  {"created_at", {{"type", "string"}, {"format", "date-time"}}},
                  {"expires_at", {{"type", "string"}, {"format", "date-time"}, {"nullable", true}}},
                  {"last_used_at", {{"type", "string"}, {"format", "date-time"}, {"nullable", true}}}}}};
  s["PasswordChange"] = {{"type", "object"},
                         {"required", {"current", "new"}},
                         {"properties", {{"current", {{"type", "string"}}}, {"new", {{"type", "string"}}}}}};
  s["HotRfc"] = {{"type", "object"}, {"required", {"draft"}}, {"properties", {{"draft", {{"type", "string"}}}}}};
  return s;
}

// What the table does not say of an API route: its request body's schema
// (if any), its success status and its answer's schema ("" for none).
struct Shape {
  const char* request;
  const char* ok;
  const char* answer;
};

const std::map<std::string, Shape>& shapes() {
  static const std::map<std::string, Shape> m = {
      {"POST /api/v1/meetings", {"Meeting", "201", "Meeting"}},
      {"GET /api/v1/meetings/{number}", {"", "200", "Meeting"}},
      {"POST /api/v1/drafts", {"Draft", "201", "Draft"}},
      {"GET /api/v1/drafts/{name}", {"", "200", "Draft"}},
      {"POST /api/v1/me/tokens", {"NewToken", "201", "Token"}},
      {"POST /api/v1/me/password", {"PasswordChange", "200", ""}},
      {"GET /api/v1/drafts/{name}/dispatch-history", {"", "200", "History"}},
      {"POST /api/v1/meetings/{number}/dispatch/requests", {"DispatchRequest", "201", "Created"}},
      {"GET /api/v1/meetings/{number}/dispatch/agenda", {"", "200", "Agenda"}},
      {"PUT /api/v1/meetings/{number}/dispatch/session", {"Session", "200", "Session"}},
      {"POST /api/v1/meetings/{number}/wg-agendas", {"WgAgendaEntry", "201", "WgAgendaEntry"}},
      {"POST /api/v1/meetings/{number}/hotrfc", {"HotRfc", "201", ""}},
      {"GET /api/v1/dispatch/requests/{id}", {"", "200", "Created"}},
      {"POST /api/v1/dispatch/requests/{id}/decision", {"Decision", "200", "Created"}},
      {"POST /api/v1/dispatch/requests/{id}/outcome", {"Outcome", "200", "Created"}},
      {"POST /api/v1/dispatch/requests/{id}/arrange", {"Arrange", "200", "Created"}},
      {"POST /api/v1/dispatch/requests/{id}/withdraw", {"Empty", "200", "Created"}},
      {"POST /api/v1/dispatch/requests/{id}/edit", {"RequestEdit", "200", "Created"}},
      {"POST /api/v1/dispatch/requests/{id}/undo-decline", {"Empty", "200", "Created"}},
      {"GET /api/v1/me/dispatch-requests", {"", "200", "MyRequests"}},
      {"POST /api/v1/telechats", {"NewTelechat", "201", "Telechat"}},
      {"POST /api/v1/telechats/import", {"", "201", "Telechat"}},
      {"PUT /api/v1/telechats/series/{kind}", {"Series", "200", ""}},
      {"GET /api/v1/telechats/{date}", {"", "200", "Telechat"}},
      {"POST /api/v1/telechats/{date}/items", {"TelechatItem", "201", ""}},
  };
  return m;
}

// The {name} parameters of a path pattern.
json parameters(const std::string& pattern) {
  static const std::map<std::string, std::string> meaning = {
      {"number", "meeting number, e.g. 121"}, {"id", "id"}, {"name", "draft name"},
      {"date", "telechat date, YYYY-MM-DD"},  {"kind", "informal or formal"}};
  json out = json::array();
  for (std::size_t at = pattern.find('{'); at != std::string::npos; at = pattern.find('{', at + 1)) {
    std::string name = pattern.substr(at + 1, pattern.find('}', at) - at - 1);
    out.push_back(path_param(name, meaning.count(name) ? meaning.at(name) : name));
  }
  return out;
}

json operation(const RouteSpec& r) {
  std::string key = std::string(http::method_name(r.method)) + " " + r.pattern;
  Shape shape = shapes().count(key) ? shapes().at(key) : Shape{"", "200", ""};
  json ok = *shape.answer ? answer("done", shape.answer) : json{{"description", "done"}};
  bool writes = r.method != http::Method::get;
  bool signed_in = writes || std::string_view(r.pattern).starts_with("/api/v1/me");
  json o = op(r.summary, shape.ok, ok, signed_in, *shape.request ? body(shape.request) : json());
  if (auto params = parameters(r.pattern); !params.empty()) o["parameters"] = params;
  return o;
}

// Every /api/v1 route of the route table, and nothing else.
json paths() {
  json p = json::object();
  const std::string prefix = "/api/v1";
  for (const RouteSpec& r : route_table()) {
    std::string pattern = r.pattern;
    if (!pattern.starts_with(prefix + "/") || pattern == "/api/v1/openapi.json") continue;
    std::string method(http::method_name(r.method));
    for (char& c : method) c = static_cast<char>(c - 'A' + 'a');
    p[pattern.substr(prefix.size())][method] = operation(r);
  }
  for (const char* name : {"limit", "offset"})
    p["/meetings"]["get"]["parameters"].push_back(
        {{"name", name}, {"in", "query"}, {"required", false}, {"schema", {{"type", "integer"}}}});
  for (const char* name : {"limit", "offset"})
    p["/drafts"]["get"]["parameters"].push_back(
        {{"name", name}, {"in", "query"}, {"required", false}, {"schema", {{"type", "integer"}}}});
  p["/drafts"]["get"]["parameters"].push_back({{"name", "q"}, {"in", "query"}, {"required", false},
                                               {"description", "text in the name or title, any case"},
                                               {"schema", {{"type", "string"}}}});
  json email = {{"name", "email"},     {"in", "query"}, {"required", false},
                {"description", "another person's tokens (secretariat)"}, {"schema", {{"type", "string"}}}};
  p["/me/tokens"]["get"]["parameters"].push_back(email);
  p["/me/tokens/{id}"]["delete"]["parameters"].push_back(email);
  p["/meetings/{number}/dispatch/agenda"]["get"]["parameters"].push_back(
      {{"name", "venue"}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
  p["/dispatch/suggest"]["get"]["parameters"] = {{{"name", "areas"}, {"in", "query"}, {"required", true},
                                                  {"description", "comma-separated, e.g. art,sec"},
                                                  {"schema", {{"type", "string"}}}}};
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
