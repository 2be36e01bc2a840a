// Runs background jobs from the store: claims the oldest claimable job,
// runs its kind's handler on the calling thread while a second thread renews
// the lease every lease/3 seconds (storing the latest progress), and
// finishes the job only while the claim still holds. Any process may run
// workers on the same database: `convene serve` (in-process, --workers) and
// `convene worker` (no HTTP).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <stop_token>
#include <string>

#include "convene/jobs/job.h"
#include "convene/store/store.h"

namespace convene {

// Runs one job of a kind: reads its input (JSON text), may report progress
// (JSON text) as often as it likes, returns the result (JSON text) or an
// Error, which fails the job with the message.
using ReportProgress = std::function<void(const std::string& progress)>;
using JobHandler = std::function<Result<std::string>(const std::string& input, const ReportProgress& progress)>;

struct WorkerOptions {
  std::string name;                           // in jobs.worker; default default_worker_name()
  int lease_s = 60;                           // a claim lapses this long after its last renewal
  int max_attempts = 3;                       // claims before a lapsing job fails as abandoned
  std::chrono::milliseconds poll{1000};       // the wait between looks when nothing is queued
  std::function<UnixSeconds()> clock = now_utc;
};

class Worker {
 public:
  Worker(Store& store, std::map<std::string, JobHandler> handlers, WorkerOptions options = {});

  // Claims and runs one job. Returns whether there was one to claim; a
  // storage failure is its Error (nothing claimed).
  Result<bool> run_one();
  // Runs jobs until `stop` is requested, waiting `poll` when none is queued.
  void run(std::stop_token stop);

  const std::string& name() const { return options_.name; }

 private:
  Status finish(const Job& job, const Result<std::string>& outcome);

  Store& store_;
  std::map<std::string, JobHandler> handlers_;
  WorkerOptions options_;
};

// host:pid, the name a worker goes by unless given one.
std::string default_worker_name();

// The job kinds convene runs: "solve" (input {"problem": convene-schedule-
// problem/1, "time_limit_s", "seed", "start"?: convene-schedule/1,
// "bound_s"?: seconds for the lower bound after solving}; result
// {"schedule", "cost", "proven_optimal", "seconds", "bound"?}).
std::map<std::string, JobHandler> standard_job_handlers();

}  // namespace convene
