#include "convene/meeting/meeting.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace convene {
namespace {

using nlohmann::json;

json ietf121() {
  return {{"number", "121"},           {"type", "plenary"},
          {"city", "Dublin"},          {"start_date", "2024-11-02"},
          {"end_date", "2024-11-08"},  {"time_zone", "Europe/Dublin"},
          {"mode", "in-person"},       {"id_cutoff", "2024-10-21T23:59:00Z"},
          {"dispatch_mode", "consolidated"}};
}

json interim() {
  return {{"number", "interim-2025-quic-01"}, {"type", "interim"},  {"group", "quic"},
          {"start_date", "2025-02-10"},       {"end_date", "2025-02-10"},
          {"time_zone", "UTC"}};
}

Error error_of(const json& body) {
  auto r = meeting_from_json(body);
  EXPECT_FALSE(r.ok()) << body.dump();
  return r.ok() ? Error{} : r.error();
}

TEST(Meeting, ParsesTheIssueExample) {
  auto r = meeting_from_json(ietf121());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->number, "121");
  EXPECT_EQ(r->type, MeetingType::plenary);
  EXPECT_EQ(r->city, "Dublin");
  EXPECT_EQ(format_date(r->start_date), "2024-11-02");
  EXPECT_EQ(format_date(r->end_date), "2024-11-08");
  EXPECT_EQ(r->time_zone, "Europe/Dublin");
  EXPECT_EQ(r->mode, MeetingMode::in_person);
  EXPECT_EQ(format_utc(r->id_cutoff), "2024-10-21T23:59:00Z");
  EXPECT_EQ(r->dispatch_mode, DispatchMode::consolidated);
  EXPECT_EQ(meeting_title(*r), "IETF 121");
}

TEST(Meeting, JsonRoundTrip) {
  auto m = meeting_from_json(ietf121()).value();
  json j = to_json(m);
  EXPECT_EQ(j, ietf121());
  auto again = meeting_from_json(j);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id_cutoff, m.id_cutoff);
}

TEST(Meeting, DefaultsForOptionalFields) {
  json body = ietf121();
  body.erase("type");
  body.erase("mode");
  body.erase("dispatch_mode");
  auto m = meeting_from_json(body).value();
  EXPECT_EQ(m.type, MeetingType::plenary);
  EXPECT_EQ(m.mode, MeetingMode::in_person);
  EXPECT_EQ(m.dispatch_mode, DispatchMode::per_area);
}

TEST(Meeting, EveryRequiredFieldIsNamedWhenMissing) {
  for (const char* f : {"number", "city", "start_date", "end_date", "time_zone", "id_cutoff"}) {
    json body = ietf121();
    body.erase(f);
    Error e = error_of(body);
    EXPECT_EQ(e.code, "missing_field") << f;
    EXPECT_EQ(e.message, std::string(f) + ": is required");
  }
}

TEST(Meeting, WrongTypesAreErrorsForEveryField) {
  for (const char* f : {"number", "type", "city", "start_date", "end_date", "time_zone", "mode",
                        "id_cutoff", "dispatch_mode"}) {
    for (const json& wrong : {json(121), json(true), json::array({"x"}), json::object()}) {
      json body = ietf121();
      body[f] = wrong;
      Error e = error_of(body);
      EXPECT_EQ(e.code, "bad_type") << f << " = " << wrong.dump();
      EXPECT_EQ(e.message.rfind(std::string(f) + ": must be a string, got ", 0), 0u) << e.message;
    }
  }
  EXPECT_EQ(error_of(json::array()).code, "bad_type");
  EXPECT_EQ(error_of(json("121")).code, "bad_type");
}

TEST(Meeting, BadDateNamesFieldAndValue) {
  json body = ietf121();
  body["start_date"] = "2024-13-01";
  Error e = error_of(body);
  EXPECT_EQ(e.code, "bad_value");
  EXPECT_EQ(e.message, "start_date: '2024-13-01' is not a date in the form YYYY-MM-DD");
}

TEST(Meeting, EndBeforeStart) {
  json body = ietf121();
  body["end_date"] = "2024-11-01";
  Error e = error_of(body);
  EXPECT_EQ(e.code, "bad_value");
  EXPECT_EQ(e.message, "end_date: 2024-11-01 is before start_date 2024-11-02");
  body["end_date"] = "2024-11-02";  // a one-day meeting is fine
  EXPECT_TRUE(meeting_from_json(body).ok());
}

TEST(Meeting, UnknownEnumValuesListTheChoices) {
  json body = ietf121();
  body["mode"] = "remote";
  Error e = error_of(body);
  EXPECT_EQ(e.code, "bad_value");
  EXPECT_EQ(e.message, "mode: 'remote' is not one of in-person, hybrid, virtual");
  body = ietf121();
  body["dispatch_mode"] = "alldispatch";
  EXPECT_EQ(error_of(body).message,
            "dispatch_mode: 'alldispatch' is not one of per-area, consolidated");
  body = ietf121();
  body["type"] = "Plenary";
  EXPECT_EQ(error_of(body).code, "bad_value");
}

