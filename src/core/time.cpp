#include "convene/core/time.h"

#include <date/date.h>
#include <date/tz.h>

#include <cctype>
#include <chrono>
#include <cstdio>

namespace convene {
namespace {

using namespace std::chrono;

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

// Parses "YYYY-MM-DD" at the start of s into a validated date.
bool ymd_at(std::string_view s, date::year_month_day& out) {
  int y, m, d;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, m) ||
      s[7] != '-' || !digits(s, 8, 2, d))
    return false;
  out = date::year{y} / date::month(static_cast<unsigned>(m)) / date::day(static_cast<unsigned>(d));
  return out.ok();
}

Error bad_time(std::string_view text, std::string_view field) {
  return invalid("bad_time", std::string(field) + ": '" + std::string(text) +
                                 "' is not an RFC 3339 time with an offset, e.g. 2024-10-21T23:59:00Z");
}

}  // namespace

Result<UnixSeconds> parse_rfc3339(std::string_view s, std::string_view field) {
  date::year_month_day ymd;
  int hh, mm, ss;
  if (!ymd_at(s, ymd) || s.size() < 20 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      !digits(s, 11, 2, hh) || s[13] != ':' || !digits(s, 14, 2, mm) || s[16] != ':' ||
      !digits(s, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60)
    return bad_time(s, field);
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t start = pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos == start) return bad_time(s, field);
  }
  int offset_min = 0;
  std::string_view zone = s.substr(pos);
  if (zone == "Z" || zone == "z") {
    offset_min = 0;
  } else {
    int oh, om;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 2, oh) ||
        zone[3] != ':' || !digits(zone, 4, 2, om) || oh > 23 || om > 59)
      return bad_time(s, field);
    offset_min = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  auto days = date::sys_days(ymd).time_since_epoch().count();
  return static_cast<UnixSeconds>(days) * 86400 + hh * 3600 + mm * 60 + ss - offset_min * 60;
}

std::string format_utc(UnixSeconds t) {
  auto tp = date::sys_seconds(seconds(t));
  return date::format("%Y-%m-%dT%H:%M:%SZ", tp);
}

Result<std::int64_t> parse_date(std::string_view s, std::string_view field) {
  date::year_month_day ymd;
  if (s.size() != 10 || !ymd_at(s, ymd))
    return invalid("bad_date", std::string(field) + ": '" + std::string(s) +
                                   "' is not a date in the form YYYY-MM-DD");
  return static_cast<std::int64_t>(date::sys_days(ymd).time_since_epoch().count());
}

std::string format_http_date(UnixSeconds t) {
  return date::format("%a, %d %b %Y %H:%M:%S GMT", date::sys_seconds(seconds(t)));
}

std::string format_date(std::int64_t d) {
  return date::format("%Y-%m-%d", date::sys_days(date::days(d)));
}

bool is_time_zone(std::string_view zone) {
  if (zone.empty()) return false;
  try {
    (void)date::locate_zone(zone);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

LocalTime to_local(UnixSeconds t, std::string_view zone) {
  const date::time_zone* tz = date::locate_zone(zone);
  auto info = tz->get_info(date::sys_seconds(seconds(t)));
  auto offset = duration_cast<minutes>(info.offset).count();
  UnixSeconds local = t + offset * 60;
  std::int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  int sec_of_day = static_cast<int>(local - days * 86400);
  int weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
  return {days, weekday, sec_of_day / 60, static_cast<int>(offset)};
}

UnixSeconds from_local(std::int64_t days, int minute_of_day, std::string_view zone) {
  const date::time_zone* tz = date::locate_zone(zone);
  const date::local_seconds local{seconds(days * 86400 + minute_of_day * 60)};
  const auto info = tz->get_info(local);
  // Nonexistent and ambiguous times both take `first`: the offset in force
  // before the jump, or the first of the two occurrences.
  return (local.time_since_epoch() - info.first.offset).count();
}

Result<int> parse_time_of_day(std::string_view text, std::string_view field) {
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  const bool shape = text.size() == 5 && digit(0) && digit(1) && text[2] == ':' && digit(3) && digit(4);
  const int hours = shape ? (text[0] - '0') * 10 + (text[1] - '0') : 99;
  const int mins = shape ? (text[3] - '0') * 10 + (text[4] - '0') : 99;
  if (hours > 23 || mins > 59)
    return invalid("bad_time", std::string(field) + ": must be a time of day HH:MM (00:00 to 23:59), got \"" +
                                    std::string(text.substr(0, 40)) + "\"");
  return hours * 60 + mins;
}

std::string format_local(UnixSeconds t, std::string_view zone) {
  LocalTime lt = to_local(t, zone);
  char buf[64];
  int off = lt.utc_offset_min;
  std::snprintf(buf, sizeof buf, "%s %02d:%02d (%c%02d:%02d)", format_date(lt.days).c_str(),
                lt.minute_of_day / 60, lt.minute_of_day % 60, off < 0 ? '-' : '+',
                std::abs(off) / 60, std::abs(off) % 60);
  return buf;
}

UnixSeconds now_utc() {
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string format_minutes(int minutes) {
  minutes = minutes < 0 ? 0 : minutes;
  std::string mm = std::to_string(minutes % 60);
  return std::to_string(minutes / 60) + ":" + (mm.size() < 2 ? "0" : "") + mm;
}

}  // namespace convene
