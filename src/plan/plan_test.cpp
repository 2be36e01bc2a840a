// The meeting plan's use cases over a real store (SQLite, or PostgreSQL in
// the "postgresql." run) and the in-memory twin.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "convene/plan/problem_io.h"
#include "convene/plan/schedules.h"
#include "convene/schedule/cost.h"
#include "convene/testing/test_database.h"
#include "test_support.h"

namespace convene {
namespace {

using plan_testing::Backend;
using plan_testing::kChair;
using plan_testing::kNow;
using plan_testing::kSecretariat;

using nlohmann::json;

const Person kAd{3, "ad@example.org", "Wit AD", {"ad:wit"}};
const Person kNobody{4, "someone@example.org", "Someone", {}};

std::string shared_file(const std::string& relative) {
  std::ifstream in(std::string(CONVENE_SHARED_DIR) + "/" + relative);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

class PlanTest : public ::testing::TestWithParam<Backend> {
 protected:
  testing::TestDatabase db;
  std::unique_ptr<Store> store = GetParam() == Backend::sql ? db.open() : open_memory_store();

  void SetUp() override {
    ASSERT_TRUE(store->write([](Repositories& r) -> Status {
      Meeting m;
      m.number = "106";
      m.city = "Singapore";
      m.start_date = parse_date("2019-11-16", "d").value();
      m.end_date = parse_date("2019-11-22", "d").value();
      m.time_zone = "Asia/Singapore";
      m.id_cutoff = parse_rfc3339("2019-11-04T23:59:00Z", "c").value();
      if (auto st = r.meetings().insert(m); !st) return st;
      for (const char* g : {"quic", "tls", "httpbis", "mboned"})
        if (auto st = r.directory().save_group({g, g, "wg", "wit", "active", "", ""}); !st) return st;
      r.people().save("bethere@example.org", "Needed", "x", {}).value();
      return ok_status();
    }).ok());
  }

  // Runs fn in one write and returns its outcome.
  template <class F>
  auto write(F fn) {
    std::optional<std::invoke_result_t<F, PlanRepos, JobRepository&, const Auditor&>> out;
    auto st = store->write([&](Repositories& r) -> Status {
      Auditor audit(r.audit(), "test", kNow);
      out.emplace(fn(PlanRepos{r.meetings(), r.plan(), r.directory(), r.people()}, r.jobs(), audit));
      if (!out->ok()) return out->error();
      return ok_status();
    });
    if (!st && !out) out.emplace(st.error());
    return std::move(*out);
  }

  template <class F>
  auto read(F fn) {
    std::optional<std::invoke_result_t<F, PlanRepos, JobRepository&>> out;
    auto st = store->read([&](Repositories& r) -> Status {
      out.emplace(fn(PlanRepos{r.meetings(), r.plan(), r.directory(), r.people()}, r.jobs()));
      return ok_status();
    });
    EXPECT_TRUE(st.ok());
    return std::move(*out);
  }

  Result<SessionRequest> file(const Person& who, const json& body) {
    auto in = request_from_json(body);
    if (!in) return in.error();
    return write([&](PlanRepos r, JobRepository&, const Auditor& a) { return file_request(r, a, who, "106", *in, kNow); });
  }

  void add_rooms_and_grid() {
    for (const char* name : {"Padang", "Canning"}) {
      auto room = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
        return add_room(r, a, kSecretariat, "106", room_from_json({{"name", name}, {"capacity", 300}}).value());
      });
      ASSERT_TRUE(room.ok()) << room.error().message;
    }
    json grid = {{"days", {"2019-11-18", "2019-11-19"}},
                 {"periods", {{{"start", "10:00"}, {"duration_min", 120}, {"name", "Morning Session I"}},
                              {{"start", "13:30"}, {"duration_min", 90}, {"name", "Afternoon Session I"}}}},
                 {"rooms", {"Padang", "Canning"}}};
    auto added = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
      return add_timeslots(r, a, kSecretariat, "106", grid_from_json(grid).value());
    });
    ASSERT_TRUE(added.ok()) << added.error().message;
    ASSERT_EQ(added->size(), 8u);
  }
};

