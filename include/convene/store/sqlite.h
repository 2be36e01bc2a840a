// A thin RAII layer over the SQLite C API: connections, prepared statements,
// and IMMEDIATE transactions. SQL-level code only; domain code never sees it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace convene::store {

// Thrown for SQLite failures that are bugs or environment faults (disk full,
// bad SQL). Constraint violations are mapped to domain errors by callers.
struct SqlError : std::runtime_error {
  SqlError(const std::string& what, int code) : std::runtime_error(what), code(code) {}
  int code;
  bool is_constraint() const;
  // SQLITE_BUSY or SQLITE_LOCKED (any extended code): another connection
  // held the lock for longer than the busy timeout. Retrying later may work.
  bool is_busy() const;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&&) noexcept;
  Statement(const Statement&) = delete;

  // Bind by 1-based index. Returns *this for chaining.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind_null(int index);

  // Steps once: true while a row is available.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  void reset();

  std::int64_t int64(int column) const;
  int integer(int column) const { return static_cast<int>(int64(column)); }
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Connection {
 public:
  // Opens (creating if needed) the database file, WAL mode, foreign keys on,
  // busy timeout kBusyTimeout: a statement that finds the database locked
  // waits up to that long before it throws a SqlError with is_busy(). Throws
  // SqlError naming the path on failure.
  explicit Connection(const std::string& path);
  static constexpr int kBusyTimeoutMs = 10'000;
  ~Connection();
  Connection(const Connection&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  std::int64_t last_insert_id() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const;
  sqlite3* raw() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction (it waits for the write lock up to the
// busy timeout, so a write never fails later for want of the lock); ROLLBACK
// on destruction unless commit().
class Transaction {
 public:
  explicit Transaction(Connection& c);
  ~Transaction();
  void commit();

 private:
  Connection& c_;
  bool done_ = false;
};

// Brings the schema to the newest version (PRAGMA user_version), each
// migration in its own transaction. Returns the version reached.
int migrate(Connection& c);

}  // namespace convene::store
