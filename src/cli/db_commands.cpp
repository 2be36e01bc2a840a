// convene db copy | db describe | backup.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "convene/cli/commands.h"
#include "convene/store/admin.h"
#include "support.h"

namespace convene::cli {
namespace {

void print(const std::vector<store::TableCopy>& tables) {
  for (const auto& t : tables) {
    char sum[17];
    std::snprintf(sum, sizeof sum, "%016llx", static_cast<unsigned long long>(t.checksum));
    std::cout << t.table << "\t" << t.rows << "\t" << sum << "\n";
  }
}

void copy(const std::string& from, const std::string& to) {
  auto tables = store::copy_database(from, to);
  if (!tables) fail(store::redacted(tables.error().message), tables.error().kind == ErrorKind::conflict ? 3 : 1);
  std::int64_t rows = 0;
  for (const auto& t : *tables) rows += t.rows;
  print(*tables);
  std::cerr << "convene: copied " << rows << " rows in " << tables->size() << " tables from " << store::redacted(from)
            << " to " << store::redacted(to) << "; counts and checksums agree\n";
}

void describe(const std::string& db) {
  auto tables = store::describe_database(db);
  if (!tables) fail(store::redacted(tables.error().message));
  print(*tables);
}

void backup(const std::string& db, const std::string& file) {
  if (auto s = store::backup_database(db, file); !s) fail(store::redacted(s.error().message));
  std::cerr << "convene: backup of " << store::redacted(db) << " written to " << file << "\n";
}

}  // namespace

void add_db_commands(CLI::App& app) {
  static std::string from, to, db, file;
  auto* dbc = app.add_subcommand("db", "Move or inspect a whole database");
  dbc->require_subcommand(1);
  auto* copy_cmd = dbc->add_subcommand(
      "copy", "Copy a whole installation into a new, empty database (e.g. SQLite to PostgreSQL), then verify "
              "every table's row count and checksum; prints them (table, rows, checksum)");
  copy_cmd->add_option("--from", from, kDbHelp)->required();
  copy_cmd->add_option("--to", to, "The new, empty database (same forms as --from); refused when it holds data")
      ->required();
  copy_cmd->callback([] { copy(from, to); });
  auto* describe_cmd = dbc->add_subcommand("describe", "Print every table's row count and checksum");
  describe_cmd->add_option("--db", db, kDbHelp)->required();
  describe_cmd->callback([] { describe(db); });

  auto* backup_cmd = app.add_subcommand(
      "backup", "A consistent online backup: SQLite's backup API (the file is an SQLite database), or pg_dump's "
                "custom format for PostgreSQL (restore with pg_restore into an empty database)");
  backup_cmd->add_option("--db", db, kDbHelp)->required();
  backup_cmd->add_option("-o,--output", file, "The backup file to write")->required();
  backup_cmd->callback([] { backup(db, file); });
}

}  // namespace convene::cli
