// The SQL repositories over one connection (SQLite or PostgreSQL), one class
// per domain, each statement written once for both. No method throws: SQL
// failures become Error values (guarded). Internal to
// src/store.
#pragma once

#include <type_traits>

#include "convene/store/sql.h"
#include "convene/store/store.h"
#include "sql_plan.h"
#include "sql_telechats.h"

namespace convene::store {

// A list of strings as stored in a TEXT column (a JSON array), and back; a
// malformed column reads as an empty list.
std::string list_json(const std::vector<std::string>& v);
std::vector<std::string> list_from(const std::string& text);

// A LIKE pattern (with ESCAPE '\\') matching any text that contains `text`
// lower-cased (ASCII letters only), its '%', '_' and '\\' taken literally.
std::string contains_pattern(const std::string& text);

// An SQL failure as an Error: the database still locked after the busy
// timeout is unavailable (503, try again), a constraint violation that
// slipped past the domain checks a conflict, anything else internal.
Error sql_error(const SqlError& e);

// Runs f; an SqlError becomes an Error value. f returns a value (wrapped in
// Result) or nothing (ok_status).
template <class F>
auto guarded(F&& f) {
  using T = std::invoke_result_t<F>;
  if constexpr (std::is_void_v<T>) {
    try {
      f();
      return ok_status();
    } catch (const SqlError& e) {
      return Status(sql_error(e));
    }
  } else {
    try {
      return Result<T>(f());
    } catch (const SqlError& e) {
      return Result<T>(sql_error(e));
    }
  }
}

// Runs f, which returns a Result or Status already; an SqlError becomes that
// Result's Error.
template <class F>
auto caught(F&& f) -> std::invoke_result_t<F> {
  try {
    return f();
  } catch (const SqlError& e) {
    return sql_error(e);
  }
}

class SqlPeople : public PeopleRepository {
 public:
  explicit SqlPeople(Connection& c) : c_(c) {}
  Result<std::optional<Person>> by_email(const std::string& email) override;
  Result<std::optional<Person>> by_id(std::int64_t id) override;
  Result<std::optional<Person>> by_token(const std::string& digest, UnixSeconds now) override;
  Result<std::optional<std::string>> password_hash(const std::string& email) override;
  Result<std::int64_t> save(const std::string& email, const std::string& name, const std::string& hash,
                            const std::vector<std::string>& roles) override;
  Result<std::int64_t> add_token(std::int64_t person_id, const std::string& digest, const std::string& name,
                                 UnixSeconds now, std::optional<UnixSeconds> expires_at) override;
  Result<std::optional<ApiToken>> token(const std::string& digest) override;
  Status note_token_use(const std::string& digest, UnixSeconds now) override;
  Result<std::vector<ApiToken>> tokens_of(std::int64_t person_id) override;
  Result<bool> revoke_token(std::int64_t person_id, std::int64_t token_id) override;
  Status end_sessions_except(std::int64_t person_id, const std::string& keep_session) override;
  Status add_web_session(const std::string& digest, std::int64_t person_id, const std::string& csrf,
                         UnixSeconds expires_at) override;
  Result<std::optional<WebSession>> web_session(const std::string& digest) override;
  Status delete_web_session(const std::string& digest) override;
  Result<std::vector<Person>> with_role(const std::string& role) override;

 private:
  // The person of the statement's first row (id, email, name), with roles.
  std::optional<Person> first_person(Statement& st);
  std::vector<std::string> roles_of(std::int64_t id);
  Connection& c_;
};

class SqlAudit : public AuditLog {
 public:
  explicit SqlAudit(Connection& c) : c_(c) {}
  Status append(const AuditEntry& e) override;
  Result<std::vector<AuditEntry>> recent(int limit, std::int64_t before_id) override;

 private:
  Connection& c_;
};

class SqlDirectory : public DirectoryRepository {
 public:
  explicit SqlDirectory(Connection& c) : c_(c) {}
  Result<std::vector<Group>> groups() override;
  Result<std::optional<Group>> group(const std::string& acronym) override;
  Status save_group(const Group& g) override;
  Result<std::vector<Area>> areas() override;
  Status save_area(const Area& a) override;

