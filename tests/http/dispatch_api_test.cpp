// End to end: the JSON API of meetings, drafts and dispatch against a real
// server on a loopback port with a real SQLite database.
#include <gtest/gtest.h>

#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::TestServer;

json meeting_body(const std::string& number, const std::string& mode) {
  return {{"number", number}, {"type", "plenary"}, {"city", "Dublin"}, {"start_date", "2024-11-02"},
          {"end_date", "2024-11-08"}, {"time_zone", "Europe/Dublin"}, {"mode", "in-person"},
          {"id_cutoff", "2024-10-21T23:59:00Z"}, {"dispatch_mode", mode}};
}

json draft_body(const std::string& name, const std::string& rev, const std::string& at,
                std::vector<std::string> replaces = {}) {
  return {{"name", name}, {"rev", rev}, {"title", "A title"}, {"submitted_at", at},
          {"authors", {"Ada"}}, {"replaces", replaces}};
}

json request_body(const std::string& draft, const std::string& rev) {
  return {{"draft", draft}, {"rev", rev}, {"presenter", "ada@example.org"},
          {"question", "Where should this go?"}, {"areas", {"art", "sec"}}};
}

class DispatchApi : public ::testing::Test {
 protected:
  TestServer server{parse_rfc3339("2024-10-25T00:00:00Z", "now").value()};
  std::string secretariat = server.token_for("sec@example.org", {"secretariat"});
  std::string proponent = server.token_for("ada@example.org", {});
  std::string chair = server.token_for("chair@example.org", {"chair:secdispatch"});
  std::string wg_chair = server.token_for("http@example.org", {"chair:httpbis"});

  void SetUp() override {
    ASSERT_EQ(server.post("/api/v1/meetings", meeting_body("121", "consolidated"), secretariat).status, 201);
    ASSERT_EQ(server.post("/api/v1/drafts", draft_body("draft-foo-bar", "00", "2024-10-20T10:00:00Z"), secretariat).status, 201);
  }

  std::string code(const testing::HttpResult& r) { return r.json()["error"]["code"].get<std::string>(); }

  std::int64_t request_id(const testing::HttpResult& r) { return r.json()["id"].get<std::int64_t>(); }
};

TEST_F(DispatchApi, MeetingNeedsSecretariatAndValidBody) {
  auto anon = server.post("/api/v1/meetings", meeting_body("122", "per-area"));
  EXPECT_EQ(anon.status, 401);
  EXPECT_EQ(code(anon), "unauthorized");
  EXPECT_EQ(server.post("/api/v1/meetings", meeting_body("122", "per-area"), "not-a-token").status, 401);
  EXPECT_EQ(server.post("/api/v1/meetings", meeting_body("122", "per-area"), proponent).status, 403);
  json bad = meeting_body("122", "sometimes");
  auto r = server.post("/api/v1/meetings", bad, secretariat);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.json()["error"]["message"].get<std::string>().find("dispatch_mode"), std::string::npos);
  EXPECT_EQ(server.post("/api/v1/meetings", meeting_body("121", "per-area"), secretariat).status, 409);
  auto got = server.get("/api/v1/meetings/121");
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.json()["dispatch_mode"], "consolidated");
  EXPECT_EQ(server.get("/api/v1/meetings/999").status, 404);
}

TEST_F(DispatchApi, MalformedInputIsA4xxWithCode) {
  auto r = testing::http_request("POST", server.url("/api/v1/meetings/121/dispatch/requests"), "{not json",
                                 {"Authorization: Bearer " + proponent});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(code(r), "bad_json");
  json wrong = request_body("draft-foo-bar", "00");
  wrong["minutes"] = "ten";
  r = server.post("/api/v1/meetings/121/dispatch/requests", wrong, proponent);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.json()["error"]["message"].get<std::string>().find("minutes"), std::string::npos);
  r = server.post("/api/v1/dispatch/requests/abc/decision", {{"decision", "accept"}}, chair);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(server.post("/api/v1/dispatch/requests/9999/decision", {{"decision", "accept"}}, chair).status, 404);
  std::string huge(2 << 20, 'x');
  r = testing::http_request("POST", server.url("/api/v1/drafts"), huge, {"Authorization: Bearer " + proponent});
  EXPECT_EQ(r.status, 413);
}

