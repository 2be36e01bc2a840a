// The store: every read and write of convene's state goes through Repo,
// inside Store::read (a consistent snapshot) or Store::write (one
// transaction: committed if the function returns ok, rolled back if it
// returns an error or throws). SQLite implements it now; PostgreSQL can
// implement the same interface without touching domain or web code.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "convene/auth/auth.h"
#include "convene/core/result.h"
#include "convene/core/time.h"
#include "convene/dispatch/dispatch.h"
#include "convene/draft/draft.h"
#include "convene/meeting/meeting.h"
#include "convene/telechat/store.h"

namespace convene {

struct WebSession {
  Person person;
  std::string csrf;
  UnixSeconds expires_at = 0;
};

struct AuditEntry {
  std::int64_t id = 0;
  UnixSeconds at = 0;
  std::string actor;    // e-mail, or "cli" for local administration
  std::string action;   // e.g. "meeting.create"
  std::string object;   // e.g. "meeting:121"
  std::string detail;   // JSON of what changed
};

struct DispatchSession {
  std::string meeting;
  std::string venue;
  int minutes = 90;
  std::vector<std::string> chairs_table;
};

struct Group {
  std::string acronym;
  std::string name;
  std::string type;     // wg, rg, bof, dispatch, area, iesg, hotrfc
  std::string area;     // "" when none
};

class Repo {
 public:
  virtual ~Repo() = default;

  // People and credentials.
  virtual std::optional<Person> person_by_email(const std::string& email) = 0;
  virtual std::optional<Person> person_by_token(const std::string& digest) = 0;
  virtual std::optional<std::string> password_hash(const std::string& email) = 0;
  // Creates the person, or updates name and password of an existing one; adds roles.
  virtual std::int64_t save_person(const std::string& email, const std::string& name,
                                   const std::string& password_hash,
                                   const std::vector<std::string>& roles) = 0;
  virtual void add_token(std::int64_t person_id, const std::string& digest, UnixSeconds now) = 0;
  virtual void add_web_session(const std::string& digest, std::int64_t person_id,
                               const std::string& csrf, UnixSeconds expires_at) = 0;
  virtual std::optional<WebSession> web_session(const std::string& digest) = 0;
  virtual void delete_web_session(const std::string& digest) = 0;
  virtual void audit(const AuditEntry& entry) = 0;
  virtual std::vector<AuditEntry> audit_log(int limit) = 0;

  // Directory.
  virtual std::vector<Group> groups() = 0;
  virtual void save_group(const Group& g) = 0;

  // Meetings and drafts.
  virtual std::optional<Meeting> meeting(const std::string& number) = 0;
  virtual std::vector<Meeting> meetings() = 0;
  virtual void insert_meeting(const Meeting& m) = 0;
  virtual std::optional<Draft> draft(const std::string& name) = 0;
  virtual std::vector<Draft> drafts() = 0;
  // Adds the revision (REQUIRES: not already stored) and updates title, authors, replaces.
  virtual void save_draft_revision(const DraftSubmission& s) = 0;

  // Dispatch.
  virtual std::optional<DispatchRequest> request(std::int64_t id) = 0;
  virtual std::vector<DispatchRequest> requests_at(const std::string& meeting) = 0;
  virtual std::vector<DispatchRequest> requests_for_drafts(const std::vector<std::string>& drafts) = 0;
  virtual std::int64_t insert_request(const DispatchRequest& r) = 0;  // returns the new id
  virtual void update_request(const DispatchRequest& r) = 0;
  virtual std::vector<WgAgendaEntry> wg_agenda(const std::string& meeting) = 0;
  virtual void add_wg_agenda_entry(const WgAgendaEntry& e, const std::string& by, UnixSeconds at) = 0;
  virtual bool is_hotrfc_topic(const std::string& meeting, const std::string& draft) = 0;
  virtual void add_hotrfc_topic(const std::string& meeting, const std::string& draft) = 0;
  virtual std::optional<DispatchSession> dispatch_session(const std::string& meeting,
                                                          const std::string& venue) = 0;
  virtual void save_dispatch_session(const DispatchSession& s) = 0;

  // Telechats, in the same transaction as everything else.
  virtual telechat::TelechatRepository& telechats() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual Status read(const std::function<Status(Repo&)>& fn) = 0;
  virtual Status write(const std::function<Status(Repo&)>& fn) = 0;
  // Bumped by every committed write of this process: a cache key for pages.
  virtual std::uint64_t generation() const = 0;
};

// Opens (creating and migrating) an SQLite store. Throws on an unusable file.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace convene