TEST_P(PlanTest, TheGridMakesEverySlotInTheMeetingsZone) {
  add_rooms_and_grid();
  auto slots = read([](PlanRepos r, JobRepository&) { return r.plan.timeslots("106"); });
  ASSERT_TRUE(slots.ok());
  ASSERT_EQ(slots->size(), 8u);
  // 10:00 in Singapore (UTC+8) is 02:00 UTC; ordered by start, then room.
  EXPECT_EQ(format_utc(slots->front().start), "2019-11-18T02:00:00Z");
  EXPECT_EQ(slots->front().room, "r1");
  EXPECT_EQ(slots->front().name, "Morning Session I");
  EXPECT_EQ(format_utc(slots->back().start), "2019-11-19T05:30:00Z");
  EXPECT_EQ(slots->back().duration_min, 90);
}

TEST_P(PlanTest, GridErrorsLeaveNothingBehind) {
  add_rooms_and_grid();
  auto overlap = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    json single = {{"days", {"2019-11-18"}},
                   {"periods", {{{"start", "11:00"}, {"duration_min", 60}, {"name", "Extra"}}}},
                   {"rooms", {"Padang"}}};
    return add_timeslots(r, a, kSecretariat, "106", grid_from_json(single).value());
  });
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().code, "timeslot_overlap");
  auto outside = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    json single = {{"days", {"2019-12-01"}},
                   {"periods", {{{"start", "09:00"}, {"duration_min", 60}, {"name", "Extra"}}}},
                   {"rooms", {"Padang"}}};
    return add_timeslots(r, a, kSecretariat, "106", grid_from_json(single).value());
  });
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().code, "day_outside_meeting");
  auto unknown = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    json single = {{"days", {"2019-11-20"}},
                   {"periods", {{{"start", "09:00"}, {"duration_min", 60}, {"name", "Extra"}}}},
                   {"rooms", {"Padang", "Nowhere"}}};
    return add_timeslots(r, a, kSecretariat, "106", grid_from_json(single).value());
  });
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "room_unknown");
  auto slots = read([](PlanRepos r, JobRepository&) { return r.plan.timeslots("106"); });
  EXPECT_EQ(slots->size(), 8u);
  // A single slot as an exception, then removed again.
  auto extra = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    json single = {{"days", {"2019-11-20"}},
                   {"periods", {{{"start", "09:00"}, {"duration_min", 60}, {"name", "Extra"}}}},
                   {"rooms", {"Canning"}}};
    return add_timeslots(r, a, kSecretariat, "106", grid_from_json(single).value());
  });
  ASSERT_TRUE(extra.ok());
  EXPECT_EQ(extra->front().id, "t9");
  auto removed = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return remove_timeslot(r, a, kSecretariat, "106", "t9");
  });
  EXPECT_TRUE(removed.ok());
  auto again = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return remove_timeslot(r, a, kSecretariat, "106", "t9");
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "timeslot_unknown");
}

TEST_P(PlanTest, OnlyTheSecretariatShapesTheGrid) {
  auto room = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return add_room(r, a, kChair, "106", room_from_json({{"name", "Padang"}}).value());
  });
  ASSERT_FALSE(room.ok());
  EXPECT_EQ(room.error().kind, ErrorKind::forbidden);
}

