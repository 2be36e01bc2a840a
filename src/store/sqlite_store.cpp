// Store over SQLite: a small pool of connections (one per concurrent user,
// reused), reads in a deferred transaction, writes in BEGIN IMMEDIATE.
#include <atomic>
#include <mutex>
#include <vector>

#include "convene/store/sqlite.h"
#include "convene/store/store.h"
#include "sqlite_repo.h"

namespace convene {
namespace {

using store::Connection;

class SqliteStore : public Store {
 public:
  explicit SqliteStore(std::string path) : path_(std::move(path)) {
    auto c = std::make_unique<Connection>(path_);
    store::migrate(*c);
    release(std::move(c));
  }

  Status read(const std::function<Status(Repositories&)>& fn) override {
    return unless_busy([&] {
      auto c = acquire();
      c->exec("BEGIN");
      Status s = run(*c, fn);
      c->exec(s.ok() ? "COMMIT" : "ROLLBACK");
      release(std::move(c));
      return s;
    });
  }

  Status write(const std::function<Status(Repositories&)>& fn) override {
    // SQLite has one writer at a time: this process's writers queue here
    // instead of polling the lock, so only other processes contend for it.
    std::lock_guard one_writer(write_mu_);
    return unless_busy([&] {
      auto c = acquire();
      Status s = ok_status();
      {
        store::Transaction tx(*c);
        s = run(*c, fn);
        if (s.ok()) {
          tx.commit();
          generation_.fetch_add(1, std::memory_order_release);
        }
      }
      release(std::move(c));
      return s;
    });
  }

  std::uint64_t generation() const override { return generation_.load(std::memory_order_acquire); }

 private:
  // Runs fn over the repositories of `c`. They return SQLite failures as
  // Error values (sql_error); this catch is the last guard for a failure
  // outside them.
  static Status run(Connection& c, const std::function<Status(Repositories&)>& fn) {
    store::SqliteRepositories repos(c);
    return store::caught([&] { return fn(repos); });
  }

  // Runs a read or write; the database still locked after the busy timeout
  // becomes an `unavailable` error (HTTP 503). The connection in use is then
  // closed, which rolls its transaction back.
  template <class Op>
  static Status unless_busy(Op op) {
    try {
      return op();
    } catch (const store::SqlError& e) {
      if (!e.is_busy()) throw;
      return unavailable("database_busy", std::string("the database is busy; try again: ") + e.what());
    }
  }

  std::unique_ptr<Connection> acquire() {
    {
      std::lock_guard lock(mu_);
      if (!pool_.empty()) {
        auto c = std::move(pool_.back());
        pool_.pop_back();
        return c;
      }
    }
    return std::make_unique<Connection>(path_);
  }

  void release(std::unique_ptr<Connection> c) {
    std::lock_guard lock(mu_);
    pool_.push_back(std::move(c));
  }

  std::string path_;
  std::mutex mu_;
  std::mutex write_mu_;
  std::vector<std::unique_ptr<Connection>> pool_;
  std::atomic<std::uint64_t> generation_{1};
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  return std::make_unique<SqliteStore>(path);
}

}  // namespace convene
