// The store: every read and write of convene's state goes through one
// repository per domain, reached from Repositories inside Store::read (a
// consistent snapshot) or Store::write (one transaction: committed if the
// function returns ok, rolled back if it returns an error). Each repository
// states its own contract in its domain's header; none throws. SQLite
// and PostgreSQL (one SQL implementation over sql.h) and the in-memory twin
// implement it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "convene/audit/audit.h"
#include "convene/auth/repository.h"
#include "convene/core/result.h"
#include "convene/directory/directory.h"
#include "convene/dispatch/repository.h"
#include "convene/draft/repository.h"
#include "convene/jobs/job.h"
#include "convene/plan/plan.h"
#include "convene/meeting/repository.h"
#include "convene/telechat/store.h"

namespace convene {

// The repositories of one transaction. REQUIRES: used only inside the
// read/write call that handed it out.
class Repositories {
 public:
  virtual ~Repositories() = default;
  virtual PeopleRepository& people() = 0;
  virtual AuditLog& audit() = 0;
  virtual DirectoryRepository& directory() = 0;
  virtual MeetingRepository& meetings() = 0;
  virtual DraftRepository& drafts() = 0;
  virtual DispatchRepository& dispatch() = 0;
  virtual telechat::TelechatRepository& telechats() = 0;
  virtual JobRepository& jobs() = 0;
  virtual PlanRepository& plan() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs fn on a consistent snapshot; returns what fn returns, or an
  // internal Error when the snapshot cannot be taken.
  virtual Status read(const std::function<Status(Repositories&)>& fn) = 0;
  // Runs fn in one transaction: committed when fn returns ok, rolled back
  // (nothing of it kept) when fn returns an Error, which is returned. fn
  // may run more than once (PostgreSQL runs a write that hit a
  // serialization failure again, alone among every server's writes: at
  // least 40 times, and until 10 s have passed), so it reaches the database
  // only through the repositories, and must not write through the store
  // again itself. A database that stays locked or conflicting, or a turn
  // not granted within 10 s, gives an `unavailable` Error, nothing kept.
  virtual Status write(const std::function<Status(Repositories&)>& fn) = 0;
  // Bumped by every committed write of this process: a cache key for pages.
  virtual std::uint64_t generation() const = 0;
};

// Opens (creating and migrating) an SQLite store. Throws on an unusable file.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

// Opens (migrating) a PostgreSQL store: a libpq connection string or URI.
// Throws when the server cannot be reached or the schema cannot be made.
std::unique_ptr<Store> open_postgresql_store(const std::string& conninfo);

// Whether a --db location names a PostgreSQL server (postgresql:// or
// postgres://); anything else is an SQLite file, "sqlite:" prefix optional.
bool is_postgresql(const std::string& location);

// The SQLite file a non-PostgreSQL --db location names: without its
// optional "sqlite:" prefix.
std::string sqlite_path(const std::string& location);

// Opens the store a --db location names (see is_postgresql).
std::unique_ptr<Store> open_store(const std::string& location);

// A store held in memory, for tests: the same contracts, transactions that
// roll back, nothing on disk.
std::unique_ptr<Store> open_memory_store();

}  // namespace convene
