// Copy, describe and back up whole databases (admin.h).
#include "convene/store/admin.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "convene/store/sql.h"
#include "convene/store/store.h"

extern char** environ;

namespace convene::store {
namespace {

// Every table, parents before children (foreign keys). store_test checks
// that the schema has no table this list misses.
const std::vector<std::string> kTables = {
    "people",         "roles",           "api_tokens",        "web_sessions",  "audit_log",
    "areas",          "groups",         "meetings",        "drafts",            "draft_revisions", "draft_replaces",
    "dispatch_requests", "wg_agenda_entries", "hotrfc_topics", "dispatch_sessions", "telechats",
    "telechat_series", "jobs", "plan_rooms", "plan_timeslots", "plan_groups", "session_requests",
    "exclusive_exceptions", "plan_settings", "schedules",
};

// Tables a new database already holds rows of (seeded by a migration): not
// counted as data when checking that a target is empty, and emptied before
// the source's rows go in.
const std::vector<std::string> kSeeded = {"areas"};

using Row = std::vector<std::optional<std::string>>;

std::unique_ptr<Connection> connect(const std::string& location) {
  if (is_postgresql(location)) return connect_postgresql(location);
  return connect_sqlite(sqlite_path(location));
}

// The table's columns but PostgreSQL's `seq` (its stand-in for SQLite's
// rowid, which the target numbers itself): the same list on both backends.
std::vector<std::string> columns_of(Connection& c, const std::string& table) {
  auto st = c.prepare("SELECT * FROM " + table + " LIMIT 0");
  st.step();
  std::vector<std::string> out;
  for (int i = 0; i < st.columns(); ++i)
    if (st.column_name(i) != "seq") out.push_back(st.column_name(i));
  return out;
}

std::string joined(const std::vector<std::string>& v, const std::string& each) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + (each.empty() ? v[i] : each);
  return out;
}

std::vector<Row> rows_of(Connection& c, const std::string& table, const std::vector<std::string>& columns) {
  auto st = c.prepare("SELECT " + joined(columns, "") + " FROM " + table);
  std::vector<Row> rows;
  while (st.step()) {
    Row row;
    for (int i = 0; i < static_cast<int>(columns.size()); ++i)
      row.push_back(st.is_null(i) ? std::nullopt : std::optional<std::string>(st.text(i)));
    rows.push_back(std::move(row));
  }
  return rows;
}

// FNV-1a over the rows in sorted order, each value marked as null or text
// and ended, so that neither storage order nor value boundaries can hide a
// difference.
std::uint64_t checksum(std::vector<Row> rows) {
  std::sort(rows.begin(), rows.end());
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&](unsigned char b) { h = (h ^ b) * 1099511628211ULL; };
  for (const auto& row : rows) {
    for (const auto& v : row) {
      mix(v ? 'v' : 'n');
      if (v)
        for (char ch : *v) mix(static_cast<unsigned char>(ch));
      mix(0x1f);
    }
    mix(0x1e);
  }
  return h;
}

std::vector<TableCopy> describe(Connection& c) {
  std::vector<TableCopy> out;
  for (const auto& t : kTables) {
    auto rows = rows_of(c, t, columns_of(c, t));
    out.push_back({t, static_cast<std::int64_t>(rows.size()), checksum(std::move(rows))});
  }
  return out;
}

std::optional<std::string> first_non_empty(Connection& c) {
  for (const auto& t : kTables) {
    if (std::ranges::count(kSeeded, t)) continue;
    auto st = c.prepare("SELECT COUNT(*) FROM " + t);
    if (st.step() && st.int64(0) > 0) return t;
  }
  return std::nullopt;
}

// Moves table's id sequence past the copied ids, when id is an identity
// column (plan_rooms.id, a text key, has none).
void restart_identity(Connection& to, const std::string& table) {
  auto st = to.prepare("SELECT pg_get_serial_sequence('" + table + "', 'id')");
  if (!st.step() || st.is_null(0)) return;
  to.exec("SELECT setval('" + st.text(0) + "', (SELECT COALESCE(MAX(id), 0) + 1 FROM " + table + "), false)");
}

// Values one INSERT binds at most: well under SQLite's 32,766 and
// PostgreSQL's 65,535. Many rows to a statement spare a round trip per row
// (on PostgreSQL, most of a copy's time).
constexpr std::size_t kValuesPerInsert = 2000;

std::string insert_rows(const std::string& table, const std::vector<std::string>& columns, std::size_t rows) {
  const std::string one = "(" + joined(columns, "?") + ")";
  std::string sql = "INSERT INTO " + table + "(" + joined(columns, "") + ") VALUES ";
  for (std::size_t i = 0; i < rows; ++i) sql += (i ? ", " : "") + one;
  return sql;
}