 private:
  Connection& c_;
};

class SqlMeetings : public MeetingRepository {
 public:
  explicit SqlMeetings(Connection& c) : c_(c) {}
  Result<std::optional<Meeting>> find(const std::string& number) override;
  Result<std::vector<Meeting>> list(int limit, int offset) override;
  Status insert(const Meeting& m) override;

 private:
  static std::vector<Meeting> rows(Statement& st);
  Connection& c_;
};

class SqlDrafts : public DraftRepository {
 public:
  explicit SqlDrafts(Connection& c) : c_(c) {}
  Result<std::optional<Draft>> find(const std::string& name) override;
  Status save_revision(const DraftSubmission& s, const Recording& r) override;
  Result<std::vector<std::string>> family(const std::string& name) override;
  Result<std::map<std::string, std::string>> titles(const std::vector<std::string>& names) override;
  Result<DraftPage> search(const DraftQuery& q) override;

 private:
  Connection& c_;
};

class SqlDispatch : public DispatchRepository {
 public:
  explicit SqlDispatch(Connection& c) : c_(c) {}
  Result<std::optional<DispatchRequest>> request(std::int64_t id) override;
  Result<std::vector<DispatchRequest>> at_meeting(const std::string& meeting) override;
  Result<std::vector<DispatchRequest>> for_drafts(const std::vector<std::string>& drafts) override;
  Result<std::vector<DispatchRequest>> by_proponent(const std::string& email) override;
  Result<std::int64_t> insert(const DispatchRequest& r) override;
  Status update(const DispatchRequest& r) override;
  Result<std::vector<WgAgendaEntry>> wg_agenda(const std::string& meeting) override;
  Status add_wg_agenda_entry(const WgAgendaEntry& e, const std::string& by, UnixSeconds at) override;
  Result<bool> is_hotrfc_topic(const std::string& meeting, const std::string& draft) override;
  Status add_hotrfc_topic(const std::string& meeting, const std::string& draft) override;
  Result<std::vector<std::string>> hotrfc_topics(const std::string& meeting) override;
  Result<std::optional<DispatchSession>> session(const std::string& meeting, const std::string& venue) override;
  Status save_session(const DispatchSession& s) override;

 private:
  // The requests selected by `clause` with one parameter `key` (a string or an integer).
  template <class Key>
  std::vector<DispatchRequest> where(const std::string& clause, const Key& key);
  Connection& c_;
};

class SqlJobs : public JobRepository {
 public:
  explicit SqlJobs(Connection& c) : c_(c) {}
  Result<std::int64_t> enqueue(const std::string& kind, const std::string& input, const std::string& by,
                               UnixSeconds now) override;
  Result<std::optional<Job>> find(std::int64_t id) override;
  Result<std::optional<Job>> claim(const std::string& worker, const std::string& claim, UnixSeconds now, int lease_s,
                                   int max_attempts) override;
  Status heartbeat(std::int64_t id, const std::string& claim, const std::string& progress, UnixSeconds now,
                   int lease_s) override;
  Status finish(std::int64_t id, const std::string& claim, JobState state, const std::string& result,
                const std::string& error, UnixSeconds now) override;
  Result<int> fail_abandoned(UnixSeconds now, int max_attempts) override;
  Result<bool> cancel(std::int64_t id, UnixSeconds now) override;

 private:
  Connection& c_;
};

class SqlRepositories : public Repositories {
 public:
  explicit SqlRepositories(Connection& c)
      : people_(c), audit_(c), directory_(c), meetings_(c), drafts_(c), dispatch_(c), telechats_(c), jobs_(c),
        plan_(c) {}
  PeopleRepository& people() override { return people_; }
  AuditLog& audit() override { return audit_; }
  DirectoryRepository& directory() override { return directory_; }
  MeetingRepository& meetings() override { return meetings_; }
  DraftRepository& drafts() override { return drafts_; }
  DispatchRepository& dispatch() override { return dispatch_; }
  telechat::TelechatRepository& telechats() override { return telechats_; }
  JobRepository& jobs() override { return jobs_; }
  PlanRepository& plan() override { return plan_; }

 private:
  SqlPeople people_;
  SqlAudit audit_;
  SqlDirectory directory_;
  SqlMeetings meetings_;
  SqlDrafts drafts_;
  SqlDispatch dispatch_;
  SqlTelechats telechats_;
  SqlJobs jobs_;
  SqlPlan plan_;
};

}  // namespace convene::store
