// Shared by the DispatchService tests (service_test.cpp,
// journeys_service_test.cpp): the fixture over the in-memory repositories.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>

#include "convene/dispatch/service.h"
#include "convene/store/store.h"
#include "test_support.h"

namespace convene::testing {

inline Person person(std::string email, std::vector<std::string> roles = {}) {
  return Person{0, std::move(email), "Someone", std::move(roles)};
}

// The dispatch service's tests' common ground: two meetings (IETF 121
// consolidated, a per-area one), three drafts, one call per transaction as
// the web layer runs it, and the people who act.
class DispatchServiceFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store->write([](Repositories& r) {
      for (const Meeting& m : {consolidated_meeting(), per_area_meeting()})
        if (auto st = r.meetings().insert(m); !st) return st;
      for (const char* name : {"draft-foo-bar", "draft-other-thing"})
        if (auto st = r.drafts().save_revision({name, "00", "Title of " + std::string(name),
                                                at("2024-10-01T00:00:00Z"), {}, {}},
                                                {"sec@example.org", 0, true});
            !st)
          return st;
      return r.drafts().save_revision(
          {"draft-foo-renamed", "00", "Renamed", at("2024-10-02T00:00:00Z"), {}, {"draft-foo-bar"}},
          {"sec@example.org", 0, true});
    }).ok());
  }

  // Runs one service call in one write transaction, as the web layer does.
  template <class T>
  Result<T> call(const std::function<Result<T>(DispatchService&)>& fn) {
    std::optional<Result<T>> out;
    Status s = store->write([&](Repositories& r) {
      DispatchService service({r.meetings(), r.drafts(), r.dispatch(), r.audit()}, now);
      out.emplace(fn(service));
      return out->ok() ? ok_status() : Status(out->error());
    });
    if (!s && !out) return s.error();
    return std::move(*out);
  }

  Result<DispatchRequest> submit(const Person& who, const std::string& meeting, NewRequest req) {
    return call<DispatchRequest>([&](DispatchService& s) { return s.submit(who, meeting, req); });
  }
  Result<DispatchRequest> decide(const Person& who, std::int64_t id, Decision d) {
    return call<DispatchRequest>([&](DispatchService& s) { return s.decide(who, id, d); });
  }
  Result<DispatchRequest> arrange(const Person& who, std::int64_t id, Arrangement a) {
    return call<DispatchRequest>([&](DispatchService& s) { return s.arrange(who, id, a); });
  }
  Result<Agenda> agenda(const std::string& meeting, const std::string& venue = "") {
    return call<Agenda>([&](DispatchService& s) { return s.agenda(meeting, venue); });
  }
  std::vector<AuditEntry> audit() {
    std::vector<AuditEntry> out;
    EXPECT_TRUE(store->read([&](Repositories& r) {
      out = r.audit().recent(100).value();
      return ok_status();
    }).ok());
    return out;
  }
  // Submits and accepts a request for `draft` at IETF 121; returns its id.
  std::int64_t accepted(const std::string& draft) {
    auto r = submit(alice, "121", new_request(draft, "00"));
    EXPECT_TRUE(r.ok()) << r.error().message;
    EXPECT_TRUE(decide(chair, r->id, {true, ""}).ok());
    return r->id;
  }

  std::unique_ptr<Store> store = open_memory_store();
  UnixSeconds now = at("2024-10-25T12:00:00Z");
  Person alice = person("alice@example.org");
  Person chair = person("chair@example.org", {"chair:secdispatch"});
  Person gen_ad = person("gen-ad@example.org", {"ad:gen"});
  Person httpbis = person("httpbis-chair@example.org", {"chair:httpbis"});
  Person secretariat = person("sec@example.org", {"secretariat"});
};

}  // namespace convene::testing
