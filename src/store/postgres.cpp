// The SQL layer over PostgreSQL's libpq. Statements are prepared once per
// connection (the first time their text is seen) and run with text
// parameters; `?` placeholders become $1, $2, ...
#include <libpq-fe.h>

#include <charconv>
#include <optional>
#include <unordered_map>
#include <vector>

#include "convene/store/sql.h"

namespace convene::store {
namespace {

constexpr size_t kMaxPrepared = 256;  // beyond this, statements run unnamed

SqlError::Kind kind_of(std::string_view state) {
  if (state == "40001" || state == "40P01") return SqlError::Kind::retry;
  if (state.starts_with("23")) return SqlError::Kind::constraint;
  if (state.starts_with("22")) return SqlError::Kind::data;
  if (state.starts_with("08") || state.starts_with("53") || state.starts_with("57") || state == "55P03")
    return SqlError::Kind::busy;
  return SqlError::Kind::other;
}

std::string trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Throws for a result that is not a success (and frees it); a success is
// left to the caller.
void check(PGconn* conn, PGresult* res, std::string_view what) {
  auto status = PQresultStatus(res);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = std::string(what) + ": " + trimmed(res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  auto kind = state ? kind_of(state) : SqlError::Kind::busy;  // no state: the connection failed
  PQclear(res);
  throw SqlError(msg, kind);
}

// `?` outside quotes becomes $1, $2, ... in order.
std::string numbered(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char ch : sql) {
    if (quote) {
      if (ch == quote) quote = 0;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
    } else if (ch == '?') {
      out += '$' + std::to_string(++n);
      continue;
    }
    out += ch;
  }
  return out;
}

class PgStatement : public StatementImpl {
 public:
  // `name` empty: run `sql` unnamed.
  PgStatement(PGconn* conn, bool& retry, std::string name, std::string sql)
      : conn_(conn), retry_(retry), name_(std::move(name)), sql_(std::move(sql)) {}
  ~PgStatement() override { PQclear(res_); }
  PgStatement(const PgStatement&) = delete;

  void bind(int i, std::int64_t v) override { slot(i) = std::to_string(v); }
  void bind(int i, std::string_view v) override { slot(i) = std::string(v); }
  void bind_null(int i) override { slot(i) = std::nullopt; }

  bool step() override {
    if (!res_) execute();
    return ++row_ < PQntuples(res_);
  }
  int changes() const override {
    const char* n = res_ ? PQcmdTuples(res_) : "";
    return *n ? std::atoi(n) : 0;
  }

  std::int64_t int64(int c) const override {
    const char* v = PQgetvalue(res_, row_, c);
    std::int64_t out = 0;
    std::from_chars(v, v + PQgetlength(res_, row_, c), out);
    return out;
  }
  std::string text(int c) const override {
    return std::string(PQgetvalue(res_, row_, c), static_cast<size_t>(PQgetlength(res_, row_, c)));
  }
  bool is_null(int c) const override { return PQgetisnull(res_, row_, c) != 0; }
  int columns() const override { return res_ ? PQnfields(res_) : 0; }
  std::string column_name(int c) const override { return PQfname(res_, c); }

 private:
  std::optional<std::string>& slot(int i) {
    if (static_cast<size_t>(i) > params_.size()) params_.resize(static_cast<size_t>(i));
    return params_[static_cast<size_t>(i) - 1];
  }

  void execute() {
    std::vector<const char*> values;
    for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
    int n = static_cast<int>(values.size());
    PGresult* res = name_.empty()
                        ? PQexecParams(conn_, sql_.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0)
                        : PQexecPrepared(conn_, name_.c_str(), n, values.data(), nullptr, nullptr, 0);
    try {
      check(conn_, res, "run '" + sql_ + "'");
    } catch (const SqlError& e) {
      if (e.is_retry()) retry_ = true;
      throw;
    }
    res_ = res;
  }

  PGconn* conn_;
  bool& retry_;
  std::string name_;
  std::string sql_;
  std::vector<std::optional<std::string>> params_;
  PGresult* res_ = nullptr;
  int row_ = -1;
};

void ignore_notice(void*, const char*) {}

class PgConnection : public Connection {
 public:
  explicit PgConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = "cannot connect to PostgreSQL: " + trimmed(PQerrorMessage(conn_));
      PQfinish(conn_);
      throw SqlError(msg, SqlError::Kind::busy);
    }
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
    try {
      exec("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
    } catch (...) {
      PQfinish(conn_);
      throw;
    }
  }
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgresql; }

  void exec(std::string_view sql) override {
    std::string s(sql);
    PGresult* res = PQexec(conn_, s.c_str());
    check(conn_, res, "exec");
    PQclear(res);
  }

  Statement prepare(std::string_view sql) override {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it != prepared_.end())
      return Statement(std::make_unique<PgStatement>(conn_, retry_, it->second.name, it->second.text));
    std::string text = numbered(sql);
    if (prepared_.size() >= kMaxPrepared) return Statement(std::make_unique<PgStatement>(conn_, retry_, "", text));
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
    check(conn_, res, "prepare '" + text + "'");
    PQclear(res);
    prepared_.emplace(std::move(key), Prepared{name, text});
    return Statement(std::make_unique<PgStatement>(conn_, retry_, name, text));
  }

  void begin(bool write) override {
    retry_ = false;
    exec(write ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }

  bool must_retry() const override { return retry_; }

  bool healthy() const override {
    return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
  }

 private:
  struct Prepared {
    std::string name;
    std::string text;  // with $n placeholders
  };
  PGconn* conn_;
  bool retry_ = false;
  std::unordered_map<std::string, Prepared> prepared_;  // by the SQL text given
};

}  // namespace

std::unique_ptr<Connection> connect_postgresql(const std::string& conninfo) {
  return std::make_unique<PgConnection>(conninfo);
}

}  // namespace convene::store
