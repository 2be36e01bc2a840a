#include "convene/telechat/series.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace convene::telechat {
namespace {

// Floor modulo: the offset of `date` within the cadence, 0 on cadence dates.
std::int64_t cadence_offset(const SeriesSettings& s, std::int64_t date) {
  std::int64_t r = (date - s.first_date) % s.interval_days;
  return r < 0 ? r + s.interval_days : r;
}

std::int64_t max_shift(const SeriesSettings& s) {
  std::int64_t m = 0;
  for (const auto& [from, to] : s.moved) m = std::max<std::int64_t>(m, to > from ? to - from : from - to);
  return m;
}

Occurrence occurrence_at(const SeriesSettings& s, std::int64_t scheduled) {
  Occurrence o;
  o.scheduled_date = scheduled;
  o.kind = s.kind;
  auto moved = s.moved.find(scheduled);
  o.date = moved == s.moved.end() ? scheduled : moved->second;
  o.cancelled = s.cancelled.count(scheduled) > 0;
  o.sequence = (o.cancelled || o.date != scheduled) ? 1 : 0;
  return o;
}

}  // namespace

Status validate(const SeriesSettings& s) {
  if (s.interval_days < 1) return invalid("bad_interval", "interval_days: must be at least 1");
  if (s.start_minute < 0 || s.start_minute > 1439)
    return invalid("bad_start_minute", "start_minute: must be within 0..1439");
  if (s.duration_minutes < 1) return invalid("bad_duration", "duration_minutes: must be at least 1");
  if (!is_time_zone(s.time_zone))
    return invalid("bad_time_zone", "time_zone: '" + s.time_zone + "' is not an IANA time zone");
  for (std::int64_t d : s.cancelled)
    if (!in_cadence(s, d))
      return invalid("cancelled_not_in_cadence", "cancelled: " + format_date(d) + " is not a date of the series");
  std::set<std::int64_t> actual;
  for (const auto& [from, to] : s.moved) {
    if (!in_cadence(s, from))
      return invalid("moved_not_in_cadence",
                     "moved: " + format_date(from) + " is not a date of the series");
    actual.insert(to);
  }
  for (const auto& [from, to] : s.moved) {
    (void)from;
    if (in_cadence(s, to) && !s.moved.count(to))
      return invalid("moved_collision",
                     "moved: " + format_date(to) + " already has a telechat of the series");
  }
  if (actual.size() != s.moved.size())
    return invalid("moved_collision", "moved: two telechats moved to the same date");
  return ok_status();
}

SeriesSettings default_series(Kind kind) {
  SeriesSettings s;
  s.kind = kind;
  return s;
}

const SeriesSettings* find_series(const std::vector<SeriesSettings>& all, Kind kind) {
  for (const SeriesSettings& s : all)
    if (s.kind == kind) return &s;
  return nullptr;
}

bool in_cadence(const SeriesSettings& s, std::int64_t date) {
  return s.interval_days > 0 && date >= s.first_date && cadence_offset(s, date) == 0;
}

std::vector<Occurrence> occurrences(const SeriesSettings& s, std::int64_t from, std::int64_t to) {
  std::vector<Occurrence> out;
  const std::int64_t shift = max_shift(s);
  std::int64_t d = std::max(s.first_date, from - shift);
  if (cadence_offset(s, d) != 0) d += s.interval_days - cadence_offset(s, d);
  for (; d < to + shift; d += s.interval_days) {
    Occurrence o = occurrence_at(s, d);
    if (o.date >= from && o.date < to) out.push_back(o);
  }
  std::sort(out.begin(), out.end(),
            [](const Occurrence& a, const Occurrence& b) { return a.date < b.date; });
  return out;
}

UnixSeconds start_utc(const SeriesSettings& s, std::int64_t date) {
  using namespace std::chrono;
  const date::time_zone* tz = date::locate_zone(s.time_zone);
  auto local = date::local_days(date::days(date)) + minutes(s.start_minute);
  // In a fall-back overlap or a spring-forward gap, the offset in force before it.
  seconds offset = tz->get_info(local).first.offset;
  auto utc = local.time_since_epoch() - offset;
  return duration_cast<seconds>(utc).count();
}

}  // namespace convene::telechat
