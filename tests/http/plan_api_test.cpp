// End to end over a real server: IETF 83's requests loaded through the API,
// a schedule stored and one solved by a worker, made official, and the
// published agenda compared with the Datatracker's own rendering.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "convene/jobs/worker.h"
#include "http_client.h"

namespace convene {
namespace {

using nlohmann::json;
using testing::HttpResult;
using testing::TestServer;

std::string shared_file(const std::string& relative) {
  std::ifstream in(std::string(CONVENE_SHARED_DIR) + "/" + relative);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

class PlanApi : public ::testing::Test {
 protected:
  TestServer server{parse_rfc3339("2012-03-01T12:00:00Z", "now").value()};
  std::string secretariat = server.token_for("sec@example.org", {"secretariat"});
  std::string chair = server.token_for("chair@example.org", {"chair:quic"});

  HttpResult send(const std::string& method, const std::string& path, const std::string& body,
                  const std::string& token, std::vector<std::string> headers = {}) {
    headers.push_back("Content-Type: application/json");
    if (!token.empty()) headers.push_back("Authorization: Bearer " + token);
    return testing::http_request(method, server.url(path), body, headers);
  }

  void load_ietf83() {
    const std::string problem = shared_file("data/schedule/ietf83.problem.json");
    EXPECT_EQ(send("PUT", "/api/v1/meetings/83/schedule-problem", problem, chair).status, 403);
    auto r = send("PUT", "/api/v1/meetings/83/schedule-problem", problem, secretariat);
    ASSERT_EQ(r.status, 201) << r.body;
    json official = {{"name", "published"}, {"schedule", json::parse(shared_file("data/schedule/ietf83.official.json"))}};
    r = server.post("/api/v1/meetings/83/schedules", official, secretariat);
    ASSERT_EQ(r.status, 201) << r.body;
    r = server.post("/api/v1/meetings/83/schedules/published/official", json::object(), secretariat);
    ASSERT_EQ(r.status, 200) << r.body;
  }
};

// Session rows of a Datatracker CSV as "date start end room acronym".
std::multiset<std::string> session_rows(const std::string& csv, const std::set<std::string>& groups) {
  std::multiset<std::string> out;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);  // headings
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    for (std::size_t i = 0; i < line.size();) {
      const auto close = line.find("\",", i + 1);
      const auto end = close == std::string::npos ? line.size() - 1 : close;
      f.push_back(line.substr(i + 1, end - i - 1));
      i = end + 2;
    }
    if (f.size() >= 7 && groups.count(f[6])) out.insert(f[0] + " " + f[1] + " " + f[2] + " " + f[4] + " " + f[6]);
  }
  return out;
}

TEST_F(PlanApi, TheProblemExportsAsItWasLoaded) {
  load_ietf83();
  auto got = server.get("/api/v1/meetings/83/schedule-problem");
  ASSERT_EQ(got.status, 200);
  json want = json::parse(shared_file("data/schedule/ietf83.problem.json"));
  EXPECT_EQ(got.json()["sessions"].size(), want["sessions"].size());
  EXPECT_EQ(got.json()["constraints"].size(), want["constraints"].size());
  EXPECT_EQ(got.json()["timeslots"].size(), want["timeslots"].size());
  auto again = send("PUT", "/api/v1/meetings/83/schedule-problem", want.dump(), secretariat);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json()["error"]["code"], "plan_not_empty");
}