TEST(Meeting, BadZoneAndCutoff) {
  json body = ietf121();
  body["time_zone"] = "Europe/Atlantis";
  EXPECT_EQ(error_of(body).code, "bad_value");
  body = ietf121();
  body["id_cutoff"] = "2024-10-21";
  Error e = error_of(body);
  EXPECT_EQ(e.code, "bad_value");
  EXPECT_NE(e.message.find("id_cutoff: '2024-10-21' is not an RFC 3339 time"), std::string::npos);
}

TEST(Meeting, CutoffMustBeBeforeTheMeetingEndsInItsZone) {
  json body = ietf121();
  body["time_zone"] = "Asia/Tokyo";  // 2024-11-08 ends at 2024-11-08T15:00:00Z
  body["id_cutoff"] = "2024-11-08T15:00:00Z";
  Error e = error_of(body);
  EXPECT_EQ(e.code, "bad_value");
  EXPECT_EQ(e.message,
            "id_cutoff: 2024-11-08T15:00:00Z is after the meeting ends (2024-11-08 in Asia/Tokyo)");
  body["id_cutoff"] = "2024-11-08T14:59:59Z";
  EXPECT_TRUE(meeting_from_json(body).ok());
}

TEST(Meeting, PlenaryNumberIsDigits) {
  for (const char* bad : {"IETF121", "0121", "", "12345", "12a"}) {
    json body = ietf121();
    body["number"] = bad;
    EXPECT_EQ(error_of(body).code, "bad_value") << bad;
  }
}

TEST(Meeting, PlenaryHasNoGroup) {
  json body = ietf121();
  body["group"] = "quic";
  EXPECT_EQ(error_of(body).message, "group: only an interim meeting belongs to a group");
}

TEST(Meeting, InterimNeedsGroupAndDefaultsToVirtualWithoutCutoff) {
  auto m = meeting_from_json(interim());
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->type, MeetingType::interim);
  EXPECT_EQ(m->group, "quic");
  EXPECT_EQ(m->mode, MeetingMode::virtual_only);
  EXPECT_EQ(m->id_cutoff, 0);
  EXPECT_EQ(meeting_title(*m), "interim meeting interim-2025-quic-01");
  json j = to_json(*m);
  EXPECT_EQ(j["group"], "quic");
  EXPECT_TRUE(j["id_cutoff"].is_null());

  json body = interim();
  body.erase("group");
  EXPECT_EQ(error_of(body).code, "missing_field");
  body = interim();
  body["group"] = "QUIC WG";
  EXPECT_EQ(error_of(body).code, "bad_value");
  body = interim();
  body["number"] = "Interim 1";
  EXPECT_EQ(error_of(body).code, "bad_value");
  body = interim();
  body["dispatch_mode"] = "consolidated";
  EXPECT_EQ(error_of(body).code, "bad_value");
}

TEST(Meeting, NullOptionalFieldsCountAsAbsent) {
  json body = ietf121();
  body["mode"] = nullptr;
  body["dispatch_mode"] = nullptr;
  body["ignored_unknown"] = {1, 2, 3};
  auto m = meeting_from_json(body);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->mode, MeetingMode::in_person);
  body["id_cutoff"] = nullptr;  // required for a plenary
  EXPECT_EQ(error_of(body).code, "missing_field");
}

TEST(Meeting, EnumStringsRoundTrip) {
  for (auto v : {MeetingMode::in_person, MeetingMode::hybrid, MeetingMode::virtual_only})
    EXPECT_EQ(meeting_mode_from(to_string(v)), v);
  for (auto v : {DispatchMode::per_area, DispatchMode::consolidated})
    EXPECT_EQ(dispatch_mode_from(to_string(v)), v);
  for (auto v : {MeetingType::plenary, MeetingType::interim})
    EXPECT_EQ(meeting_type_from(to_string(v)), v);
  EXPECT_FALSE(meeting_mode_from("virtual_only").has_value());
}

}  // namespace
}  // namespace convene

namespace convene {
namespace {

TEST(Meeting, PhaseFollowsTheCalendarOfItsOwnZone) {
  Meeting m;
  m.time_zone = "Asia/Shanghai";  // UTC+8
  m.start_date = parse_date("2026-03-14", "start").value();
  m.end_date = parse_date("2026-03-20", "end").value();
  auto at = [&](const char* t) { return meeting_phase(m, parse_rfc3339(t, "now").value()); };
  EXPECT_EQ(at("2026-03-13T15:59:00Z"), MeetingPhase::upcoming);  // 23:59 on the 13th in Shanghai
  EXPECT_EQ(at("2026-03-13T16:00:00Z"), MeetingPhase::running);   // midnight on the 14th there
  EXPECT_EQ(at("2026-03-20T15:59:00Z"), MeetingPhase::running);
  EXPECT_EQ(at("2026-03-20T16:00:00Z"), MeetingPhase::past);
}

}  // namespace
}  // namespace convene