TEST_P(PlanTest, GridReaderNamesTheField) {
  auto bad = grid_from_json({{"days", {"2019-11-18"}},
                             {"periods", {{{"start", "25:00"}, {"duration_min", 60}, {"name", "x"}}}},
                             {"rooms", {"Padang"}}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("periods[0].start"), std::string::npos) << bad.error().message;
}

json quic_request() {
  return {{"group", "quic"},
          {"sessions", {{{"duration_min", 120}, {"attendees", 200}}, {{"duration_min", 60}, {"attendees", 150}}}},
          {"conflicts", {{{"type", "chair_conflict"}, {"targets", {"tls", "httpbis"}}}}},
          {"bethere", {"bethere@example.org"}},
          {"timeranges", {"monday-morning"}},
          {"time_relation", "subsequent-days"},
          {"adjacent_with", "mboned"},
          {"comments", "Please avoid Friday."}};
}

TEST_P(PlanTest, AChairFilesARequestAndTheSecretariatApprovesIt) {
  auto filed = file(kChair, quic_request());
  ASSERT_TRUE(filed.ok()) << filed.error().message;
  EXPECT_EQ(filed->state, SessionRequestState::pending);
  ASSERT_EQ(filed->sessions.size(), 2u);
  EXPECT_EQ(filed->sessions[1].id, "quic-2");
  EXPECT_EQ(filed->constraints.size(), 6u);  // 2 conflicts, bethere, timerange, relation, adjacent
  // Who must be there is kept as a person id, never the private address.
  auto needed = read([](PlanRepos r, JobRepository&) { return r.people.by_email("bethere@example.org"); });
  ASSERT_TRUE(needed.ok() && *needed);
  auto bethere = std::ranges::find(filed->constraints, schedule::ConstraintType::bethere, &schedule::Constraint::type);
  ASSERT_NE(bethere, filed->constraints.end());
  EXPECT_EQ(bethere->person, person_ref((*needed)->id));
  EXPECT_EQ(person_id_of(bethere->person), (*needed)->id);
  auto again = read([&](PlanRepos r, JobRepository&) { return r.people.by_id((*needed)->id); });
  ASSERT_TRUE(again.ok() && *again);
  EXPECT_EQ((*again)->email, "bethere@example.org");
  EXPECT_FALSE(person_id_of("bethere@example.org"));
  EXPECT_FALSE(person_id_of("p104140"));  // an imported Datatracker id names nobody here

  auto by_chair = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return approve_request(r, a, kChair, filed->id, kNow);
  });
  ASSERT_FALSE(by_chair.ok());
  EXPECT_EQ(by_chair.error().kind, ErrorKind::forbidden);

  auto approved = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return approve_request(r, a, kSecretariat, filed->id, kNow + 5);
  });
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->state, SessionRequestState::approved);
  EXPECT_EQ(approved->decided_by, "sec@example.org");

  auto problem = read([](PlanRepos r, JobRepository&) { return export_problem(r, "106"); });
  ASSERT_TRUE(problem.ok()) << problem.error().message;
  EXPECT_EQ(problem->sessions.size(), 2u);
  EXPECT_EQ(problem->constraints.size(), 6u);
  ASSERT_EQ(problem->groups.size(), 1u);
  EXPECT_EQ(problem->groups[0].area, "wit");
}

TEST_P(PlanTest, EveryValidationCodeOfARequest) {
  auto code_of = [&](const Person& who, json body) {
    auto r = file(who, body);
    return r.ok() ? std::string("ok") : r.error().code;
  };
  json own = quic_request();
  own["conflicts"][0]["targets"].push_back("quic");
  EXPECT_EQ(code_of(kChair, own), "own_group_conflict");
  json unknown_group = quic_request();
  unknown_group["conflicts"][0]["targets"].push_back("nosuchwg");
  EXPECT_EQ(code_of(kChair, unknown_group), "unknown_group");
  json unknown_person = quic_request();
  unknown_person["bethere"].push_back("ghost@example.org");
  EXPECT_EQ(code_of(kChair, unknown_person), "unknown_person");
  json one_session = quic_request();
  one_session["sessions"].erase(1);
  EXPECT_EQ(code_of(kChair, one_session), "time_relation_needs_two_sessions");
  json bad_range = quic_request();
  bad_range["timeranges"].push_back("someday-morning");
  EXPECT_EQ(code_of(kChair, bad_range), "bad_timerange");
  json four = quic_request();
  four.erase("time_relation");
  for (int i = 0; i < 2; ++i) four["sessions"].push_back({{"duration_min", 60}});
  EXPECT_EQ(code_of(kChair, four), "too_many_sessions");
  EXPECT_EQ(code_of(kNobody, quic_request()), "forbidden");
  EXPECT_EQ(code_of(kChair, quic_request()), "ok");
  EXPECT_EQ(code_of(kChair, quic_request()), "request_exists");
}