// Copies one table; returns the source's count and checksum, taken from the
// rows it copied.
TableCopy copy_table(Connection& from, Connection& to, const std::string& table) {
  const auto columns = columns_of(from, table);
  auto rows = rows_of(from, table, columns);
  const std::size_t per = std::max<std::size_t>(1, kValuesPerInsert / std::max<std::size_t>(1, columns.size()));
  for (std::size_t first = 0; first < rows.size(); first += per) {
    const std::size_t n = std::min(per, rows.size() - first);
    auto st = to.prepare(insert_rows(table, columns, n));
    int index = 1;
    for (std::size_t r = first; r < first + n; ++r)
      for (const auto& value : rows[r]) {
        if (value) st.bind(index++, *value);
        else st.bind_null(index++);
      }
    st.run();
  }
  if (to.dialect() == Dialect::postgresql && std::ranges::count(columns, "id")) restart_identity(to, table);
  const auto count = static_cast<std::int64_t>(rows.size());
  return {table, count, checksum(std::move(rows))};
}

// Every table, in one write transaction on `to` and one read snapshot of
// `from`. Returns the source's description, from the rows copied.
Result<std::vector<TableCopy>> copy_all(Connection& from, Connection& to) {
  Transaction write(to, true);
  if (auto t = first_non_empty(to))
    return conflict("target_not_empty", "the target database is not empty (table " + *t +
                                            " has rows); copy into a new, empty database");
  Transaction read(from, false);
  for (const auto& t : kSeeded) to.prepare("DELETE FROM " + t).run();
  std::vector<TableCopy> source;
  for (const auto& t : kTables) source.push_back(copy_table(from, to, t));
  write.commit();
  read.commit();
  return source;
}

Status compare(const std::vector<TableCopy>& a, const std::vector<TableCopy>& b) {
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].rows != b[i].rows || a[i].checksum != b[i].checksum)
      return internal("the copy of table " + a[i].table + " differs from its source (" + std::to_string(a[i].rows) +
                      " rows against " + std::to_string(b[i].rows) + "); the target is committed but wrong");
  return ok_status();
}

template <class F>
auto sql_guard(F&& f) -> std::invoke_result_t<F> {
  try {
    return f();
  } catch (const SqlError& e) {
    if (e.is_busy()) return unavailable("database_unreachable", e.what());
    return internal(e.what());
  }
}

Status run_pg_dump(const std::string& uri, const std::string& file) {
  std::vector<std::string> args = {"pg_dump", "--format=custom", "--no-owner", "--file=" + file, "--dbname=" + uri};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ) != 0)
    return internal("cannot run pg_dump (install postgresql-client)");
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return internal("pg_dump failed (its message is above)");
  return ok_status();
}

}  // namespace

Result<std::vector<TableCopy>> describe_database(const std::string& location) {
  return sql_guard([&]() -> Result<std::vector<TableCopy>> {
    auto c = connect(location);
    migrate(*c);
    Transaction read(*c, false);
    return describe(*c);
  });
}

Result<std::vector<TableCopy>> copy_database(const std::string& from, const std::string& to) {
  return sql_guard([&]() -> Result<std::vector<TableCopy>> {
    auto source = connect(from);
    migrate(*source);
    auto target = connect(to);
    migrate(*target);
    auto before = copy_all(*source, *target);
    if (!before) return before.error();
    Transaction read(*target, false);
    auto after = describe(*target);
    read.commit();
    if (auto s = compare(*before, after); !s) return s.error();
    return after;
  });
}

Status backup_database(const std::string& location, const std::string& file) {
  std::string partial = file + ".partial";
  Status s = sql_guard([&]() -> Status {
    if (is_postgresql(location)) return run_pg_dump(location, partial);
    backup_sqlite(sqlite_path(location), partial);
    return ok_status();
  });
  std::error_code ec;
  if (!s) {
    std::filesystem::remove(partial, ec);
    return s;
  }
  std::filesystem::rename(partial, file, ec);
  if (ec) return internal("cannot write " + file + ": " + ec.message());
  return ok_status();
}

// "scheme://user:SECRET@host" and "password=SECRET" (in a query or a
// key=value string) lose their secret.
std::string redacted(const std::string& location) {
  std::string out = location;
  auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    auto end = out.find_first_of("/?#", scheme + 3);
    auto at = out.rfind('@', end == std::string::npos ? std::string::npos : end);
    auto colon = out.find(':', scheme + 3);
    if (at != std::string::npos && at > scheme && colon != std::string::npos && colon < at)
      out.replace(colon + 1, at - colon - 1, "***");
  }
  for (auto pos = out.find("password="); pos != std::string::npos; pos = out.find("password=", pos + 1)) {
    auto start = pos + 9;
    auto end = out.find_first_of("& \t", start);
    out.replace(start, (end == std::string::npos ? out.size() : end) - start, "***");
  }
  return out;
}

}  // namespace convene::store
