// Differential test: our cost of many varied schedules equals that of the
// reference implementation, ../shared/tools/schedule-cost (Python).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "convene/schedule/cost.h"
#include "convene/schedule/generate.h"
#include "convene/schedule/solver.h"
#include "testing.h"

namespace convene::schedule {
namespace {

using nlohmann::json;

// The reference's {"cost", "terms"} for the problem and schedule files.
json reference_cost(const std::string& problem_path, const std::string& schedule_path) {
  const auto command = "python3 " + testing::shared_path("tools/schedule-cost") + " " + problem_path + " " +
                       schedule_path + " --json";
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    pclose(pipe);
  }
  return json::parse(out, nullptr, false);
}

std::string write_temp(const std::string& name, const json& doc) {
  const auto path = (std::filesystem::temp_directory_path() / ("convene-" + std::to_string(getpid()) + "-" + name)).string();
  FILE* f = fopen(path.c_str(), "w");
  const auto text = doc.dump();
  fwrite(text.data(), 1, text.size(), f);
  fclose(f);
  return path;
}

// Rough schedules (short annealing, no polish) violate many rules at once.
// Returns the terms that occurred.
std::set<Term> expect_same_as_reference(const Problem& p, const std::string& problem_path, int seeds) {
  std::set<Term> seen;
  for (int seed = 1; seed <= seeds; ++seed) {
    SolveOptions o;
    o.seed = seed;
    o.iterations = seed % 2 == 0 ? 300 : 80;  // odd seeds: barely started, so rough
    o.construct = seed % 2 == 0;
    o.polish = false;
    o.close_exclusive = false;  // rough schedules that run against exclusive sessions too
    auto r = solve(p, o);
    EXPECT_TRUE(r.ok()) << r.error().message;
    if (!r.ok()) return seen;
    const auto schedule_path = write_temp("schedule.json", to_json(r->schedule));
    const auto ref = reference_cost(problem_path, schedule_path);
    std::filesystem::remove(schedule_path);
    EXPECT_TRUE(ref.is_object()) << "reference tool did not answer";
    if (!ref.is_object()) return seen;
    EXPECT_EQ(ref["cost"].get<std::int64_t>(), r->report.total) << "seed " << seed;
    for (const auto& t : r->report.terms) {
      seen.insert(t.term);
      EXPECT_EQ(ref["terms"][std::string(to_string(t.term))]["count"], t.count) << to_string(t.term);
    }
    EXPECT_EQ(ref["terms"].size(), r->report.terms.size());
  }
  return seen;
}

TEST(Reference, SameCostsOnIetf106) {
  const auto path = testing::shared_path("data/schedule/ietf106.problem.json");
  auto p = parse_problem(testing::read_file(path));
  ASSERT_TRUE(p.ok());
  expect_same_as_reference(*p, path, 4);
}

// Every rule fires somewhere: BoFs, proposed RGs, area meetings, ADs,
// exclusive sessions, joint sessions, ordering, relations, adjacency.
json every_rule_problem() {
  GenerateOptions g;
  g.sessions = 40;
  g.rooms = 5;
  g.days = 2;  // 40 slots: everything runs against four other sessions
  auto doc = to_json(*generate(g));
  auto& groups = doc["groups"];
  auto& constraints = doc["constraints"];
  const auto n = groups.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::string me = groups[i]["acronym"], next = groups[(i + 1) % n]["acronym"];
    if (i % 4 == 0) groups[i]["bof"] = true;
    if (i % 5 == 1) groups[i]["proposed_rg"] = true;
    if (i % 3 == 2) groups[i]["area_meeting"] = true;
    groups[i]["ad"] = "ad" + std::to_string(i % 2);
    constraints.push_back({{"type", "chair_conflict"}, {"group", me}, {"target", next}});
    constraints.push_back({{"type", "bethere"}, {"group", me}, {"person", "p" + std::to_string(i % 3)}});
    if (i % 3 == 0) constraints.push_back({{"type", "timerange"}, {"group", me}, {"ranges", {"monday-morning"}}});
    if (i % 2 == 0) constraints.push_back({{"type", "wg_adjacent"}, {"group", me}, {"target", next}});
  }
  for (int s : {0, 5, 10}) {
    doc["sessions"][s]["exclusive"] = true;
    doc["sessions"][s]["exclusive_allow"] = {groups[1]["acronym"]};
  }
  doc["sessions"][2]["joint_with"] = {groups[7]["acronym"]};
  for (const auto& s : doc["sessions"]) {
    if (s["order"] == 2) {
      constraints.push_back({{"type", "time_relation"}, {"group", s["group"]}, {"relation", "subsequent-days"}});
    }
  }
  return doc;
}

TEST(Reference, SameCostsWhenEveryRuleFires) {
  const auto doc = every_rule_problem();
  auto p = problem_from_json(doc);
  ASSERT_TRUE(p.ok()) << p.error().message;
  const auto path = write_temp("problem.json", doc);
  const auto seen = expect_same_as_reference(*p, path, 8);
  std::filesystem::remove(path);
  for (Term t : {Term::conflict, Term::conflic2, Term::conflic3, Term::chair_conflict, Term::bethere,
                 Term::bof_overlapping_bof, Term::bof_overlapping_prg, Term::bof_overlapping_area_wg,
                 Term::bof_overlapping_area_meeting, Term::area_overlapping_other_area,
                 Term::area_overlapping_in_area, Term::session_overlap_ad, Term::exclusive_overlap,
                 Term::sessions_out_of_order, Term::time_relation, Term::wg_adjacent,
                 Term::session_requires_trim, Term::timerange}) {
    EXPECT_TRUE(seen.count(t)) << to_string(t) << " never occurred: the comparison does not cover it";
  }
}

}  // namespace
}  // namespace convene::schedule