TEST_P(PlanTest, AThirdSessionWaitsForTheAreaDirector) {
  json three = quic_request();
  three.erase("time_relation");
  three["sessions"].push_back({{"duration_min", 60}});
  auto filed = file(kChair, three);
  ASSERT_TRUE(filed.ok()) << filed.error().message;
  EXPECT_EQ(filed->state, SessionRequestState::needs_ad);
  auto early = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return approve_request(r, a, kSecretariat, filed->id, kNow);
  });
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "needs_ad_approval");
  auto by_ad = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return approve_request(r, a, kAd, filed->id, kNow);
  });
  ASSERT_TRUE(by_ad.ok()) << by_ad.error().message;
  EXPECT_EQ(by_ad->state, SessionRequestState::pending);
}

TEST_P(PlanTest, OthersConflictsAgainstAGroupAreFound) {
  ASSERT_TRUE(file(kChair, quic_request()).ok());
  auto requests = read([](PlanRepos r, JobRepository&) { return r.plan.requests("106"); });
  auto against = conflicts_against(*requests, "tls");
  ASSERT_EQ(against.size(), 1u);
  EXPECT_EQ(against[0].group, "quic");
  EXPECT_EQ(against[0].type, schedule::ConstraintType::chair_conflict);
}

// The set of a problem's items, order aside, as JSON text.
std::multiset<std::string> items(const json& problem, const char* list) {
  std::multiset<std::string> out;
  for (auto item : problem[list]) {
    if (item.contains("exclusive_allow")) {
      auto allow = item["exclusive_allow"].get<std::vector<std::string>>();
      std::ranges::sort(allow);
      item["exclusive_allow"] = allow;
    }
    out.insert(item.dump());
  }
  return out;
}

void expect_same_problem(const json& a, const json& b) {
  for (const char* list : {"rooms", "timeslots", "groups", "sessions", "constraints", "fixed"})
    EXPECT_EQ(items(a, list), items(b, list)) << list;
  EXPECT_EQ(a["penalties"], b["penalties"]);
  EXPECT_EQ(a["meeting"], b["meeting"]);
}

TEST_P(PlanTest, RealProblemsImportAndExportEqual) {
  for (const char* name : {"ietf106", "ietf83"}) {
    auto problem = schedule::parse_problem(shared_file(std::string("data/schedule/") + name + ".problem.json"));
    ASSERT_TRUE(problem.ok());
    const std::string number = name == std::string("ietf106") ? "9106" : "83";
    auto imported = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
      return import_problem(r, a, kSecretariat, number, *problem, kNow);
    });
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    auto exported = read([&](PlanRepos r, JobRepository&) { return export_problem(r, number); });
    ASSERT_TRUE(exported.ok()) << exported.error().message;
    json want = schedule::to_json(*problem);
    want["meeting"]["number"] = number;
    expect_same_problem(schedule::to_json(*exported), want);
    // A second import is refused and changes nothing.
    auto again = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
      return import_problem(r, a, kSecretariat, number, *problem, kNow);
    });
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, "plan_not_empty");
  }
}

