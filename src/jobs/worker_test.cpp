// The worker over the in-memory store: what it claims, what it stores, and
// that a result whose claim was lost is dropped.
#include "convene/jobs/worker.h"

#include <gtest/gtest.h>

namespace convene {
namespace {

class WorkerTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> store = open_memory_store();
  UnixSeconds now = 1000;

  std::int64_t enqueue(const std::string& kind, const std::string& input) {
    std::int64_t id = 0;
    EXPECT_TRUE(store->write([&](Repositories& r) -> Status {
      auto got = r.jobs().enqueue(kind, input, "test", now);
      if (!got) return got.error();
      id = *got;
      return ok_status();
    }).ok());
    return id;
  }

  Job job(std::int64_t id) {
    Job out;
    EXPECT_TRUE(store->read([&](Repositories& r) {
      out = **r.jobs().find(id);
      return ok_status();
    }).ok());
    return out;
  }

  Worker worker(std::map<std::string, JobHandler> handlers) {
    WorkerOptions o;
    o.name = "w";
    o.clock = [this] { return now; };
    return Worker(*store, std::move(handlers), o);
  }
};

TEST_F(WorkerTest, RunsTheOldestJobAndStoresItsResult) {
  auto first = enqueue("echo", "\"one\"");
  auto second = enqueue("echo", "\"two\"");
  auto w = worker({{"echo", [](const std::string& in, const ReportProgress& p) -> Result<std::string> {
                      p("{\"half\":true}");
                      return "{\"echoed\":" + in + "}";
                    }}});
  EXPECT_TRUE(w.run_one().value());
  EXPECT_EQ(job(first).state, JobState::done);
  EXPECT_EQ(job(first).result, "{\"echoed\":\"one\"}");
  EXPECT_EQ(job(first).worker, "w");
  EXPECT_EQ(job(second).state, JobState::queued);
  EXPECT_TRUE(w.run_one().value());
  EXPECT_FALSE(w.run_one().value());  // nothing left
}

TEST_F(WorkerTest, AnErrorOrAnUnknownKindFailsTheJobWithItsMessage) {
  auto broken = enqueue("broken", "{}");
  auto unknown = enqueue("teleport", "{}");
  auto w = worker({{"broken", [](const std::string&, const ReportProgress&) -> Result<std::string> {
                      return invalid("bad_job_input", "the input has no problem");
                    }}});
  EXPECT_TRUE(w.run_one().value());
  EXPECT_TRUE(w.run_one().value());
  EXPECT_EQ(job(broken).state, JobState::failed);
  EXPECT_EQ(job(broken).error, "the input has no problem");
  EXPECT_EQ(job(unknown).state, JobState::failed);
  EXPECT_NE(job(unknown).error.find("teleport"), std::string::npos);
}

TEST_F(WorkerTest, AResultWhoseClaimWasTakenOverIsDropped) {
  auto id = enqueue("slow", "{}");
  auto w = worker({{"slow", [&](const std::string&, const ReportProgress&) -> Result<std::string> {
                      // Meanwhile the lease lapses and another worker takes the job.
                      now += 3600;
                      EXPECT_TRUE(store->write([&](Repositories& r) {
                        return r.jobs().claim("other", "c2", now, 60, 3).value() ? ok_status()
                                                                                 : Status(internal("not claimed"));
                      }).ok());
                      return std::string("{\"late\":true}");
                    }}});
  EXPECT_TRUE(w.run_one().value());
  EXPECT_EQ(job(id).state, JobState::running);
  EXPECT_EQ(job(id).worker, "other");
  EXPECT_EQ(job(id).result, "");
}

}  // namespace
}  // namespace convene
