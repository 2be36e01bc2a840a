// What the command families share: failing with a message, and opening the
// store a --db option names.
#pragma once

#include <memory>
#include <string>

#include "convene/store/store.h"

namespace convene::cli {

// The help text of every --db option.
inline constexpr const char* kDbHelp =
    "The database: an SQLite file (created if missing; sqlite:FILE also works) or a PostgreSQL URI "
    "(postgresql://user@host:5432/convene)";

// Prints "convene: message" to stderr and ends the command with `code`.
[[noreturn]] void fail(const std::string& message, int code = 1);

// The store at a --db location, migrated; fails with the reason (never the
// password of a PostgreSQL URI) when it cannot be opened.
std::unique_ptr<Store> open_db(const std::string& location);

}  // namespace convene::cli
