#include <gtest/gtest.h>

#include <libical/ical.h>

#include <memory>

#include "convene/agenda/render.h"
#include "test_data.h"

namespace convene::agenda {
namespace {

using Calendar = std::unique_ptr<icalcomponent, void (*)(icalcomponent*)>;

Calendar parsed(const std::string& ics) { return {icalparser_parse_string(ics.c_str()), icalcomponent_free}; }

struct Event {
  std::string uid, summary, location, tzid;
  UnixSeconds start = 0, end = 0;
  int sequence = 0;
  icalproperty_status status = ICAL_STATUS_NONE;
};

std::string tzid_of(icalcomponent* ev) {
  icalproperty* p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
  icalparameter* tz = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : nullptr;
  return tz ? icalparameter_get_tzid(tz) : "";
}

// The instant of a DTSTART/DTEND, its TZID looked up in the calendar.
UnixSeconds instant(icalcomponent* cal, icalcomponent* ev, icaltimetype t) {
  std::string tzid = tzid_of(ev);
  icaltimezone* zone = tzid.empty() ? nullptr : icalcomponent_get_timezone(cal, tzid.c_str());
  return icaltime_as_timet_with_zone(t, zone ? zone : t.zone);
}

// The events, their times resolved through the calendar's VTIMEZONE.
std::vector<Event> events(icalcomponent* cal) {
  std::vector<Event> out;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    icaltimetype start = icalcomponent_get_dtstart(ev), end = icalcomponent_get_dtend(ev);
    out.push_back({icalcomponent_get_uid(ev), icalcomponent_get_summary(ev), icalcomponent_get_location(ev),
                   tzid_of(ev), instant(cal, ev, start), instant(cal, ev, end), icalcomponent_get_sequence(ev),
                   icalcomponent_get_status(ev)});
  }
  return out;
}

class Ietf83Ics : public ::testing::Test {
 protected:
  testing::Ietf83 data = testing::ietf83();
};

TEST_F(Ietf83Ics, EveryItemIsAnEventInTheMeetingZone) {
  Agenda agenda = build_agenda(data.input());
  std::string ics = to_ics(agenda);
  Calendar cal = parsed(ics);
  ASSERT_TRUE(cal);
  EXPECT_NE(ics.find("METHOD:PUBLISH"), std::string::npos);
  EXPECT_NE(ics.find("PRODID:"), std::string::npos);
  icalcomponent* vt = icalcomponent_get_first_component(cal.get(), ICAL_VTIMEZONE_COMPONENT);
  ASSERT_NE(vt, nullptr);
  EXPECT_STREQ(icalproperty_get_tzid(icalcomponent_get_first_property(vt, ICAL_TZID_PROPERTY)), "Europe/Paris");
  std::vector<Event> evs = events(cal.get());
  ASSERT_EQ(evs.size(), agenda.items.size());
  for (std::size_t k = 0; k < evs.size(); ++k) {
    const Item& i = agenda.items[k];
    EXPECT_EQ(evs[k].uid, "ietf-83-" + i.session + "@convene");
    EXPECT_EQ(evs[k].summary, i.group + " - " + i.group_name);
    EXPECT_EQ(evs[k].location, i.room);
    EXPECT_EQ(evs[k].tzid, "Europe/Paris");
    EXPECT_EQ(evs[k].start, i.start) << i.session;
    EXPECT_EQ(evs[k].end, i.start + i.duration_min * 60) << i.session;
    EXPECT_EQ(evs[k].status, ICAL_STATUS_CONFIRMED);
  }
  // appsawg: Monday 09:00 in Paris, written as local time.
  EXPECT_NE(ics.find("DTSTART;TZID=Europe/Paris:20120326T090000\r\n"), std::string::npos);  // no "Z"
  EXPECT_NE(ics.find("DTSTAMP:20120328T165200Z"), std::string::npos);
}

const Event& event_of(const std::vector<Event>& evs, const std::string& uid) {
  for (const Event& e : evs)
    if (e.uid == uid) return e;
  throw std::runtime_error("no event " + uid);
}

TEST_F(Ietf83Ics, MovedSessionKeepsItsUidAndRaisesSequence) {
  std::vector<Event> before = events(parsed(to_ics(build_agenda(data.input()))).get());
  // appsawg-1 moves to the slot of websec-1, which is cancelled for the purpose.
  for (schedule::Assignment& a : data.schedule.assignments)
    if (a.session == "appsawg-1") a.timeslot = "t13";
  Input in = data.input();
  in.sequence = {{"appsawg-1", 1}};
  in.cancelled = {"websec-1"};
  std::vector<Event> after = events(parsed(to_ics(build_agenda(in))).get());
  const Event& was = event_of(before, "ietf-83-appsawg-1@convene");
  const Event& now = event_of(after, "ietf-83-appsawg-1@convene");
  EXPECT_EQ(was.sequence, 0);
  EXPECT_EQ(now.sequence, 1);
  EXPECT_NE(now.start, was.start);
  EXPECT_EQ(before.size(), after.size());
  EXPECT_EQ(event_of(after, "ietf-83-websec-1@convene").status, ICAL_STATUS_CANCELLED);
  EXPECT_EQ(event_of(after, "ietf-83-websec-1@convene").sequence, 0);
}

TEST_F(Ietf83Ics, CancelledSessionIsCancelledNeverRescheduled) {
  Input in = data.input();
  in.cancelled = {"eai-1"};
  std::string ics = to_ics(build_agenda(in));
  EXPECT_NE(ics.find("STATUS:CANCELLED"), std::string::npos);
  EXPECT_EQ(ics.find("RESCHEDULED"), std::string::npos);
  EXPECT_EQ(event_of(events(parsed(ics).get()), "ietf-83-eai-1@convene").status, ICAL_STATUS_CANCELLED);
}

TEST(Ics, UtcAgendaHasNoTimeZone) {
  Agenda a;
  a.meeting_number = "1";
  a.time_zone = "UTC";
  a.items.push_back({});
  a.items[0].session = "x-1";
  a.items[0].start = 1700000000;
  a.items[0].duration_min = 60;
  std::string ics = to_ics(a);
  EXPECT_EQ(ics.find("VTIMEZONE"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART:20231114T221320Z"), std::string::npos) << ics;
}

}  // namespace
}  // namespace convene::agenda