TEST_P(PlanTest, VersionsAreCostedComparedAndMadeOfficial) {
  auto problem = schedule::parse_problem(shared_file("data/schedule/ietf83.problem.json"));
  auto official = schedule::parse_schedule(shared_file("data/schedule/ietf83.official.json"));
  ASSERT_TRUE(problem.ok() && official.ok());
  ASSERT_TRUE(write([&](PlanRepos r, JobRepository&, const Auditor& a) {
                return import_problem(r, a, kSecretariat, "83", *problem, kNow);
              }).ok());
  auto add = [&](const std::string& name, const schedule::Schedule& s) {
    VersionInput in{name, s, std::nullopt};
    return write([&](PlanRepos r, JobRepository& jobs, const Auditor& a) {
      return add_version(r, jobs, a, kSecretariat, "83", in, kNow);
    });
  };
  ASSERT_TRUE(add("published", *official).ok());
  auto view = read([](PlanRepos r, JobRepository& jobs) { return find_version(r, jobs, "83", "published"); });
  ASSERT_TRUE(view.ok());
  ASSERT_TRUE(view->cost);
  EXPECT_EQ(view->cost->total, 1'695'000);  // the format page's figure for the published schedule
  EXPECT_EQ(add("published", *official).error().code, "schedule_exists");

  // Swap two sessions' slots: a move that compare() and the sequences see.
  schedule::Schedule moved = *official;
  std::swap(moved.assignments[0].timeslot, moved.assignments[1].timeslot);
  ASSERT_TRUE(add("moved", moved).ok());
  auto diff = read([](PlanRepos r, JobRepository& jobs) { return compare_versions(r, jobs, "83", "published", "moved"); });
  ASSERT_TRUE(diff.ok()) << diff.error().message;
  EXPECT_EQ((*diff)["moved"].size(), 2u);
  EXPECT_EQ((*diff)["cost"]["from"], 1'695'000);

  for (const char* name : {"published", "moved"}) {
    auto st = write([&](PlanRepos r, JobRepository& jobs, const Auditor& a) {
      return make_official(r, jobs, a, kSecretariat, "83", name, kNow);
    });
    ASSERT_TRUE(st.ok()) << st.error().message;
  }
  auto seq = read([](PlanRepos r, JobRepository&) { return r.plan.sequences("83"); });
  ASSERT_EQ(seq->size(), 2u);
  EXPECT_EQ((*seq)[0].second, 1);
  auto now_official = read([](PlanRepos r, JobRepository& jobs) { return official_version(r, jobs, "83"); });
  ASSERT_TRUE(now_official.ok() && *now_official);
  EXPECT_EQ((*now_official)->version.name, "moved");

  // A group's page lists its session where the official schedule put it.
  const auto& first = moved.assignments[0];
  const std::string group = first.session.substr(0, first.session.rfind('-'));
  auto sessions = read([&](PlanRepos r, JobRepository&) { return sessions_of_group(r, group); });
  ASSERT_TRUE(sessions.ok());
  auto placed = std::ranges::find(*sessions, first.session, &GroupSession::session);
  ASSERT_NE(placed, sessions->end());
  ASSERT_TRUE(placed->slot);
  EXPECT_EQ(placed->slot->id, first.timeslot);
  EXPECT_FALSE(placed->room.empty());

  auto by_chair = write([&](PlanRepos r, JobRepository& jobs, const Auditor& a) {
    return make_official(r, jobs, a, kChair, "83", "published", kNow);
  });
  EXPECT_EQ(by_chair.error().kind, ErrorKind::forbidden);
}

TEST_P(PlanTest, ASolveVersionIsAJobUntilItsResultArrives) {
  auto problem = schedule::parse_problem(shared_file("data/schedule/ietf83.problem.json"));
  ASSERT_TRUE(write([&](PlanRepos r, JobRepository&, const Auditor& a) {
                return import_problem(r, a, kSecretariat, "83", *problem, kNow);
              }).ok());
  auto in = version_from_json({{"name", "draft-2"}, {"solve", {{"time_limit_s", 5}, {"seed", 3}}}});
  ASSERT_TRUE(in.ok()) << in.error().message;
  auto by_chair = write([&](PlanRepos r, JobRepository& jobs, const Auditor& a) {
    return add_version(r, jobs, a, kChair, "83", *in, kNow);
  });
  EXPECT_EQ(by_chair.error().kind, ErrorKind::forbidden);
  auto v = write([&](PlanRepos r, JobRepository& jobs, const Auditor& a) {
    return add_version(r, jobs, a, kSecretariat, "83", *in, kNow);
  });
  ASSERT_TRUE(v.ok()) << v.error().message;
  ASSERT_TRUE(v->job);
  auto view = read([](PlanRepos r, JobRepository& jobs) { return find_version(r, jobs, "83", "draft-2"); });
  EXPECT_EQ(view->state, "queued");
  EXPECT_FALSE(view->cost);
  auto job = read([&](PlanRepos, JobRepository& jobs) { return jobs.find(*v->job); });
  json input = json::parse((*job)->input);
  EXPECT_EQ(input["time_limit_s"], 5);
  EXPECT_EQ(input["problem"]["sessions"].size(), problem->sessions.size());
}

