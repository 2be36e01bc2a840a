// What the command families share: failing with a message, and opening the
// store a --db option names.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "convene/jobs/worker.h"
#include "convene/store/store.h"

namespace convene::cli {

// The help text of every --db option.
inline constexpr const char* kDbHelp =
    "The database: an SQLite file (created if missing; sqlite:FILE also works) or a PostgreSQL URI "
    "(postgresql://user@host:5432/convene)";

// Prints "convene: message" to stderr and ends the command with `code`.
[[noreturn]] void fail(const std::string& message, int code = 1);

// Runs `stop` once, in a thread of its own, when SIGINT or SIGTERM comes.
// The signals are blocked in every thread started after this call and taken
// by sigwait, so `stop` runs in ordinary thread context, not in a handler.
void on_stop_signal(std::function<void()> stop);

// Background job workers on threads of this process (jobs/worker.h), with
// the job kinds convene knows; stopped and joined on destruction (a running
// job is finished first).
class WorkerPool {
 public:
  WorkerPool(Store& store, int threads, WorkerOptions options = {});
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;

 private:
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::jthread> threads_;
};

// The store at a --db location, migrated; fails with the reason (never the
// password of a PostgreSQL URI) when it cannot be opened.
std::unique_ptr<Store> open_db(const std::string& location);

}  // namespace convene::cli