TEST_F(DispatchApi, RequestRulesRefuseWithCodes) {
  auto r = server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-nobody", "00"), proponent);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(code(r), "draft_unknown");

  server.post("/api/v1/drafts", draft_body("draft-foo-bar", "01", "2024-10-22T08:00:00Z"), secretariat);
  r = server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-foo-bar", "01"), proponent);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(code(r), "draft_after_cutoff");

  server.post("/api/v1/drafts", draft_body("draft-wg-topic", "00", "2024-10-01T08:00:00Z"), secretariat);
  EXPECT_EQ(server.post("/api/v1/meetings/121/wg-agendas", {{"group", "httpbis"}, {"draft", "draft-wg-topic"}}, proponent).status, 403);
  ASSERT_EQ(server.post("/api/v1/meetings/121/wg-agendas", {{"group", "httpbis"}, {"draft", "draft-wg-topic"}}, wg_chair).status, 201);
  r = server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-wg-topic", "00"), proponent);
  EXPECT_EQ(code(r), "on_wg_agenda");

  server.post("/api/v1/drafts", draft_body("draft-hot", "00", "2024-10-01T08:00:00Z"), secretariat);
  ASSERT_EQ(server.post("/api/v1/meetings/121/hotrfc", {{"draft", "draft-hot"}}, secretariat).status, 201);
  r = server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-hot", "00"), proponent);
  EXPECT_EQ(code(r), "hotrfc_topic");

  r = server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-foo-bar", "00"), proponent);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["venue"], "alldispatch");
  EXPECT_TRUE(r.json()["flags"].is_array());
  r = server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-foo-bar", "00"), proponent);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code(r), "duplicate_request");
}

TEST_F(DispatchApi, ChairsDecideArrangeAndRecordOutcomes) {
  auto created = server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-foo-bar", "00"), proponent);
  ASSERT_EQ(created.status, 201);
  auto id = std::to_string(request_id(created));
  EXPECT_EQ(server.post("/api/v1/dispatch/requests/" + id + "/decision", {{"decision", "accept"}}, proponent).status, 403);
  auto early = server.post("/api/v1/dispatch/requests/" + id + "/outcome", {{"outcome", "bof"}}, chair);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(code(early), "not_accepted");
  auto accepted = server.post("/api/v1/dispatch/requests/" + id + "/decision", {{"decision", "accept"}}, chair);
  ASSERT_EQ(accepted.status, 200) << accepted.body;

  auto agenda = server.get("/api/v1/meetings/121/dispatch/agenda");
  ASSERT_EQ(agenda.status, 200);
  EXPECT_NE(agenda.body.find("draft-foo-bar"), std::string::npos);
  EXPECT_EQ(agenda.body.find("requested_by"), std::string::npos);

  auto arranged = server.post("/api/v1/dispatch/requests/" + id + "/arrange", {{"minutes", 100}}, chair);
  ASSERT_EQ(arranged.status, 200) << arranged.body;
  agenda = server.get("/api/v1/meetings/121/dispatch/agenda");
  EXPECT_EQ(agenda.json()["overflow_minutes"], 10) << agenda.body;

  auto adopt = server.post("/api/v1/dispatch/requests/" + id + "/outcome", {{"outcome", "adopt"}}, chair);
  EXPECT_EQ(adopt.status, 400);
  auto done = server.post("/api/v1/dispatch/requests/" + id + "/outcome",
                          {{"outcome", "existing-wg"}, {"target", "httpbis"}, {"notes", "go"}}, chair);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["state"], "dispatched");

  // Directed to httpbis: that WG may now list it, another may not.
  EXPECT_EQ(server.post("/api/v1/meetings/121/wg-agendas", {{"group", "httpbis"}, {"draft", "draft-foo-bar"}}, wg_chair).status, 201);
  std::string other = server.token_for("quic@example.org", {"chair:quic"});
  auto refused = server.post("/api/v1/meetings/121/wg-agendas", {{"group", "quic"}, {"draft", "draft-foo-bar"}}, other);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(code(refused), "on_dispatch_agenda");

  auto history = server.get("/api/v1/drafts/draft-foo-bar/dispatch-history");
  ASSERT_EQ(history.status, 200);
  auto events = history.json()["events"];
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events[0]["state"], "requested");
  EXPECT_EQ(events.back()["outcome"], "existing-wg");
}

