#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "convene/dispatch/dispatch.h"
#include "convene/dispatch/inputs.h"
#include "test_support.h"

namespace convene {
namespace {

using nlohmann::json;
using Names = std::vector<std::string>;

json body() {
  return {{"draft", "draft-foo-bar"}, {"rev", "00"},          {"presenter", "alice@example.org"},
          {"question", "Where?"},     {"areas", {"art", "sec"}}, {"minutes", 12}};
}

Error error_of(const json& b) {
  auto r = new_request_from_json(b);
  EXPECT_FALSE(r.ok()) << b.dump();
  return r.ok() ? Error{} : r.error();
}

TEST(NewRequest, ParsesTheIssueExample) {
  json b = body();
  b["venue"] = "secdispatch";
  auto r = new_request_from_json(b);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->draft, "draft-foo-bar");
  EXPECT_EQ(r->rev, "00");
  EXPECT_EQ(r->presenter, "alice@example.org");
  EXPECT_EQ(r->question, "Where?");
  EXPECT_EQ(r->areas, (Names{"art", "sec"}));
  EXPECT_EQ(r->minutes, 12);
  EXPECT_EQ(r->venue, "secdispatch");
}

TEST(NewRequest, MinutesDefaultTo12AndVenueToEmpty) {
  json b = body();
  b.erase("minutes");
  auto r = new_request_from_json(b).value();
  EXPECT_EQ(r.minutes, 12);
  EXPECT_EQ(r.venue, "");
}

TEST(NewRequest, MinutesBounds) {
  json b = body();
  for (int ok : {1, 120}) {
    b["minutes"] = ok;
    EXPECT_EQ(new_request_from_json(b).value().minutes, ok);
  }
  for (int bad : {0, 121, -12}) {
    b["minutes"] = bad;
    Error e = error_of(b);
    EXPECT_EQ(e.code, "bad_value");
    EXPECT_EQ(e.message, "minutes: must be an integer from 1 to 120, got " + std::to_string(bad));
  }
  b["minutes"] = "ten";
  Error e = error_of(b);
  EXPECT_EQ(e.code, "bad_type");
  EXPECT_EQ(e.message, "minutes: must be an integer from 1 to 120, got \"ten\"");
  b["minutes"] = 12.5;
  EXPECT_EQ(error_of(b).code, "bad_type");
}

TEST(NewRequest, RequiredFieldsNamed) {
  for (const char* f : {"draft", "rev", "presenter", "question", "areas"}) {
    json b = body();
    b.erase(f);
    Error e = error_of(b);
    EXPECT_EQ(e.code, "missing_field") << f;
    EXPECT_EQ(e.message, std::string(f) + ": is required");
  }
}

TEST(NewRequest, WrongTypesForEveryField) {
  for (const char* f : {"draft", "rev", "presenter", "question", "venue"})
    for (const json& wrong : {json(1), json(true), json::array({"x"}), json::object()}) {
      json b = body();
      b[f] = wrong;
      Error e = error_of(b);
      EXPECT_EQ(e.code, "bad_type") << f << " " << wrong.dump();
      EXPECT_EQ(e.message.rfind(std::string(f) + ": must be a string, got ", 0), 0u) << e.message;
    }
  for (const json& wrong : {json("art"), json(1), json::object(), json(nullptr)}) {
    json b = body();
    b["areas"] = wrong;
    Error e = error_of(b);
    EXPECT_EQ(e.code, "bad_type") << wrong.dump();
    EXPECT_EQ(e.message.rfind("areas: must be an array of strings, got ", 0), 0u);
  }
  json b = body();
  b["areas"] = {"art", 3};
  EXPECT_EQ(error_of(b).message, "areas[1]: must be a string, got 3");
  for (const json& wrong : {json("12"), json(true), json::array({12}), json(12.0)}) {
    b = body();
    b["minutes"] = wrong;
    EXPECT_EQ(error_of(b).code, "bad_type") << wrong.dump();
  }
  EXPECT_EQ(error_of(json::array({body()})).code, "bad_type");
}

TEST(NewRequest, AreasAreFoldedCheckedAndUnique) {
  json b = body();
  b["areas"] = {"ART", "Sec"};
  EXPECT_EQ(new_request_from_json(b).value().areas, (Names{"art", "sec"}));
  b["areas"] = json::array();
  EXPECT_EQ(error_of(b).message, "areas: name at least one area, e.g. [\"art\"]");
  b["areas"] = {"art", "ART"};
  EXPECT_EQ(error_of(b).message, "areas[1]: 'art' is listed twice");
  b["areas"] = {"applications and real-time"};
  EXPECT_EQ(error_of(b).code, "bad_value");
  b["areas"] = Names(11, "art");
  EXPECT_EQ(error_of(b).message, "areas: must have at most 10 entries, got 11");
}

TEST(NewRequest, DraftAndRevShapes) {
  json b = body();
  b["draft"] = "draft-foo-bar-00";
  Error e = error_of(b);
  EXPECT_EQ(e.code, "bad_value");
  EXPECT_NE(e.message.find("ends in a revision number"), std::string::npos);
  b = body();
  b["rev"] = "0";
  EXPECT_EQ(error_of(b).code, "bad_value");
  b = body();
  b["presenter"] = "";
  EXPECT_EQ(error_of(b).message, "presenter: must not be empty");
  b = body();
  b["question"] = std::string(2001, 'q');
  EXPECT_EQ(error_of(b).code, "bad_value");
  b["question"] = "Line one\nline two";
  EXPECT_TRUE(new_request_from_json(b).ok());
}

TEST(NewRequest, VenueIsFoldedToLowerCaseAndUnknownFieldsIgnored) {
  json b = body();
  b["venue"] = "SECDISPATCH";
  b["colour"] = "blue";
  EXPECT_EQ(new_request_from_json(b).value().venue, "secdispatch");
}

TEST(NewRequest, MakeRequestCarriesPlacement) {
  NewRequest n = testing::new_request();
  Placement p{"alldispatch", {"resubmission"}, "dispatch"};
  DispatchRequest r = make_request(n, p, testing::consolidated_meeting(), 1000, "me@example.org");
  EXPECT_EQ(r.meeting, "121");
  EXPECT_EQ(r.venue, "alldispatch");
  EXPECT_EQ(r.state, RequestState::pending);
  EXPECT_EQ(r.created_at, 1000);
  EXPECT_EQ(r.requested_by, "me@example.org");
  EXPECT_EQ(r.flags, Names{"resubmission"});
  EXPECT_EQ(r.draft, n.draft);
  EXPECT_EQ(r.minutes, 12);
}

TEST(RequestJson, EveryFieldWithTimesAsRfc3339) {
  DispatchRequest r = testing::request(7, "121", "alldispatch", RequestState::accepted,
                                       testing::at("2024-10-01T10:00:00Z"));
  json j = to_json(r);
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["state"], "accepted");
  EXPECT_EQ(j["created_at"], "2024-10-01T10:00:00Z");
  EXPECT_TRUE(j["decided_at"].is_null());
  EXPECT_TRUE(j["outcome"].is_null());
  EXPECT_EQ(j["requested_by"], "proponent7@example.org");
  r = testing::dispatched(r, OutcomeKind::existing_wg, "httpbis", testing::at("2024-11-04T15:40:00Z"));
  j = to_json(r);
  EXPECT_EQ(j["outcome"]["kind"], "existing-wg");
  EXPECT_EQ(j["outcome"]["target"], "httpbis");
  EXPECT_EQ(j["outcome"]["at"], "2024-11-04T15:40:00Z");
}

}  // namespace
}  // namespace convene
