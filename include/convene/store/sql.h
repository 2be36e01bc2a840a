// A thin RAII layer over two SQL C APIs, SQLite and PostgreSQL's libpq:
// connections, prepared statements with `?` placeholders, and transactions.
// The repositories write their SQL once against it; the few places where the
// dialects differ ask the connection for a fragment. SQL-level code only:
// domain code never sees it.
//
// Why not SOCI: the two C APIs are small, and this layer needs what SOCI 4.0
// does not say plainly: which failures mean "retry the transaction"
// (serialization failure, deadlock), "busy, try later" or "constraint".
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace convene::store {

enum class Dialect { sqlite, postgresql };

// Thrown for SQL failures. Repositories turn it into an Error value
// (sql_error in sql_repo.h); constraint violations the domain checks missed
// become conflicts.
struct SqlError : std::runtime_error {
  enum class Kind {
    other,       // a bug or an environment fault (disk full, bad SQL)
    constraint,  // a UNIQUE, FOREIGN KEY or CHECK constraint refused the change
    busy,        // locked beyond the busy timeout, or the server is unreachable: try later
    retry,       // serialization failure or deadlock: run the transaction again
    data,        // a value the database cannot hold (e.g. a NUL byte in PostgreSQL text)
  };
  SqlError(const std::string& what, Kind kind) : std::runtime_error(what), kind(kind) {}
  Kind kind;
  bool is_constraint() const { return kind == Kind::constraint; }
  bool is_busy() const { return kind == Kind::busy; }
  bool is_retry() const { return kind == Kind::retry; }
};

// One backend's prepared statement; see Statement.
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void bind(int index, std::int64_t value) = 0;
  virtual void bind(int index, std::string_view value) = 0;
  virtual void bind_null(int index) = 0;
  virtual bool step() = 0;
  virtual int changes() const = 0;
  virtual std::int64_t int64(int column) const = 0;
  virtual std::string text(int column) const = 0;
  virtual bool is_null(int column) const = 0;
  virtual int columns() const = 0;
  virtual std::string column_name(int column) const = 0;
};

class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementImpl> impl) : impl_(std::move(impl)) {}

  // Bind by 1-based index. Returns *this for chaining.
  Statement& bind(int index, std::int64_t value) {
    impl_->bind(index, value);
    return *this;
  }
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::string_view value) {
    impl_->bind(index, value);
    return *this;
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind_null(int index) {
    impl_->bind_null(index);
    return *this;
  }

  // Steps once: true while a row is available. The first step runs it.
  bool step() { return impl_->step(); }
  // Runs a statement to its end; returns the rows an INSERT, UPDATE or
  // DELETE changed.
  int run() {
    while (step()) {
    }
    return impl_->changes();
  }

  std::int64_t int64(int column) const { return impl_->int64(column); }
  int integer(int column) const { return static_cast<int>(int64(column)); }
  std::string text(int column) const { return impl_->text(column); }
  bool is_null(int column) const { return impl_->is_null(column); }
  int columns() const { return impl_->columns(); }
  std::string column_name(int column) const { return impl_->column_name(column); }

 private:
  std::unique_ptr<StatementImpl> impl_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements without parameters.
  virtual void exec(std::string_view sql) = 0;
  // Prepares one statement; `?` marks each parameter. Throws SqlError.
  virtual Statement prepare(std::string_view sql) = 0;
  // Starts a transaction: a read sees one snapshot; a write takes what it
  // needs so that it commits or fails whole (SQLite: the write lock at once;
  // PostgreSQL: SERIALIZABLE, so a failure may ask for a retry).
  virtual void begin(bool write) = 0;
  // False once the connection is broken (it is then not reused).
  virtual bool healthy() const { return true; }
  // True when a statement of the current transaction failed for a
  // serialization failure or a deadlock (PostgreSQL): whatever the caller
  // made of that failure, the transaction must be rolled back and run again.
  // begin() clears it.
  virtual bool must_retry() const { return false; }

  // Dialect fragments. A subquery yielding the strings of the JSON array
  // bound to its one `?`, as the column `value`.
  std::string json_strings() const;
  // The column that orders rows of `wg_agenda_entries` by insertion.
  std::string insertion_order() const;
  // Appended to a SELECT whose rows are about to be updated: PostgreSQL
  // locks them and skips rows another transaction holds (SQLite's one
  // writer needs nothing).
  std::string skip_locked() const;
  // One `?` as a text value that mixes with text columns in a UNION
  // (PostgreSQL's columns are COLLATE "C", see migrations.cpp).
  std::string text_parameter() const;
};

// begin() on construction; ROLLBACK on destruction unless commit().
class Transaction {
 public:
  Transaction(Connection& c, bool write);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  void commit();

 private:
  Connection& c_;
  bool done_ = false;
};

// An SQLite database file, created if needed: WAL mode, foreign keys on, and
// a busy timeout of kSqliteBusyTimeoutMs (a statement that finds the database
// locked waits that long, then throws SqlError busy). Throws SqlError naming
// the path on failure.
constexpr int kSqliteBusyTimeoutMs = 10'000;

// PostgreSQL: writes take their turn by the session advisory lock with
// these two keys (the arguments of pg_advisory_lock()): shared for a first
// attempt, exclusive for a write run again after a serialization failure
// (see sql_store.cpp). One per schema, so stores on other schemas of the
// same database never wait for each other.
constexpr const char* kWriteTurnKeys = "7305143, hashtext(current_schema())";
std::unique_ptr<Connection> connect_sqlite(const std::string& path);

// A PostgreSQL server by libpq connection string or URI
// (postgresql://user@host:5432/db). Throws SqlError (busy) when it cannot
// connect, naming the server but never the password.
std::unique_ptr<Connection> connect_postgresql(const std::string& conninfo);

// SQLite's online backup of the database at `path` into the new file
// `file`: a consistent copy while others keep writing. Throws SqlError.
void backup_sqlite(const std::string& path, const std::string& file);

// Brings the schema to the newest version, each migration in its own
// transaction (SQLite: PRAGMA user_version; PostgreSQL: the table
// schema_version, under an advisory lock so that servers starting together
// migrate once). Returns the version reached.
int migrate(Connection& c);

}  // namespace convene::store