TEST_F(PlanApi, ThePublishedCsvHasEverySessionOfTheDatatrackersOwn) {
  load_ietf83();
  auto csv = server.get("/meetings/83/agenda.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  std::set<std::string> groups;
  const json problem = json::parse(shared_file("data/schedule/ietf83.problem.json"));
  for (const auto& s : problem["sessions"])
    groups.insert(s["group"].get<std::string>());
  auto ours = session_rows(csv.body, groups);
  auto theirs = session_rows(shared_file("data/agendas/agenda-83.csv"), groups);
  EXPECT_EQ(ours.size(), 130u);
  EXPECT_EQ(ours, theirs);
  // Filters: only the sec area, then without one of its groups.
  auto sec = session_rows(server.get("/meetings/83/agenda.csv?show=sec").body, groups);
  auto sec_no_tls = session_rows(server.get("/meetings/83/agenda.csv?show=sec&hide=tls").body, groups);
  EXPECT_GT(sec.size(), sec_no_tls.size());
  EXPECT_LT(sec.size(), ours.size());
}

TEST_F(PlanApi, EveryFormatAnswersConditionalRequestsAndGzip) {
  load_ietf83();
  for (const char* path : {"/meetings/83/agenda", "/meetings/83/agenda.json", "/meetings/83/agenda.csv",
                           "/meetings/83/agenda-utc.csv", "/meetings/83/agenda.txt", "/meetings/83/agenda-utc.txt",
                           "/meetings/83/agenda.ics"}) {
    auto first = server.get(path);
    ASSERT_EQ(first.status, 200) << path << first.body;
    const std::string etag = first.headers["etag"];
    ASSERT_FALSE(etag.empty()) << path;
    auto again = testing::http_request("GET", server.url(path), "", {"If-None-Match: " + etag});
    EXPECT_EQ(again.status, 304) << path;
    EXPECT_TRUE(again.body.empty()) << path;
    if (std::string(path) != "/meetings/83/agenda") {  // the feeds also say when they last changed
      const std::string since = first.headers["last-modified"];
      ASSERT_FALSE(since.empty()) << path;
      EXPECT_EQ(testing::http_request("GET", server.url(path), "", {"If-Modified-Since: " + since}).status, 304);
    }
    auto zipped = testing::http_request("GET", server.url(path), "", {"Accept-Encoding: gzip"});
    EXPECT_EQ(zipped.status, 200) << path;
    EXPECT_EQ(zipped.headers["content-encoding"], "gzip") << path;
    EXPECT_LT(zipped.body.size(), first.body.size()) << path;
  }
  EXPECT_EQ(server.get("/meetings/84/agenda.ics").status, 404);
}

TEST_F(PlanApi, TheSolverRunsAsAJobToCompletion) {
  load_ietf83();
  json solve = {{"name", "draft-2"}, {"solve", {{"time_limit_s", 2}, {"seed", 1}, {"start", "published"}}}};
  EXPECT_EQ(server.post("/api/v1/meetings/83/schedules", solve, chair).status, 403);
  auto started = server.post("/api/v1/meetings/83/schedules", solve, secretariat);
  ASSERT_EQ(started.status, 202) << started.body;
  const auto job = started.json()["job"].get<std::int64_t>();
  EXPECT_EQ(server.get("/api/v1/jobs/" + std::to_string(job)).json()["state"], "queued");
  EXPECT_EQ(server.get("/api/v1/meetings/83/schedules/draft-2").json()["state"], "queued");

  Worker worker(server.store(), standard_job_handlers());
  auto ran = worker.run_one();
  ASSERT_TRUE(ran.ok() && *ran);
  auto done = server.get("/api/v1/jobs/" + std::to_string(job));
  EXPECT_EQ(done.json()["state"], "done") << done.body;
  auto v = server.get("/api/v1/meetings/83/schedules/draft-2");
  ASSERT_EQ(v.status, 200);
  EXPECT_EQ(v.json()["state"], "ready") << v.body;
  EXPECT_LE(v.json()["cost"].get<std::int64_t>(), 1'695'000);  // it started from the published one
  EXPECT_TRUE(v.json()["bound"].is_number()) << v.body;
  EXPECT_EQ(v.json()["format"], "convene-schedule/1");
  auto list = server.get("/api/v1/meetings/83/schedules").json()["schedules"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["official"], true);
  EXPECT_EQ(list[0]["cost"], 1'695'000);
  auto diff = server.get("/api/v1/meetings/83/schedules/published/compare/draft-2");
  ASSERT_EQ(diff.status, 200) << diff.body;
  EXPECT_EQ(diff.json()["cost"]["from"], 1'695'000);
}

TEST_F(PlanApi, TheSecretariatStopsASolverThatHasNotEnded) {
  load_ietf83();
  json solve = {{"name", "long"}, {"solve", {{"time_limit_s", 600}}}};
  auto started = server.post("/api/v1/meetings/83/schedules", solve, secretariat);
  ASSERT_EQ(started.status, 202) << started.body;
  const std::string job = std::to_string(started.json()["job"].get<std::int64_t>());
  EXPECT_EQ(server.post("/api/v1/meetings/83/schedules/long/cancel", json::object(), chair).status, 403);
  auto stopped = server.post("/api/v1/meetings/83/schedules/long/cancel", json::object(), secretariat);
  ASSERT_EQ(stopped.status, 200) << stopped.body;
  EXPECT_EQ(server.get("/api/v1/jobs/" + job).json()["state"], "cancelled");
  EXPECT_EQ(server.get("/api/v1/meetings/83/schedules/long").json()["state"], "cancelled");
  // Nothing is left for a worker, and a second stop says why it cannot.
  Worker worker(server.store(), standard_job_handlers());
  EXPECT_FALSE(worker.run_one().value());
  auto again = server.post("/api/v1/meetings/83/schedules/long/cancel", json::object(), secretariat);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json()["error"]["code"], "not_solving");
  EXPECT_EQ(server.post("/api/v1/meetings/83/schedules/published/cancel", json::object(), secretariat).status, 409);
}

