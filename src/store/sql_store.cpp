// The Store over SQL: a small pool of connections (one per concurrent user,
// reused), each read in a snapshot transaction and each write in one
// transaction. The backends differ in three ways, each in one place here:
// - SQLite has one writer at a time: this process's writers queue on a mutex
//   instead of polling the file lock, so only other processes contend for it.
// - PostgreSQL runs writes SERIALIZABLE: a serialization failure or deadlock
//   runs the whole transaction again (kWriteAttempts times, and for at least
//   kWriteRetryWindow), never a 500. A write run again takes its turn alone,
//   across every server on the database (see Turn).
// - The page caches' key: SQLite serves one process, so a counter in memory;
//   PostgreSQL serves several, so the sequence convene_generation, bumped
//   after each commit and read by every server (see generation()).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "convene/store/sql.h"
#include "convene/store/store.h"
#include "sql_repo.h"

namespace convene {
namespace {

using store::Connection;
using store::Dialect;
using store::SqlError;

// Sixteen writers on one row (one telechat) through two servers all land
// with this many attempts (tests/http/concurrent_writers_test.cpp)...
constexpr int kWriteAttempts = 40;
// ...on a fast machine. Under ASan, beside other tests, one write of 240
// got a 5xx, most likely from running out of its 40 attempts, so a write
// also keeps trying until this long has passed since its first attempt
// (a bounded wait; after both, a 503 `database_conflict`).
constexpr auto kWriteRetryWindow = std::chrono::seconds(10);

// PostgreSQL: how a write takes its turn among the writes of every server
// on the database, by a session advisory lock taken before its transaction
// begins. A first attempt runs beside the others (the lock shared); a write
// run again after a serialization failure waits until no other write is
// running and holds new ones off while it runs (the lock exclusive), so it
// cannot lose to them again. Before, each process's retries went single
// file on a mutex, but two servers' retries could still collide. A turn
// not granted within kTurnTimeout is a 503 `database_busy`.
enum class Turn { beside, alone };
constexpr const char* kTurnTimeout = "10s";

class SqlStore : public Store {
 public:
  using Connect = std::function<std::unique_ptr<Connection>()>;

  explicit SqlStore(Connect connect) : connect_(std::move(connect)) {
    auto c = connect_();
    dialect_ = c->dialect();
    store::migrate(*c);
    release(std::move(c));
  }

  Status read(const std::function<Status(Repositories&)>& fn) override {
    return unless_busy([&] {
      auto c = acquire();
      Status s = ok_status();
      {
        store::Transaction tx(*c, false);
        s = run(*c, fn);
        tx.commit();
      }
      release(std::move(c));
      return s;
    });
  }

  Status write(const std::function<Status(Repositories&)>& fn) override {
    if (dialect_ == Dialect::sqlite) {
      std::lock_guard one_writer(write_mu_);
      return unless_busy([&] { return write_once(fn).value_or(ok_status()); });
    }
    // A first attempt runs beside the other writes; one that had to be run
    // again runs alone (Turn).
    const auto first = std::chrono::steady_clock::now();
    const auto trying = [&](int attempt) {
      return attempt <= kWriteAttempts || std::chrono::steady_clock::now() - first < kWriteRetryWindow;
    };
    for (int attempt = 1; trying(attempt); ++attempt) {
      auto s = unless_busy([&] { return write_once(fn, attempt == 1 ? Turn::beside : Turn::alone); });
      if (s) return *s;
      back_off(attempt);
    }
    return unavailable("database_conflict", "too many changes at once; try again");
  }

  std::uint64_t generation() const override {
    if (dialect_ == Dialect::sqlite) return local_generation_.load(std::memory_order_acquire);
    return shared_generation();
  }

 private:
  // One attempt at a write: its Status, or nothing when PostgreSQL asks for
  // the transaction to be run again. `turn` only matters on PostgreSQL.
  std::optional<Status> write_once(const std::function<Status(Repositories&)>& fn, Turn turn = Turn::beside) {
    auto c = acquire();
    const bool turns = dialect_ == Dialect::postgresql;
    if (turns) take_turn(*c, turn);
    Status s = ok_status();
    bool again = false;
    try {
      store::Transaction tx(*c, true);
      s = run(*c, fn);
      again = c->must_retry();
      if (s.ok() && !again) tx.commit();
    } catch (const SqlError& e) {
      if (!e.is_retry()) throw;
      again = true;
    }
    if (!again && s.ok()) bump(*c);
    if (!turns || end_turn(*c, turn)) release(std::move(c));
    if (again) return std::nullopt;
    return s;
  }