TEST_P(PlanTest, AConsolidatedMeetingHasItsJointDispatchSessionByItself) {
  Meeting m;
  m.number = "125";
  m.city = "Shenzhen";
  m.start_date = parse_date("2026-03-14", "d").value();
  m.end_date = parse_date("2026-03-20", "d").value();
  m.time_zone = "Asia/Shanghai";
  m.id_cutoff = parse_rfc3339("2026-03-02T23:59:00Z", "c").value();
  m.dispatch_mode = DispatchMode::consolidated;
  ASSERT_TRUE(store->write([&](Repositories& r) { return r.meetings().insert(m); }).ok());
  for (int twice = 0; twice < 2; ++twice)
    ASSERT_TRUE(write([&](PlanRepos r, JobRepository&, const Auditor& a) {
                  return add_consolidated_dispatch(r, a, m, kNow);
                }).ok());
  auto requests = read([](PlanRepos r, JobRepository&) { return r.plan.requests("125"); });
  ASSERT_EQ(requests->size(), 1u);
  const auto& session = (*requests)[0].sessions.at(0);
  EXPECT_EQ(session.id, "alldispatch-1");
  EXPECT_TRUE(session.exclusive);
  EXPECT_EQ(session.joint_with, (std::vector<std::string>{"secdispatch", "gendispatch"}));

  const Person secdispatch_chair{5, "sd@example.org", "SD", {"chair:secdispatch"}};
  auto own = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return file_request(r, a, secdispatch_chair, "125",
                        request_from_json({{"group", "secdispatch"}, {"sessions", {{{"duration_min", 60}}}}}).value(),
                        kNow);
  });
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code, "consolidated_dispatch");

  auto by_chair = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return allow_against_exclusive(r, a, kChair, "125", "alldispatch-1", "quic", kNow);
  });
  EXPECT_EQ(by_chair.error().kind, ErrorKind::forbidden);
  auto allowed = write([&](PlanRepos r, JobRepository&, const Auditor& a) {
    return allow_against_exclusive(r, a, kAd, "125", "alldispatch-1", "quic", kNow + 9);
  });
  ASSERT_TRUE(allowed.ok()) << allowed.error().message;
  EXPECT_EQ(allowed->approved_by, "ad@example.org");
  EXPECT_EQ(allowed->approved_at, kNow + 9);
  auto problem = read([](PlanRepos r, JobRepository&) { return export_problem(r, "125"); });
  ASSERT_TRUE(problem.ok()) << problem.error().message;
  EXPECT_EQ(problem->sessions.at(0).exclusive_allow, std::vector<std::string>{"quic"});
  EXPECT_EQ(problem->groups.size(), 3u);
}

TEST(PlanReaders, VersionBodiesNeedExactlyOneSource) {
  EXPECT_EQ(version_from_json({{"name", "x"}}).error().code, "bad_value");
  EXPECT_EQ(version_from_json({{"name", "bad name"}, {"solve", {{"time_limit_s", 5}}}}).error().code, "bad_value");
  EXPECT_EQ(version_from_json({{"name", "x"}, {"solve", {{"time_limit_s", 0}}}}).error().code, "bad_value");
  EXPECT_TRUE(version_from_json({{"name", "draft-1"}, {"schedule", {{"assignments", json::array()}}}}).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanTest, ::testing::Values(Backend::sql, Backend::memory),
                         plan_testing::backend_name);

}  // namespace
}  // namespace convene