TEST_F(PlanApi, RoomsGridAndRequestsThroughTheApi) {
  json meeting = {{"number", "130"},          {"city", "Madrid"},          {"start_date", "2027-07-17"},
                  {"end_date", "2027-07-23"}, {"time_zone", "Europe/Madrid"}, {"id_cutoff", "2027-07-05T23:59:00Z"}};
  ASSERT_EQ(server.post("/api/v1/meetings", meeting, secretariat).status, 201);
  ASSERT_EQ(server.post("/api/v1/groups", {{"acronym", "quic"}, {"name", "QUIC"}, {"type", "wg"}, {"area", "wit"}},
                        secretariat).status, 200);
  ASSERT_EQ(server.post("/api/v1/groups", {{"acronym", "tls"}, {"name", "TLS"}, {"type", "wg"}, {"area", "sec"}},
                        secretariat).status, 200);
  EXPECT_EQ(server.post("/api/v1/meetings/130/rooms", {{"name", "Retiro"}}, chair).status, 403);
  auto room = server.post("/api/v1/meetings/130/rooms", {{"name", "Retiro"}, {"capacity", 250}}, secretariat);
  ASSERT_EQ(room.status, 201) << room.body;
  json grid = {{"days", {"2027-07-19"}},
               {"periods", {{{"start", "09:30"}, {"duration_min", 120}, {"name", "Morning Session I"}}}},
               {"rooms", {"Retiro"}}};
  auto slots = server.post("/api/v1/meetings/130/timeslots", grid, secretariat);
  ASSERT_EQ(slots.status, 201) << slots.body;
  EXPECT_EQ(slots.json()["added"][0]["start"], "2027-07-19T07:30:00Z");  // CEST is UTC+2
  json request = {{"group", "quic"},
                  {"sessions", {{{"duration_min", 120}, {"attendees", 200}}}},
                  {"conflicts", {{{"type", "chair_conflict"}, {"targets", {"tls"}}}}}};
  auto filed = server.post("/api/v1/meetings/130/session-requests", request, chair);
  ASSERT_EQ(filed.status, 201) << filed.body;
  const std::string id = std::to_string(filed.json()["id"].get<std::int64_t>());
  EXPECT_EQ(server.post("/api/v1/session-requests/" + id + "/approve", json::object(), chair).status, 403);
  auto approved = server.post("/api/v1/session-requests/" + id + "/approve", json::object(), secretariat);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["state"], "approved");
  json bad = request;
  bad["group"] = "tls";
  bad["timeranges"] = {"caturday-morning"};
  auto refused = server.post("/api/v1/meetings/130/session-requests", bad, secretariat);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json()["error"]["code"], "bad_timerange");
  auto problem = server.get("/api/v1/meetings/130/schedule-problem").json();
  EXPECT_EQ(problem["sessions"].size(), 1u);
  EXPECT_EQ(problem["timeslots"].size(), 1u);
}

}  // namespace
}  // namespace convene