  // Waits for the turn (at most kTurnTimeout: then SqlError busy, and the
  // connection, its transaction aborted, is not reused). The lock is the
  // session's, so it outlives the short transaction that bounds the wait.
  static void take_turn(Connection& c, Turn turn) {
    c.exec(std::string("BEGIN; SET LOCAL lock_timeout = '") + kTurnTimeout + "'; SELECT " +
           (turn == Turn::alone ? "pg_advisory_lock(" : "pg_advisory_lock_shared(") + store::kWriteTurnKeys +
           "); COMMIT");
  }

  // Gives the turn back: false when that failed, and the connection must
  // then be closed (which frees the lock) rather than reused.
  static bool end_turn(Connection& c, Turn turn) {
    try {
      c.exec(std::string("SELECT ") + (turn == Turn::alone ? "pg_advisory_unlock(" : "pg_advisory_unlock_shared(") +
             store::kWriteTurnKeys + ")");
      return true;
    } catch (const SqlError&) {
      return false;
    }
  }

  void bump(Connection& c) {
    local_generation_.fetch_add(1, std::memory_order_release);
    if (dialect_ == Dialect::sqlite) return;
    try {
      c.exec("SELECT nextval('convene_generation')");
    } catch (const SqlError&) {
      // The write is committed; other servers see it on their next
      // uncached page. This process's own pages are keyed below as well.
    }
  }

  // The sequence's value, combined with this process's own count so that a
  // write here is never hidden by a failed bump. An unreadable sequence
  // gives a value no cache entry has.
  std::uint64_t shared_generation() const {
    try {
      auto c = acquire();
      auto st = c->prepare("SELECT last_value FROM convene_generation");
      std::uint64_t shared = st.step() ? static_cast<std::uint64_t>(st.int64(0)) : 0;
      release(std::move(c));
      return (shared << 20) ^ local_generation_.load(std::memory_order_acquire);
    } catch (const SqlError&) {
      return ~std::uint64_t{0} - uncached_.fetch_add(1);
    }
  }

  // Exponential back-off with full jitter, at most 100 ms a wait, so that
  // writers racing for one row spread out instead of colliding again.
  static void back_off(int attempt) {
    thread_local std::minstd_rand rng(std::random_device{}());
    int ceiling = std::min(100, 1 << std::min(attempt, 7));
    int us = std::uniform_int_distribution<int>(0, ceiling * 1000)(rng);
    std::this_thread::sleep_for(std::chrono::microseconds(us));
  }

  // Runs fn over the repositories of `c`. They return SQL failures as Error
  // values (sql_error); this catch is the last guard for one outside them.
  static Status run(Connection& c, const std::function<Status(Repositories&)>& fn) {
    store::SqlRepositories repos(c);
    return store::caught([&] { return fn(repos); });
  }

  // Runs a read or write; a database still locked after the busy timeout,
  // or a server that cannot be reached, becomes an `unavailable` error (HTTP
  // 503). The connection in use is then dropped, which rolls it back.
  template <class Op>
  static auto unless_busy(Op op) -> std::invoke_result_t<Op> {
    try {
      return op();
    } catch (const SqlError& e) {
      if (!e.is_busy()) throw;
      return Status(unavailable("database_busy", std::string("the database is busy; try again: ") + e.what()));
    }
  }

  std::unique_ptr<Connection> acquire() const {
    {
      std::lock_guard lock(mu_);
      if (!pool_.empty()) {
        auto c = std::move(pool_.back());
        pool_.pop_back();
        return c;
      }
    }
    return connect_();
  }

  void release(std::unique_ptr<Connection> c) const {
    if (!c->healthy()) return;
    std::lock_guard lock(mu_);
    pool_.push_back(std::move(c));
  }

  Connect connect_;
  Dialect dialect_ = Dialect::sqlite;
  mutable std::mutex mu_;  // guards pool_
  std::mutex write_mu_;  // SQLite: one writer at a time
  mutable std::vector<std::unique_ptr<Connection>> pool_;
  std::atomic<std::uint64_t> local_generation_{1};
  mutable std::atomic<std::uint64_t> uncached_{0};
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  return std::make_unique<SqlStore>([path] { return store::connect_sqlite(path); });
}

std::unique_ptr<Store> open_postgresql_store(const std::string& conninfo) {
  return std::make_unique<SqlStore>([conninfo] { return store::connect_postgresql(conninfo); });
}

std::unique_ptr<Store> open_store(const std::string& location) {
  if (is_postgresql(location)) return open_postgresql_store(location);
  return open_sqlite_store(sqlite_path(location));
}

std::string sqlite_path(const std::string& location) {
  return location.starts_with("sqlite:") ? location.substr(7) : location;
}

bool is_postgresql(const std::string& location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

}  // namespace convene
