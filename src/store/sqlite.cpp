// The SQL layer over SQLite's C API.
#include <sqlite3.h>

#include "convene/store/sql.h"

namespace convene::store {
namespace {

SqlError::Kind kind_of(int code) {
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT: return SqlError::Kind::constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return SqlError::Kind::busy;
    default: return SqlError::Kind::other;
  }
}

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  throw SqlError(msg, kind_of(rc));
}

class SqliteStatement : public StatementImpl {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, "prepare '" + std::string(sql) + "'");
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;

  void bind(int i, std::int64_t v) override { check(sqlite3_bind_int64(stmt_, i, v)); }
  void bind(int i, std::string_view v) override {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  void bind_null(int i) override { check(sqlite3_bind_null(stmt_, i)); }

  bool step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, sqlite3_extended_errcode(db_), "step");
  }
  int changes() const override { return sqlite3_changes(db_); }

  std::int64_t int64(int c) const override { return sqlite3_column_int64(stmt_, c); }
  std::string text(int c) const override {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, c))) : std::string();
  }
  bool is_null(int c) const override { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int columns() const override { return sqlite3_column_count(stmt_); }
  std::string column_name(int c) const override { return sqlite3_column_name(stmt_, c); }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail(db_, rc, "bind");
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteConnection : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    int rc = sqlite3_open_v2(path.c_str(), &db_,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = "cannot open database '" + path + "': " + sqlite3_errstr(rc);
      sqlite3_close(db_);
      throw SqlError(msg, kind_of(rc));
    }
    sqlite3_busy_timeout(db_, kSqliteBusyTimeoutMs);
    try {
      exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
    } catch (...) {
      sqlite3_close(db_);
      throw;
    }
  }
  ~SqliteConnection() override { sqlite3_close(db_); }
  SqliteConnection(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }

  void exec(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      throw SqlError("exec: " + msg, kind_of(sqlite3_extended_errcode(db_)));
    }
  }

  Statement prepare(std::string_view sql) override {
    return Statement(std::make_unique<SqliteStatement>(db_, sql));
  }

  // BEGIN IMMEDIATE waits for the write lock up to the busy timeout, so a
  // write never fails later for want of the lock.
  void begin(bool write) override { exec(write ? "BEGIN IMMEDIATE" : "BEGIN"); }

  sqlite3* raw() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Connection> connect_sqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

void backup_sqlite(const std::string& path, const std::string& file) {
  SqliteConnection source(path);
  sqlite3* target = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_backup* b = sqlite3_backup_init(target, "main", source.raw(), "main");
    if (b) {
      do {
        rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
      } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish(b);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    } else {
      rc = sqlite3_errcode(target);
    }
  }
  std::string message = target ? sqlite3_errmsg(target) : sqlite3_errstr(rc);
  sqlite3_close(target);
  if (rc != SQLITE_OK) throw SqlError("backup into '" + file + "': " + message, kind_of(rc));
}

}  // namespace convene::store
