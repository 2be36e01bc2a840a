// Importing the real Datatracker agendas (../shared/data/agendas) as
// meetings, over a real store and the in-memory twin.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "convene/plan/datatracker_import.h"
#include "convene/plan/schedules.h"
#include "convene/testing/test_database.h"
#include "test_support.h"

namespace convene {
namespace {

using plan_testing::Backend;
using plan_testing::kChair;
using plan_testing::kNow;
using plan_testing::kSecretariat;

std::vector<std::filesystem::path> agenda_files() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(CONVENE_SHARED_DIR) + "/data/agendas")) {
    const auto name = e.path().filename().string();
    if (name.starts_with("agenda_1") && name.ends_with(".json")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

schedule::DatatrackerAgenda read_agenda(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const std::string number = file.stem().string().substr(std::string("agenda_").size());
  auto zone = schedule::ietf_meeting_time_zone(number);
  EXPECT_TRUE(zone) << file;
  auto agenda = schedule::read_datatracker_agenda(text.str(), zone.value_or("UTC"));
  EXPECT_TRUE(agenda.ok()) << file << ": " << (agenda.ok() ? "" : agenda.error().message);
  return std::move(agenda).value();
}

class DatatrackerImportTest : public ::testing::TestWithParam<Backend> {
 protected:
  testing::TestDatabase db;
  std::unique_ptr<Store> store = GetParam() == Backend::sql ? db.open() : open_memory_store();

  Result<DatatrackerImport> import(const Person& who, const schedule::DatatrackerAgenda& agenda) {
    std::optional<Result<DatatrackerImport>> out;
    auto st = store->write([&](Repositories& r) -> Status {
      Auditor audit(r.audit(), "test", kNow);
      out.emplace(import_datatracker_agenda({r.meetings(), r.plan(), r.directory(), r.people()}, r.jobs(), audit,
                                            who, agenda, kNow));
      if (!out->ok()) return out->error();
      return ok_status();
    });
    if (!out) return st.error();
    return *out;
  }

  std::optional<VersionView> official(const std::string& meeting) {
    std::optional<VersionView> out;
    EXPECT_TRUE(store->read([&](Repositories& r) -> Status {
      auto v = official_version({r.meetings(), r.plan(), r.directory(), r.people()}, r.jobs(), meeting);
      if (!v) return v.error();
      out = *v;
      return ok_status();
    }).ok());
    return out;
  }

  std::optional<Group> group(const std::string& acronym) {
    std::optional<Group> out;
    EXPECT_TRUE(store->read([&](Repositories& r) -> Status {
      auto g = r.directory().group(acronym);
      if (!g) return g.error();
      out = *g;
      return ok_status();
    }).ok());
    return out;
  }
};

TEST_P(DatatrackerImportTest, EveryAgendaImportsWithItsOfficialSchedule) {
  const auto files = agenda_files();
  ASSERT_GE(files.size(), 7u);
  for (const auto& file : files) {
    const auto agenda = read_agenda(file);
    auto got = import(kSecretariat, agenda);
    ASSERT_TRUE(got.ok()) << file << ": " << got.error().message;
    EXPECT_EQ(got->sessions, agenda.problem.sessions.size()) << file;
    EXPECT_EQ(got->rooms, agenda.problem.rooms.size()) << file;
    EXPECT_EQ(got->groups, agenda.problem.groups.size()) << file;
    auto v = official(agenda.meeting_number);
    ASSERT_TRUE(v) << file;
    EXPECT_TRUE(v->version.official);
    EXPECT_EQ(v->version.name, "official");
    ASSERT_TRUE(v->version.assignments);
    EXPECT_EQ(v->version.assignments->size(), agenda.problem.sessions.size()) << file;
    for (const auto& a : *v->version.assignments) EXPECT_FALSE(a.timeslot.empty()) << a.session;
  }
}

TEST_P(DatatrackerImportTest, TheDirectoryHasTheRealNamesAndTypes) {
  const auto agenda = read_agenda(std::string(CONVENE_SHARED_DIR) + "/data/agendas/agenda_115.json");
  ASSERT_TRUE(import(kSecretariat, agenda).ok());
  auto quic = group("quic");
  ASSERT_TRUE(quic);
  EXPECT_EQ(quic->name, "QUIC");
  EXPECT_EQ(quic->type, "wg");
  EXPECT_EQ(quic->area, "tsv");
  auto satp = group("satp");
  ASSERT_TRUE(satp);
  EXPECT_EQ(satp->type, "bof");
  EXPECT_EQ(satp->state, "bof");
  auto dispatch = group("dispatch");
  ASSERT_TRUE(dispatch);
  EXPECT_EQ(dispatch->type, "dispatch");
}

TEST_P(DatatrackerImportTest, ASecondImportFindsThePlanNotEmpty) {
  const auto agenda = read_agenda(std::string(CONVENE_SHARED_DIR) + "/data/agendas/agenda_115.json");
  ASSERT_TRUE(import(kSecretariat, agenda).ok());
  auto again = import(kSecretariat, agenda);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "plan_not_empty");
}

TEST_P(DatatrackerImportTest, OnlyTheSecretariatImports) {
  const auto agenda = read_agenda(std::string(CONVENE_SHARED_DIR) + "/data/agendas/agenda_115.json");
  auto got = import(kChair, agenda);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().kind, ErrorKind::forbidden);
  EXPECT_FALSE(group("quic"));
  std::optional<Meeting> meeting;
  ASSERT_TRUE(store->read([&](Repositories& r) -> Status {
    auto m = r.meetings().find("115");
    if (!m) return m.error();
    meeting = *m;
    return ok_status();
  }).ok());
  EXPECT_FALSE(meeting);
}

TEST(DirectoryGroup, MapsDatatrackerTypes) {
  const std::vector<schedule::DatatrackerArea> areas{{"sec", "Security Area"}};
  EXPECT_EQ(directory_group({"saag", "Security Area Open Meeting", "ag", "active", "sec"}, false, areas).type, "area");
  EXPECT_EQ(directory_group({"saag", "", "ag", "active", "sec"}, false, areas).area, "sec");
  EXPECT_EQ(directory_group({"saag", "", "ag", "active", "sec"}, false, areas).name, "saag");
  EXPECT_EQ(directory_group({"cfrg", "Crypto Forum", "rg", "active", "irtf"}, false, areas).area, "");
  EXPECT_EQ(directory_group({"iesg", "IESG", "iesg", "active", "ietf"}, false, areas).type, "iesg");
  EXPECT_EQ(directory_group({"hackathon", "Hackathon", "ietf", "active", "ietf"}, false, areas).type, "program");
  EXPECT_EQ(directory_group({"foo", "Foo", "wg", "active", "sec"}, true, areas).type, "bof");
  EXPECT_EQ(directory_group({"secdispatch", "SECDISPATCH", "wg", "active", "sec"}, false, areas).type, "dispatch");
  EXPECT_EQ(directory_group({"old", "Old", "wg", "conclude", "sec"}, false, areas).state, "concluded");
}

INSTANTIATE_TEST_SUITE_P(Backends, DatatrackerImportTest, ::testing::Values(Backend::sql, Backend::memory),
                         plan_testing::backend_name);

}  // namespace
}  // namespace convene
