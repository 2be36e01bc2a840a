// Background jobs (the solver today, mail delivery later) as rows that any
// process may claim: a worker claims the oldest claimable job under a lease,
// renews the lease while it works, and finishes the job only while its
// claim still holds, so a job abandoned by a dead worker is claimed again
// after the lease runs out and no job completes twice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "convene/core/result.h"
#include "convene/core/time.h"

namespace convene {

enum class JobState { queued, running, done, failed, cancelled };
std::string_view to_string(JobState s);
std::optional<JobState> job_state_from(std::string_view s);

struct Job {
  std::int64_t id = 0;
  std::string kind;              // what runs it, e.g. "solve"
  std::string input;             // JSON text, the kind's input
  JobState state = JobState::queued;
  std::string created_by;
  UnixSeconds created_at = 0;
  int attempts = 0;              // claims so far
  std::string worker;            // who holds it, or held it last
  std::string claim;             // the current claim's secret token, "" when none
  UnixSeconds lease_until = 0;   // the claim holds until then unless renewed
  UnixSeconds started_at = 0;    // of the latest claim
  UnixSeconds finished_at = 0;
  std::string progress = "{}";   // JSON text from the latest heartbeat
  std::string result;            // JSON text once done
  std::string error;             // why it failed
};

// Where jobs are kept. "Not there" is an empty optional; storage failure an
// internal Error; no method throws.
class JobRepository {
 public:
  virtual ~JobRepository() = default;
  // Stores a queued job; returns its id (ascending).
  virtual Result<std::int64_t> enqueue(const std::string& kind, const std::string& input, const std::string& by,
                                       UnixSeconds now) = 0;
  virtual Result<std::optional<Job>> find(std::int64_t id) = 0;
  // Claims the oldest job that is queued, or running with a lease that ran
  // out before `now` and fewer than `max_attempts` claims: it becomes
  // running under `claim` for `worker`, attempts + 1, lease until now +
  // lease_s. A job a concurrent transaction holds is skipped, never claimed
  // twice (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer). Empty
  // when nothing is claimable. Returns the claimed job as stored.
  virtual Result<std::optional<Job>> claim(const std::string& worker, const std::string& claim, UnixSeconds now,
                                           int lease_s, int max_attempts) = 0;
  // While `claim` holds job `id`: lease until now + lease_s, progress stored.
  // Otherwise conflict "lease_lost" and nothing changes.
  virtual Status heartbeat(std::int64_t id, const std::string& claim, const std::string& progress, UnixSeconds now,
                           int lease_s) = 0;
  // While `claim` holds job `id`: state `state` (done or failed) with its
  // result or error, finished now, claim cleared. Otherwise conflict
  // "lease_lost" and nothing changes: a job completes once.
  virtual Status finish(std::int64_t id, const std::string& claim, JobState state, const std::string& result,
                        const std::string& error, UnixSeconds now) = 0;
  // Running jobs whose lease ran out after `max_attempts` claims become
  // failed ("abandoned"). Returns how many.
  virtual Result<int> fail_abandoned(UnixSeconds now, int max_attempts) = 0;
  // A queued or running job becomes cancelled, finished now, its claim
  // cleared (a worker still running it then loses its lease and its result
  // is dropped). Returns whether it was queued or running.
  virtual Result<bool> cancel(std::int64_t id, UnixSeconds now) = 0;
};

}  // namespace convene
