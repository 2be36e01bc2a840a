// Background jobs in SQL (jobs/job.h).
#include "sql_repo.h"

namespace convene::store {
namespace {

constexpr const char* kJobColumns =
    "id, kind, input, state, created_by, created_at, attempts, worker, claim, lease_until, started_at, "
    "finished_at, progress, result, error";

Job job_from(const Statement& st) {
  Job j;
  j.id = st.int64(0);
  j.kind = st.text(1);
  j.input = st.text(2);
  j.state = job_state_from(st.text(3)).value_or(JobState::failed);
  j.created_by = st.text(4);
  j.created_at = st.int64(5);
  j.attempts = st.integer(6);
  j.worker = st.text(7);
  j.claim = st.text(8);
  j.lease_until = st.int64(9);
  j.started_at = st.int64(10);
  j.finished_at = st.int64(11);
  j.progress = st.text(12);
  j.result = st.text(13);
  j.error = st.text(14);
  return j;
}

std::optional<Job> first_job(Statement& st) {
  if (!st.step()) return std::nullopt;
  Job j = job_from(st);
  st.run();
  return j;
}

Status held_or_lost(int changed, std::int64_t id) {
  if (changed > 0) return ok_status();
  return conflict("lease_lost", "job " + std::to_string(id) + " is no longer held by this claim");
}

}  // namespace

Result<std::int64_t> SqlJobs::enqueue(const std::string& kind, const std::string& input, const std::string& by,
                                      UnixSeconds now) {
  return guarded([&] {
    auto st = c_.prepare(
        "INSERT INTO jobs(kind, input, state, created_by, created_at) VALUES (?, ?, 'queued', ?, ?) RETURNING id");
    st.bind(1, kind).bind(2, input).bind(3, by).bind(4, now);
    st.step();
    std::int64_t id = st.int64(0);
    st.run();
    return id;
  });
}

Result<std::optional<Job>> SqlJobs::find(std::int64_t id) {
  return guarded([&] {
    auto st = c_.prepare(std::string("SELECT ") + kJobColumns + " FROM jobs WHERE id = ?");
    st.bind(1, id);
    return first_job(st);
  });
}

Result<std::optional<Job>> SqlJobs::claim(const std::string& worker, const std::string& claim, UnixSeconds now,
                                          int lease_s, int max_attempts) {
  return guarded([&] {
    auto st = c_.prepare(
        std::string("UPDATE jobs SET state = 'running', worker = ?, claim = ?, lease_until = ?, started_at = ?, "
                    "attempts = attempts + 1 WHERE id = (SELECT id FROM jobs WHERE state = 'queued' OR "
                    "(state = 'running' AND lease_until < ? AND attempts < ?) ORDER BY id LIMIT 1") +
        c_.skip_locked() + ") RETURNING " + kJobColumns);
    st.bind(1, worker).bind(2, claim).bind(3, now + lease_s).bind(4, now).bind(5, now).bind(6, max_attempts);
    return first_job(st);
  });
}

Status SqlJobs::heartbeat(std::int64_t id, const std::string& claim, const std::string& progress, UnixSeconds now,
                          int lease_s) {
  auto changed = guarded([&] {
    return c_.prepare("UPDATE jobs SET lease_until = ?, progress = ? WHERE id = ? AND claim = ? AND state = 'running'")
        .bind(1, now + lease_s)
        .bind(2, progress)
        .bind(3, id)
        .bind(4, claim)
        .run();
  });
  if (!changed) return changed.error();
  return held_or_lost(*changed, id);
}

Status SqlJobs::finish(std::int64_t id, const std::string& claim, JobState state, const std::string& result,
                       const std::string& error, UnixSeconds now) {
  auto changed = guarded([&] {
    return c_.prepare(
                 "UPDATE jobs SET state = ?, result = ?, error = ?, finished_at = ?, claim = '' "
                 "WHERE id = ? AND claim = ? AND state = 'running'")
        .bind(1, std::string(to_string(state)))
        .bind(2, result)
        .bind(3, error)
        .bind(4, now)
        .bind(5, id)
        .bind(6, claim)
        .run();
  });
  if (!changed) return changed.error();
  return held_or_lost(*changed, id);
}

Result<int> SqlJobs::fail_abandoned(UnixSeconds now, int max_attempts) {
  return guarded([&] {
    return c_.prepare(
                 "UPDATE jobs SET state = 'failed', claim = '', finished_at = ?, "
                 "error = 'abandoned: its worker stopped answering on every attempt' "
                 "WHERE state = 'running' AND lease_until < ? AND attempts >= ?")
        .bind(1, now)
        .bind(2, now)
        .bind(3, max_attempts)
        .run();
  });
}

Result<bool> SqlJobs::cancel(std::int64_t id, UnixSeconds now) {
  return guarded([&] {
    return c_.prepare(
                 "UPDATE jobs SET state = 'cancelled', claim = '', finished_at = ? "
                 "WHERE id = ? AND state IN ('queued', 'running')")
               .bind(1, now)
               .bind(2, id)
               .run() > 0;
  });
}

}  // namespace convene::store
