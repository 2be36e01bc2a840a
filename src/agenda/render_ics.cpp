#include <libical/ical.h>

#include <cstdlib>
#include <memory>

#include "convene/agenda/render.h"

namespace convene::agenda {
namespace {

// The wall-clock time of `t` in `zone`, tagged with the zone (libical's
// conversion leaves it tagged UTC, which would print a wrong "Z").
icaltimetype ical_time(UnixSeconds t, icaltimezone* zone) {
  icaltimetype tt = icaltime_from_timet_with_zone(static_cast<time_t>(t), 0, zone);
  icaltime_set_timezone(&tt, zone);
  return tt;
}

// The builtin zone's VTIMEZONE cut to the agenda's span (the full history
// goes back to 1891), its TZID replaced by the IANA name so that clients
// resolve it without libical's prefix.
icalcomponent* vtimezone(icaltimezone* zone, const Agenda& agenda) {
  icalcomponent* vt = icalcomponent_new_clone(icaltimezone_get_component(zone));
  icaltimezone* utc = icaltimezone_get_utc_timezone();
  UnixSeconds first = agenda.items.empty() ? agenda.updated : agenda.items.front().start;
  UnixSeconds last = agenda.items.empty() ? agenda.updated : agenda.items.back().start;
  icaltimezone_truncate_vtimezone(vt, ical_time(first - 366 * 86400, utc), ical_time(last + 366 * 86400, utc), 1);
  if (icalproperty* id = icalcomponent_get_first_property(vt, ICAL_TZID_PROPERTY))
    icalproperty_set_tzid(id, agenda.time_zone.c_str());
  return vt;
}

// DTSTART or DTEND: local time with TZID=`name` when `zone` is known, else UTC.
icalproperty* when(icalproperty* (*make)(icaltimetype), UnixSeconds t, icaltimezone* zone,
                   const std::string& name) {
  if (!zone) return make(ical_time(t, icaltimezone_get_utc_timezone()));
  icalproperty* p = make(ical_time(t, zone));
  icalproperty_remove_parameter_by_kind(p, ICAL_TZID_PARAMETER);
  icalproperty_add_parameter(p, icalparameter_new_tzid(name.c_str()));
  return p;
}

icalcomponent* event(const Agenda& agenda, const Item& i, icaltimezone* zone) {
  icaltimetype stamp = ical_time(agenda.updated, icaltimezone_get_utc_timezone());
  UnixSeconds end = i.start + static_cast<UnixSeconds>(i.duration_min) * 60;
  std::string summary = i.group + " - " + i.group_name;
  icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(ev, icalproperty_new_uid(ietf_event_uid(agenda.meeting_number, i.session).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
  icalcomponent_add_property(ev, icalproperty_new_lastmodified(stamp));
  icalcomponent_add_property(ev, when(icalproperty_new_dtstart, i.start, zone, agenda.time_zone));
  icalcomponent_add_property(ev, when(icalproperty_new_dtend, end, zone, agenda.time_zone));
  icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_location(i.room.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_sequence(i.sequence));
  icalcomponent_add_property(
      ev, icalproperty_new_status(i.status == Status::canceled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  return ev;
}

}  // namespace

std::string ietf_event_uid(const std::string& meeting_number, const std::string& session) {
  return "ietf-" + meeting_number + "-" + session + "@convene";
}

std::string to_ics(const Agenda& agenda) {
  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT),
                                                               icalcomponent_free);
  std::string name = "IETF " + agenda.meeting_number + " agenda";
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//convene//IETF meeting agenda//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalproperty* calname = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calname, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), calname);
  icaltimezone* zone = icaltimezone_get_builtin_timezone(agenda.time_zone.c_str());
  if (zone == icaltimezone_get_utc_timezone()) zone = nullptr;  // UTC times need no VTIMEZONE
  if (zone) icalcomponent_add_component(cal.get(), vtimezone(zone, agenda));
  for (const Item& i : agenda.items) icalcomponent_add_component(cal.get(), event(agenda, i, zone));
  std::unique_ptr<char, void (*)(void*)> text(icalcomponent_as_ical_string_r(cal.get()), std::free);
  return text ? std::string(text.get()) : std::string();
}

}  // namespace convene::agenda
