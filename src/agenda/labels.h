// Labels the agenda renderers share: local clock readings, day headings,
// the group-type suffix. Internal to src/agenda.
#pragma once

#include <cstdint>
#include <string>

#include "convene/agenda/agenda.h"

namespace convene::agenda {

// Where and when an item is, read in one zone.
struct Clock {
  std::int64_t day = 0;  // local date, days since the epoch
  std::string date;      // "2012-03-26"
  std::string start;     // "0900"
  std::string end;       // "1130"
};
// REQUIRES: is_time_zone(zone).
Clock clock_of(const Item& item, const std::string& zone);

// "0900" for the local time of `t` in `zone`.
std::string hhmm(UnixSeconds t, const std::string& zone);

// "Monday, March 26, 2012" for a date in days since the epoch.
std::string day_heading(std::int64_t day);
// "Monday"
std::string weekday_name(std::int64_t day);
// "March 26, 2012"
std::string month_day_year(std::int64_t day);

// "WG" for working groups, "BOF" for BoFs, "" for every other type.
std::string type_label(const Item& item);

std::string upper(std::string s);

}  // namespace convene::agenda
