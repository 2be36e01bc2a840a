// SQLite implementation of Repo over one connection. Internal to src/store.
#pragma once

#include "convene/store/sqlite.h"
#include "convene/store/store.h"
#include "telechat_repo.h"

namespace convene::store {

class SqliteRepo : public Repo {
 public:
  explicit SqliteRepo(Connection& c) : c_(c), telechats_(c) {}

  std::optional<Person> person_by_email(const std::string& email) override;
  std::optional<Person> person_by_token(const std::string& digest) override;
  std::optional<std::string> password_hash(const std::string& email) override;
  std::int64_t save_person(const std::string& email, const std::string& name,
                           const std::string& password_hash,
                           const std::vector<std::string>& roles) override;
  void add_token(std::int64_t person_id, const std::string& digest, UnixSeconds now) override;
  void add_web_session(const std::string& digest, std::int64_t person_id, const std::string& csrf,
                       UnixSeconds expires_at) override;
  std::optional<WebSession> web_session(const std::string& digest) override;
  void delete_web_session(const std::string& digest) override;
  void audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> audit_log(int limit) override;

  std::vector<Group> groups() override;
  void save_group(const Group& g) override;

  std::optional<Meeting> meeting(const std::string& number) override;
  std::vector<Meeting> meetings() override;
  void insert_meeting(const Meeting& m) override;
  std::optional<Draft> draft(const std::string& name) override;
  std::vector<Draft> drafts() override;
  void save_draft_revision(const DraftSubmission& s) override;

  std::optional<DispatchRequest> request(std::int64_t id) override;
  std::vector<DispatchRequest> requests_at(const std::string& meeting) override;
  std::vector<DispatchRequest> requests_for_drafts(const std::vector<std::string>& drafts) override;
  std::int64_t insert_request(const DispatchRequest& r) override;
  void update_request(const DispatchRequest& r) override;
  std::vector<WgAgendaEntry> wg_agenda(const std::string& meeting) override;
  void add_wg_agenda_entry(const WgAgendaEntry& e, const std::string& by, UnixSeconds at) override;
  bool is_hotrfc_topic(const std::string& meeting, const std::string& draft) override;
  void add_hotrfc_topic(const std::string& meeting, const std::string& draft) override;
  std::optional<DispatchSession> dispatch_session(const std::string& meeting,
                                                  const std::string& venue) override;
  void save_dispatch_session(const DispatchSession& s) override;
  telechat::TelechatRepository& telechats() override { return telechats_; }

 private:
  std::optional<Person> person_where(const char* sql, const std::string& key);
  std::vector<std::string> roles_of(std::int64_t id);
  std::vector<Meeting> meetings_where(const std::string& where, const std::string& key);
  std::vector<DispatchRequest> requests_where(const std::string& where, const std::string& key);
  Connection& c_;
  SqliteTelechats telechats_;
};

}  // namespace convene::store
