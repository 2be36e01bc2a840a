#include "labels.h"

#include <cctype>
#include <cstdio>

#include <date/date.h>

namespace convene::agenda {

std::string hhmm(UnixSeconds t, const std::string& zone) {
  LocalTime lt = to_local(t, zone);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d%02d", lt.minute_of_day / 60, lt.minute_of_day % 60);
  return buf;
}

Clock clock_of(const Item& item, const std::string& zone) {
  LocalTime lt = to_local(item.start, zone);
  UnixSeconds end = item.start + static_cast<UnixSeconds>(item.duration_min) * 60;
  return {lt.days, format_date(lt.days), hhmm(item.start, zone), hhmm(end, zone)};
}

std::string month_day_year(std::int64_t day) {
  date::sys_days d{date::days{day}};
  date::year_month_day ymd{d};
  return date::format("%B ", d) + std::to_string(static_cast<unsigned>(ymd.day())) + date::format(", %Y", d);
}

std::string weekday_name(std::int64_t day) { return date::format("%A", date::sys_days{date::days{day}}); }

std::string day_heading(std::int64_t day) { return weekday_name(day) + ", " + month_day_year(day); }

std::string type_label(const Item& item) {
  if (item.is_bof) return "BOF";
  return item.group_type == "wg" ? "WG" : "";
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace convene::agenda
