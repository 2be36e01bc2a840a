// archive_bench: does the cost of a draft's history page and of a new
// dispatch request grow with the archive? Loads N drafts (in replaces chains
// of 3, as renamed work is) into a fresh SQLite store, then times, through
// the store and DispatchService as the server runs them, a family's history
// read and a new dispatch request (one write transaction each).
//   archive_bench [--sizes 1000,10000,100000] [--runs 50]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "convene/dispatch/service.h"
#include "convene/store/store.h"
#include "convene/testing/temp_dir.h"

namespace convene {
namespace {

using Clock = std::chrono::steady_clock;

const UnixSeconds kSubmitted = 1'760'000'000;  // 2025-10-09, before the cutoff

Meeting meeting() {
  Meeting m;
  m.number = "125";
  m.city = "Shenzhen";
  m.start_date = parse_date("2026-03-14", "d").value();
  m.end_date = m.start_date + 6;
  m.time_zone = "Asia/Shanghai";
  m.id_cutoff = parse_rfc3339("2026-03-02T23:59:00Z", "t").value();
  m.dispatch_mode = DispatchMode::consolidated;
  return m;
}

std::string name(int i) { return "draft-bench-topic-" + std::to_string(i); }

// Drafts 0..n-1; every third replaces the one before it.
Status load(Store& store, int n) {
  return store.write([&](Repositories& r) -> Status {
    if (auto st = r.meetings().insert(meeting()); !st) return st;
    for (int i = 0; i < n; ++i) {
      std::vector<std::string> replaces;
      if (i % 3 != 0) replaces.push_back(name(i - 1));
      if (auto st = r.drafts().save_revision({name(i), "00", "Topic " + std::to_string(i), kSubmitted, {}, replaces},
                                                 {"bench", 0, true});
          !st)
        return st;
    }
    return ok_status();
  });
}

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Figures {
  double history_ms = 0;
  double request_ms = 0;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

Figures measure(Store& store, int n, int runs) {
  Person proponent{1, "ada@example.org", "Ada", {}};
  std::vector<double> history, request;
  for (int k = 0; k < runs; ++k) {
    int target = (n / runs) * k + 2;  // the last of a chain: a family of 3
    auto t0 = Clock::now();
    Status h = store.read([&](Repositories& r) -> Status {
      DispatchService s({r.meetings(), r.drafts(), r.dispatch(), r.audit()}, kSubmitted);
      auto got = s.history(name(target));
      return got ? ok_status() : Status(got.error());
    });
    history.push_back(ms_since(t0));
    NewRequest req{name(target), "00", "Ada", "Where does this go?", {"art"}, 12, ""};
    t0 = Clock::now();
    Status w = store.write([&](Repositories& r) -> Status {
      DispatchService s({r.meetings(), r.drafts(), r.dispatch(), r.audit()}, kSubmitted);
      auto got = s.submit(proponent, "125", req);
      return got ? ok_status() : Status(got.error());
    });
    request.push_back(ms_since(t0));
    if (!h || !w) {
      std::fprintf(stderr, "archive_bench: %s\n", (!h ? h : w).error().message.c_str());
      std::exit(1);
    }
  }
  return {median(history), median(request)};
}

std::vector<int> sizes_from(const std::string& list) {
  std::vector<int> out;
  for (std::size_t at = 0; at < list.size();) {
    std::size_t comma = std::min(list.find(',', at), list.size());
    out.push_back(std::atoi(list.substr(at, comma - at).c_str()));
    at = comma + 1;
  }
  return out;
}

}  // namespace
}  // namespace convene

int main(int argc, char** argv) {
  using namespace convene;
  std::string sizes = "1000,10000,100000";
  int runs = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--sizes") sizes = argv[i + 1];
    else if (flag == "--runs") runs = std::atoi(argv[i + 1]);
  }
  std::printf("| drafts on record | load s | history page ms (median) | new dispatch request ms (median) |\n");
  std::printf("|---|---|---|---|\n");
  for (int n : sizes_from(sizes)) {
    testing::TempDir dir;
    auto store = open_sqlite_store(dir.file("bench.db"));
    auto t0 = Clock::now();
    if (Status st = load(*store, n); !st) {
      std::fprintf(stderr, "archive_bench: load: %s\n", st.error().message.c_str());
      return 1;
    }
    double load_s = ms_since(t0) / 1000;
    Figures f = measure(*store, n, std::min(runs, n / 3));
    std::printf("| %d | %.1f | %.3f | %.3f |\n", n, load_s, f.history_ms, f.request_ms);
  }
  return 0;
}
