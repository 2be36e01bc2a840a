// What the command families share: failing with a message, and opening the
// store a --db option names.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "convene/auth/auth.h"
#include "convene/auth/repository.h"
#include "convene/jobs/worker.h"
#include "convene/store/store.h"

namespace convene::cli {

// The help text of every --db option.
inline constexpr const char* kDbHelp =
    "The database: an SQLite file (created if missing; sqlite:FILE also works) or a PostgreSQL URI "
    "(postgresql://user@host:5432/convene)";

// Prints "convene: message" to stderr and ends the command with `code`.
[[noreturn]] void fail(const std::string& message, int code = 1);

// Prints "convene: WHERE: code: message" (WHERE left out when empty) and
// ends the command with 1.
[[noreturn]] void fail(const Error& e, const std::string& where = "");

// The whole text of the file at `path`; fails naming it when unreadable.
std::string read_text(const std::string& path);

// The value of `r`, or fails with its error and `path`.
template <class T>
T parsed(Result<T> r, const std::string& path) {
  if (!r) fail(r.error(), path);
  return std::move(r).value();
}

// Who acts when no --as is given: the command line is trusted, as by
// `convene user add`.
extern const Person kSystem;

// The person --as names (a secretariat member), or kSystem without --as.
// Errors: unknown_person, forbidden (not in the secretariat).
Result<Person> acting(PeopleRepository& people, const std::string& as);

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