namespace convene {
namespace {

TEST_F(PlanApi, ADatatrackerAgendaBecomesAMeetingWithItsPublishedAgenda) {
  const std::string file = shared_file("data/agendas/agenda_115.json");
  EXPECT_EQ(send("POST", "/api/v1/meetings/import/datatracker-agenda", file, chair).status, 403);
  auto r = send("POST", "/api/v1/meetings/import/datatracker-agenda", file, secretariat);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["meeting"], "115");
  auto csv = server.get("/meetings/115/agenda.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("\"quic\""), std::string::npos);
  auto ics = server.get("/meetings/115/agenda.ics");
  EXPECT_NE(ics.body.find("TZID:Europe/London"), std::string::npos);
}

}  // namespace
}  // namespace convene

namespace convene {
namespace {

TEST_F(PlanApi, TheDispatchAgendaSaysWhenAndWhereTheMeetingScheduleHoldsIt) {
  json meeting = {{"number", "131"},          {"city", "Vienna"},         {"start_date", "2028-03-18"},
                  {"end_date", "2028-03-24"}, {"time_zone", "Europe/Vienna"}, {"id_cutoff", "2028-03-06T23:59:00Z"},
                  {"dispatch_mode", "consolidated"}};
  ASSERT_EQ(server.post("/api/v1/meetings", meeting, secretariat).status, 201);
  auto requests = server.get("/api/v1/meetings/131/session-requests").json()["session_requests"];
  ASSERT_EQ(requests.size(), 1u);  // the consolidated dispatch session, by itself
  EXPECT_EQ(requests[0]["sessions"][0]["exclusive"], true);
  EXPECT_EQ(server.get("/meetings/131/dispatch").body.find("When and where"), std::string::npos);

  ASSERT_EQ(server.post("/api/v1/meetings/131/rooms", {{"name", "Stolz"}}, secretariat).status, 201);
  json grid = {{"days", {"2028-03-20"}},
               {"periods", {{{"start", "10:00"}, {"duration_min", 120}, {"name", "Morning Session I"}}}},
               {"rooms", {"Stolz"}}};
  ASSERT_EQ(server.post("/api/v1/meetings/131/timeslots", grid, secretariat).status, 201);
  json placed = {{"name", "v1"},
                 {"schedule", {{"assignments", {{{"session", "alldispatch-1"}, {"timeslot", "t1"}}}}}}};
  ASSERT_EQ(server.post("/api/v1/meetings/131/schedules", placed, secretariat).status, 201);
  ASSERT_EQ(server.post("/api/v1/meetings/131/schedules/v1/official", json::object(), secretariat).status, 200);
  auto page = server.get("/meetings/131/dispatch");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("2028-03-20 10:00 (+01:00) for 2:00, Stolz"), std::string::npos);
}

TEST_F(PlanApi, IdsThatAreNotNumbersAre400AndUnknownOnes404) {
  for (const char* path : {"/api/v1/jobs/x", "/api/v1/session-requests/1e3", "/api/v1/jobs/99999999999999999999"}) {
    auto r = server.get(path);
    EXPECT_EQ(r.status, 400) << path;
    EXPECT_EQ(r.json()["error"]["code"], "bad_id") << path;
  }
  EXPECT_EQ(server.get("/api/v1/jobs/424242").json()["error"]["code"], "job_unknown");
  EXPECT_EQ(server.get("/api/v1/session-requests/424242").status, 404);
}

}  // namespace
}  // namespace convene
