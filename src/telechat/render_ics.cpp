#include <libical/ical.h>

#include <cstdlib>
#include <memory>

#include "convene/core/time.h"
#include "convene/telechat/render.h"

namespace convene::telechat {
namespace {

icaltimetype utc_time(UnixSeconds t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t), 0, icaltimezone_get_utc_timezone());
}

std::string description(const FeedEntry& e, Audience audience, const FeedOptions& options) {
  std::string out = "Agenda: " + options.base_url + "/telechats/" + format_date(e.occurrence.date);
  if (!sees_private(audience)) return out;
  if (!e.call.url.empty()) out += "\nJoin: " + e.call.url;
  if (!e.call.number.empty()) out += "\nMeeting number: " + e.call.number;
  if (!e.call.password.empty()) out += "\nMeeting password: " + e.call.password;
  return out;
}

icalcomponent* event(const FeedEntry& e, Audience audience, const FeedOptions& options) {
  const Occurrence& o = e.occurrence;
  std::string summary =
      std::string("IESG ") + (o.kind == Kind::formal ? "Formal" : "Informal") + " Telechat";
  std::string url = options.base_url + "/telechats/" + format_date(o.date);
  icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(ev, icalproperty_new_uid(event_uid(o.kind, o.scheduled_date).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc_time(options.stamp)));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(utc_time(e.start)));
  icalcomponent_add_property(
      ev, icalproperty_new_dtend(utc_time(e.start + static_cast<UnixSeconds>(e.duration_minutes) * 60)));
  icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_sequence(o.sequence));
  icalcomponent_add_property(
      ev, icalproperty_new_status(o.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(ev, icalproperty_new_url(url.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_description(description(e, audience, options).c_str()));
  if (sees_private(audience) && !e.call.url.empty())
    icalcomponent_add_property(ev, icalproperty_new_location(e.call.url.c_str()));
  return ev;
}

}  // namespace

std::string event_uid(Kind kind, std::int64_t scheduled_date) {
  return "telechat-" + std::string(to_string(kind)) + "-" + format_date(scheduled_date) + "@convene";
}

std::string render_ics(const std::vector<FeedEntry>& entries, Audience audience,
                       const FeedOptions& options) {
  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(
      icalcomponent_new(ICAL_VCALENDAR_COMPONENT), icalcomponent_free);
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//convene//IESG telechats//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalproperty* name = icalproperty_new_x("IESG telechats");
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), name);
  for (const FeedEntry& e : entries) icalcomponent_add_component(cal.get(), event(e, audience, options));
  std::unique_ptr<char, void (*)(void*)> text(icalcomponent_as_ical_string_r(cal.get()), std::free);
  return text ? std::string(text.get()) : std::string();
}

}  // namespace convene::telechat
