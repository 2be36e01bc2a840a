#include "support.h"

#include <CLI/CLI.hpp>

#include <pthread.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include "convene/store/admin.h"

namespace convene::cli {

// CLI11 exits quietly on RuntimeError, so the message goes to stderr first.
void fail(const std::string& message, int code) {
  std::cerr << "convene: " << message << "\n";
  throw CLI::RuntimeError("convene: " + message, code);
}

void fail(const Error& e, const std::string& where) {
  fail((where.empty() ? "" : where + ": ") + e.code + ": " + e.message);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail("cannot read " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

const Person kSystem{0, "convene@localhost", "convene command line", {"secretariat"}};

Result<Person> acting(PeopleRepository& people, const std::string& as) {
  if (as.empty()) return kSystem;
  auto p = people.by_email(as);
  if (!p) return p.error();
  if (!*p) return not_found("unknown_person", "nobody has the address " + as);
  if (!(*p)->is_secretariat()) return forbidden(as + " is not in the secretariat");
  return **p;
}

void on_stop_signal(std::function<void()> stop) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set, stop = std::move(stop)] {
    int sig = 0;
    sigwait(&set, &sig);
    stop();
  }).detach();
}

WorkerPool::WorkerPool(Store& store, int threads, WorkerOptions options) {
  for (int i = 0; i < threads; ++i) {
    WorkerOptions o = options;
    o.name = (o.name.empty() ? default_worker_name() : o.name) + "/" + std::to_string(i + 1);
    workers_.push_back(std::make_unique<Worker>(store, standard_job_handlers(), o));
  }
  for (auto& w : workers_) threads_.emplace_back([&w = *w](std::stop_token stop) { w.run(stop); });
}

WorkerPool::~WorkerPool() {
  for (auto& t : threads_) t.request_stop();
}

std::unique_ptr<Store> open_db(const std::string& location) {
  try {
    return open_store(location);
  } catch (const std::exception& e) {
    fail(store::redacted(e.what()));
  }
}

}  // namespace convene::cli
