// convene worker | job submit | job show.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "convene/cli/commands.h"
#include "convene/jobs/worker.h"
#include "support.h"

namespace convene::cli {
namespace {

using nlohmann::json;

struct WorkerFlags {
  std::string db, name;
  int lease_s = 60, poll_ms = 1000;
  bool once = false;
};

// Runs jobs until SIGINT/SIGTERM (the running job is finished first), or,
// with --once, until one job has run.
void worker(const WorkerFlags& f) {
  auto store = open_db(f.db);
  WorkerOptions o;
  o.name = f.name;
  o.lease_s = f.lease_s;
  o.poll = std::chrono::milliseconds(f.poll_ms);
  Worker w(*store, standard_job_handlers(), o);
  std::stop_source stop;
  on_stop_signal([&stop] { stop.request_stop(); });
  std::cerr << "convene worker " << w.name() << ": running jobs\n";
  if (!f.once) return w.run(stop.get_token());
  while (!stop.stop_requested()) {
    auto ran = w.run_one();
    if (!ran) fail(ran.error().message);
    if (*ran) return;
    std::this_thread::sleep_for(o.poll);
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail("cannot read " + path, 2);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void submit(const std::string& db, const std::string& kind, const std::string& input_file) {
  std::string input = read_file(input_file);
  if (!json::accept(input)) fail(input_file + " is not JSON", 2);
  if (!standard_job_handlers().contains(kind)) fail("no worker runs jobs of kind '" + kind + "'", 2);
  auto store = open_db(db);
  std::int64_t id = 0;
  Status s = store->write([&](Repositories& r) -> Status {
    auto got = r.jobs().enqueue(kind, input, "cli", now_utc());
    if (!got) return got.error();
    id = *got;
    return ok_status();
  });
  if (!s) fail(s.error().message);
  std::cout << id << "\n";
}

// The job as JSON, without its input (often large) and never its claim
// token (it lets a worker finish the job).
json to_json(const Job& j) {
  json out = {{"id", j.id},
              {"kind", j.kind},
              {"state", to_string(j.state)},
              {"created_by", j.created_by},
              {"created_at", format_utc(j.created_at)},
              {"attempts", j.attempts},
              {"worker", j.worker},
              {"progress", json::parse(j.progress, nullptr, false)}};
  if (j.started_at) out["started_at"] = format_utc(j.started_at);
  if (j.state == JobState::running) out["lease_until"] = format_utc(j.lease_until);
  if (j.finished_at) out["finished_at"] = format_utc(j.finished_at);
  if (!j.result.empty()) out["result"] = json::parse(j.result, nullptr, false);
  if (!j.error.empty()) out["error"] = j.error;
  return out;
}

void show(const std::string& db, std::int64_t id) {
  auto store = open_db(db);
  std::optional<Job> job;
  Status s = store->read([&](Repositories& r) -> Status {
    auto got = r.jobs().find(id);
    if (!got) return got.error();
    job = *got;
    return ok_status();
  });
  if (!s) fail(s.error().message);
  if (!job) fail("there is no job " + std::to_string(id), 3);
  std::cout << to_json(*job).dump(2) << "\n";
}

}  // namespace

void add_job_commands(CLI::App& app) {
  static WorkerFlags f;
  auto* w = app.add_subcommand("worker", "Run background jobs (the solver) from the database, without serving HTTP");
  w->add_option("--db", f.db, kDbHelp)->required();
  w->add_option("--name", f.name, "The name this worker goes by in jobs (default host:pid)");
  w->add_option("--lease", f.lease_s, "Seconds a claimed job stays this worker's without renewal; a job whose "
                                     "worker died is claimed again after this")
      ->capture_default_str()
      ->check(CLI::Range(3, 3600));
  w->add_option("--poll-ms", f.poll_ms, "Milliseconds between looks for work when none is queued")
      ->capture_default_str()
      ->check(CLI::Range(10, 60000));
  w->add_flag("--once", f.once, "Run one job (waiting for one to be queued), then exit");
  w->callback([] { worker(f); });

  static std::string db, kind = "solve", input;
  static std::int64_t id = 0;
  auto* job = app.add_subcommand("job", "Queue or inspect background jobs");
  job->require_subcommand(1);
  auto* sub = job->add_subcommand("submit", "Queue a job; prints its id");
  sub->add_option("--db", db, kDbHelp)->required();
  sub->add_option("--kind", kind, "The job's kind")->capture_default_str();
  sub->add_option("--input", input, "A JSON file: for solve, {\"problem\": ..., \"time_limit_s\": S, \"seed\": N}")
      ->required();
  sub->callback([] { submit(db, kind, input); });
  auto* sh = job->add_subcommand("show", "Print a job's state, progress and result as JSON");
  sh->add_option("--db", db, kDbHelp)->required();
  sh->add_option("id", id, "The job's id")->required();
  sh->callback([] { show(db, id); });
}

}  // namespace convene::cli
