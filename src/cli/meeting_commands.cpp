// convene meeting import-problem | import-agenda | export-problem: a
// meeting's plan in and out of the database as files.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "convene/cli/commands.h"
#include "convene/plan/datatracker_import.h"
#include "convene/plan/problem_io.h"
#include "convene/plan/schedules.h"
#include "support.h"

namespace convene::cli {
namespace {

namespace sch = convene::schedule;
using nlohmann::json;

PlanRepos plan_repos(Repositories& r) { return {r.meetings(), r.plan(), r.directory(), r.people()}; }

// A version name from the schedule file's stem, "imported" when the stem
// is not a valid name.
std::string version_name(const std::string& path) {
  const std::string stem = std::filesystem::path(path).stem().string();
  auto ok = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; };
  if (stem.empty() || stem.size() > 64 || !std::ranges::all_of(stem, ok)) return "imported";
  return stem;
}

struct ImportFlags {
  std::string db, meeting, problem, schedule, as;
  bool official = false;
};

// Adds the schedule as a version (official with --official); its cost.
Result<std::int64_t> add_schedule(PlanRepos pr, Repositories& r, const Auditor& audit, const Person& who,
                                  const ImportFlags& f, const sch::Schedule& s, UnixSeconds now) {
  const std::string name = version_name(f.schedule);
  auto v = add_version(pr, r.jobs(), audit, who, f.meeting, {name, s, std::nullopt}, now);
  if (!v) return v.error();
  if (f.official)
    if (auto st = make_official(pr, r.jobs(), audit, who, f.meeting, name, now); !st) return st.error();
  auto view = find_version(pr, r.jobs(), f.meeting, name);
  if (!view) return view.error();
  return view->cost ? view->cost->total : -1;
}

void import_problem_file(const ImportFlags& f) {
  if (f.official && f.schedule.empty()) cli::fail("--official needs --schedule", 2);
  const auto problem = parsed(sch::parse_problem(read_text(f.problem)), f.problem);
  std::optional<sch::Schedule> given;
  if (!f.schedule.empty()) given = parsed(sch::parse_schedule(read_text(f.schedule)), f.schedule);
  auto store = open_db(f.db);
  std::int64_t cost = -1;
  Status s = store->write([&](Repositories& r) -> Status {
    auto who = acting(r.people(), f.as);
    if (!who) return who.error();
    const UnixSeconds now = now_utc();
    Auditor audit(r.audit(), who->email, now);
    if (auto st = import_problem(plan_repos(r), audit, *who, f.meeting, problem, now); !st) return st;
    if (!given) return ok_status();
    auto c = add_schedule(plan_repos(r), r, audit, *who, f, *given, now);
    if (!c) return c.error();
    cost = *c;
    return ok_status();
  });
  if (!s) fail(s.error());
  std::cout << "meeting " << f.meeting << ": " << problem.rooms.size() << " rooms, " << problem.timeslots.size()
            << " timeslots, " << problem.sessions.size() << " sessions, " << problem.constraints.size()
            << " constraints";
  if (given) std::cout << "; schedule " << version_name(f.schedule) << (f.official ? " (official)" : "") << " cost " << cost;
  std::cout << "\n";
}

// The meeting number an agenda.json is about (its one top-level key, all
// digits), "" when the text does not say.
std::string agenda_number(const std::string& text) {
  const json doc = json::parse(text, nullptr, false);
  if (!doc.is_object() || doc.size() != 1) return "";
  const std::string key = doc.begin().key();
  auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  return !key.empty() && std::ranges::all_of(key, digit) ? key : "";
}

std::string agenda_zone(const std::string& text, const std::string& given, const std::string& path) {
  if (!given.empty()) return given;
  const std::string number = agenda_number(text);
  if (number.empty()) return "UTC";  // the reader reports what is wrong with the file
  auto zone = sch::ietf_meeting_time_zone(number);
  if (!zone) cli::fail(path + ": the time zone of meeting " + number + " is not known; give --time-zone");
  return std::string(*zone);
}

void import_agenda_file(const std::string& db, const std::string& path, const std::string& time_zone) {
  const std::string text = read_text(path);
  const auto agenda = parsed(sch::read_datatracker_agenda(text, agenda_zone(text, time_zone, path)), path);
  auto store = open_db(db);
  DatatrackerImport got;
  Status s = store->write([&](Repositories& r) -> Status {
    const UnixSeconds now = now_utc();
    Auditor audit(r.audit(), kSystem.email, now);
    auto imported = import_datatracker_agenda(plan_repos(r), r.jobs(), audit, kSystem, agenda, now);
    if (!imported) return imported.error();
    got = *imported;
    return ok_status();
  });
  if (!s) fail(s.error());
  std::cout << "meeting " << agenda.meeting_number << ": " << got.rooms << " rooms, " << got.sessions
            << " sessions, " << got.groups << " groups, " << agenda.skipped.size()
            << " sessions skipped; the published schedule is official\n";
}

void export_problem_file(const std::string& db, const std::string& meeting, const std::string& output) {
  auto store = open_db(db);
  std::optional<sch::Problem> problem;
  Status s = store->read([&](Repositories& r) -> Status {
    auto p = export_problem(plan_repos(r), meeting);
    if (!p) return p.error();
    problem = std::move(*p);
    return ok_status();
  });
  if (!s) fail(s.error());
  const std::string text = sch::to_json(*problem).dump(2);
  if (output.empty() || output == "-") {
    std::cout << text << "\n";
    return;
  }
  std::ofstream out(output);
  if (!(out << text << "\n")) cli::fail("cannot write " + output);
}

}  // namespace

void add_meeting_commands(CLI::App& app) {
  static ImportFlags f;
  static std::string db, meeting, file, time_zone, output;
  auto* m = app.add_subcommand("meeting", "Bring a meeting's plan in from files, or write it out");
  m->require_subcommand(1);

  auto* ip = m->add_subcommand("import-problem", "Load a schedule problem into an empty meeting plan, with a "
                                                 "schedule of it if given; nothing is written on error");
  ip->add_option("--db", f.db, kDbHelp)->required();
  ip->add_option("--meeting", f.meeting, "The meeting's number (created from the problem if missing)")->required();
  ip->add_option("problem", f.problem, "A convene-schedule-problem/1 file")->required();
  ip->add_option("--schedule", f.schedule, "A convene-schedule/1 file, stored as a version named by its stem");
  ip->add_flag("--official", f.official, "Make the --schedule version official");
  ip->add_option("--as", f.as, "The acting secretariat member's e-mail (default: the command line itself)");
  ip->callback([] { import_problem_file(f); });

  auto* ia = m->add_subcommand("import-agenda", "Create a meeting from a Datatracker agenda.json: directory groups, "
                                                "plan and the published schedule as its official version");
  ia->add_option("--db", db, kDbHelp)->required();
  ia->add_option("agenda", file, "The agenda.json file")->required();
  ia->add_option("--time-zone", time_zone, "The meeting's IANA zone (known for IETF 108-113 and 115)");
  ia->callback([] { import_agenda_file(db, file, time_zone); });

  auto* ep = m->add_subcommand("export-problem", "Write a meeting's plan as a schedule problem");
  ep->add_option("--db", db, kDbHelp)->required();
  ep->add_option("--meeting", meeting, "The meeting's number")->required();
  ep->add_option("-o,--output", output, "The file to write (default: standard output)");
  ep->callback([] { export_problem_file(db, meeting, output); });
}

}  // namespace convene::cli
