#include "convene/jobs/worker.h"

#include <sodium.h>
#include <unistd.h>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

namespace convene {
namespace {

std::string new_claim() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

// Renews the lease of one claimed job every lease/3 seconds with the latest
// progress, until the job's handler returns.
class LeaseKeeper {
 public:
  LeaseKeeper(Store& store, const Job& job, const WorkerOptions& o) : store_(store), job_(job), options_(o) {
    thread_ = std::jthread([this](std::stop_token stop) { keep(stop); });
  }
  ~LeaseKeeper() {
    thread_.request_stop();
    cv_.notify_all();
  }
  void report(const std::string& progress) {
    std::lock_guard lock(mu_);
    progress_ = progress;
  }

 private:
  void keep(std::stop_token stop) {
    auto every = std::chrono::milliseconds(std::max(1, options_.lease_s) * 1000 / 3);
    std::unique_lock lock(mu_);
    while (true) {
      cv_.wait_for(lock, stop, every, [] { return false; });
      if (stop.stop_requested()) return;
      std::string progress = progress_;
      lock.unlock();
      Status s = store_.write([&](Repositories& r) {
        return r.jobs().heartbeat(job_.id, job_.claim, progress, options_.clock(), options_.lease_s);
      });
      if (!s) std::cerr << "convene worker: job " << job_.id << ": " << s.error().message << "\n";
      lock.lock();
    }
  }

  Store& store_;
  const Job& job_;
  const WorkerOptions& options_;
  std::mutex mu_;
  std::condition_variable_any cv_;
  std::string progress_ = "{}";
  std::jthread thread_;  // last: stopped and joined before the rest goes
};

}  // namespace

std::string default_worker_name() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(::getpid());
}

Worker::Worker(Store& store, std::map<std::string, JobHandler> handlers, WorkerOptions options)
    : store_(store), handlers_(std::move(handlers)), options_(std::move(options)) {
  if (options_.name.empty()) options_.name = default_worker_name();
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to start");
}

Result<bool> Worker::run_one() {
  std::optional<Job> job;
  Status claimed = store_.write([&](Repositories& r) -> Status {
    UnixSeconds now = options_.clock();
    if (auto n = r.jobs().fail_abandoned(now, options_.max_attempts); !n) return n.error();
    auto j = r.jobs().claim(options_.name, new_claim(), now, options_.lease_s, options_.max_attempts);
    if (!j) return j.error();
    job = *j;
    return ok_status();
  });
  if (!claimed) return claimed.error();
  if (!job) return false;
  auto handler = handlers_.find(job->kind);
  Result<std::string> outcome = Error{"unknown_job_kind", "no worker runs jobs of kind '" + job->kind + "'",
                                      ErrorKind::rejected};
  if (handler != handlers_.end()) {
    LeaseKeeper lease(store_, *job, options_);
    outcome = handler->second(job->input, [&](const std::string& p) { lease.report(p); });
  }
  if (auto s = finish(*job, outcome); !s) return s.error();
  return true;
}

Status Worker::finish(const Job& job, const Result<std::string>& outcome) {
  Status s = store_.write([&](Repositories& r) {
    return outcome ? r.jobs().finish(job.id, job.claim, JobState::done, *outcome, "", options_.clock())
                   : r.jobs().finish(job.id, job.claim, JobState::failed, "", outcome.error().message,
                                     options_.clock());
  });
  // A lost lease means another worker took the job over: this result is
  // dropped so that the job completes once.
  if (!s && s.error().code == "lease_lost") {
    std::cerr << "convene worker: job " << job.id << ": " << s.error().message << "; its result is dropped\n";
    return ok_status();
  }
  return s;
}

void Worker::run(std::stop_token stop) {
  std::mutex mu;
  std::condition_variable_any cv;
  while (!stop.stop_requested()) {
    auto ran = run_one();
    if (!ran) std::cerr << "convene worker: " << ran.error().message << "\n";
    if (ran && *ran) continue;
    std::unique_lock lock(mu);
    cv.wait_for(lock, stop, options_.poll, [] { return false; });
  }
}

}  // namespace convene
