// Whole-database operations for the command line: copying an installation
// between backends and taking an online backup. Both open their own
// connections from --db locations (see is_postgresql in store.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "convene/core/result.h"

namespace convene::store {

struct TableCopy {
  std::string table;
  std::int64_t rows = 0;
  std::uint64_t checksum = 0;  // of the table's rows, order-independent of storage
};

// Copies every table of the store at `from` into the store at `to` (both
// migrated to the newest schema first) in one transaction on `to`, from one
// read snapshot of `from`, then reads `to` back and compares its row counts
// and checksums table by table with those of the rows read from `from` (so
// writers to `from` during the copy change neither the copy nor the check).
// Refuses with conflict "target_not_empty" (nothing written) when `to` holds
// any row. Returns each table's count and checksum; on a mismatch, an
// internal error naming the table (the copy is then committed but wrong:
// the message says so).
Result<std::vector<TableCopy>> copy_database(const std::string& from, const std::string& to);

// Counts and checksums of every table, as copy_database compares them.
Result<std::vector<TableCopy>> describe_database(const std::string& location);

// A consistent online backup of the store at `location` into `file`:
// SQLite's backup API (the file is itself an SQLite database), or pg_dump's
// custom format for PostgreSQL (restore with pg_restore into an empty
// database). Writes nothing at `file` on failure.
Status backup_database(const std::string& location, const std::string& file);

// Removes a password from a PostgreSQL URI or connection string, for
// messages and logs.
std::string redacted(const std::string& location);

}  // namespace convene::store