TEST_F(DispatchApi, ResubmissionOfReplacedDraftIsFlaggedWithHistory) {
  ASSERT_EQ(server.post("/api/v1/meetings", meeting_body("120", "per-area"), secretariat).status, 201);
  auto first = server.post("/api/v1/meetings/120/dispatch/requests",
                           [] { json b = request_body("draft-foo-bar", "00"); b["venue"] = "secdispatch"; return b; }(),
                           proponent);
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_EQ(server.post("/api/v1/drafts", draft_body("draft-ietf-foo", "00", "2024-10-21T10:00:00Z", {"draft-foo-bar"}), secretariat).status, 201);
  auto again = server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-ietf-foo", "00"), proponent);
  ASSERT_EQ(again.status, 201) << again.body;
  auto flags = again.json()["flags"];
  EXPECT_NE(std::find(flags.begin(), flags.end(), "resubmission"), flags.end()) << again.body;
  auto history = server.get("/api/v1/drafts/draft-ietf-foo/dispatch-history").json();
  EXPECT_EQ(history["events"].size(), 2u);
  EXPECT_EQ(history["events"][0]["venue"], "secdispatch");
}

TEST_F(DispatchApi, PerAreaNeedsAVenueAndSuggestsOne) {
  ASSERT_EQ(server.post("/api/v1/meetings", meeting_body("120", "per-area"), secretariat).status, 201);
  auto r = server.post("/api/v1/meetings/120/dispatch/requests", request_body("draft-foo-bar", "00"), proponent);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(code(r), "venue_required");
  auto s = server.get("/api/v1/dispatch/suggest?areas=sec");
  ASSERT_EQ(s.status, 200);
  EXPECT_EQ(s.json()["venue"], "secdispatch");
  EXPECT_EQ(server.get("/api/v1/dispatch/suggest").status, 400);
}

// Issue 10: nobody rewrites another person's draft, and a back-dated
// submission time gains nothing unless the secretariat recorded it.
TEST_F(DispatchApi, DraftsAreTheirRecordersAndBackDatingGainsNothing) {
  std::string mallory = server.token_for("mallory@example.org", {});
  auto forged = server.post("/api/v1/drafts", draft_body("draft-foo-bar", "01", "2024-10-20T11:00:00Z"), mallory);
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(server.get("/api/v1/drafts/draft-foo-bar").json()["revisions"].size(), 1u);

  ASSERT_EQ(server.post("/api/v1/drafts", draft_body("draft-mallory-x", "00", "2024-10-01T08:00:00Z"), mallory).status,
            201);
  auto late = server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-mallory-x", "00"), mallory);
  EXPECT_EQ(late.status, 422);
  EXPECT_EQ(code(late), "draft_after_cutoff");
  EXPECT_NE(late.json()["error"]["message"].get<std::string>().find("without the secretariat's confirmation"),
            std::string::npos);
  EXPECT_EQ(server.post("/api/v1/drafts", draft_body("draft-mallory-x", "01", "2024-10-24T08:00:00Z"), mallory).status,
            201);  // the recorder adds revisions to their own draft
}

TEST_F(DispatchApi, EveryChangeIsAudited) {
  server.post("/api/v1/meetings/121/dispatch/requests", request_body("draft-foo-bar", "00"), proponent);
  std::vector<AuditEntry> log;
  ASSERT_TRUE(server.store().read([&](Repositories& r) { log = r.audit().recent(10).value(); return ok_status(); }).ok());
  ASSERT_GE(log.size(), 4u);
  EXPECT_EQ(log[0].action, "dispatch.request");
  EXPECT_EQ(log[0].actor, "ada@example.org");
  EXPECT_EQ(log[1].action, "draft.submit");
  // Meeting 121 is consolidated: its joint dispatch session is filed with it.
  EXPECT_EQ(log[2].action, "session-request.file");
  EXPECT_EQ(log[3].action, "meeting.create");
}

TEST_F(DispatchApi, OpenApiDescribesTheApi) {
  auto r = server.get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  auto doc = r.json();
  EXPECT_EQ(doc["openapi"], "3.0.3");
  for (const char* p : {"/meetings", "/meetings/{number}", "/drafts", "/meetings/{number}/dispatch/requests",
                        "/dispatch/requests/{id}/decision", "/meetings/{number}/dispatch/agenda",
                        "/dispatch/requests/{id}/outcome", "/drafts/{name}/dispatch-history", "/telechats",
                        "/telechats/{date}", "/telechats/{date}/items", "/telechats/series/{kind}"})
    EXPECT_TRUE(doc["paths"].contains(p)) << p;
}

}  // namespace
}  // namespace convene
