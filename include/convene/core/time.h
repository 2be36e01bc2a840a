// Instants are stored in UTC as seconds since the Unix epoch; they are shown
// in a meeting's or reader's IANA time zone. All parsing is strict: a string
// that is not what the contract says gives an Error naming the field.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "convene/core/result.h"

namespace convene {

using UnixSeconds = std::int64_t;

// Parses RFC 3339 ("2024-10-21T23:59:00Z", "2019-11-18T10:00:00+08:00",
// fractional seconds allowed). An offset is required. `field` names the
// input in the error message.
Result<UnixSeconds> parse_rfc3339(std::string_view text, std::string_view field);

// Formats as "2024-10-21T23:59:00Z".
std::string format_utc(UnixSeconds t);

// Formats as an HTTP date (RFC 9110, IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(UnixSeconds t);

// Parses a calendar date "2024-11-02" into days since the epoch.
Result<std::int64_t> parse_date(std::string_view text, std::string_view field);
std::string format_date(std::int64_t days);

// True if `zone` is a known IANA time zone name.
bool is_time_zone(std::string_view zone);

// The wall-clock view of an instant in a zone. REQUIRES: is_time_zone(zone).
struct LocalTime {
  std::int64_t days;   // local calendar date, days since 1970-01-01
  int weekday;         // 0 = Sunday ... 6 = Saturday
  int minute_of_day;   // 0 ... 1439
  int utc_offset_min;  // offset in force, minutes east of UTC
};
LocalTime to_local(UnixSeconds t, std::string_view zone);

// The instant a wall-clock time names in a zone: local date `days` (since
// 1970-01-01) at `minute_of_day`. A time skipped by a daylight-saving jump
// is read with the offset before the jump; a repeated one is its first
// occurrence. REQUIRES: is_time_zone(zone), 0 <= minute_of_day < 1440.
UnixSeconds from_local(std::int64_t days, int minute_of_day, std::string_view zone);

// "HH:MM" (00:00 to 23:59) as minutes of the day; bad_value naming `field`.
Result<int> parse_time_of_day(std::string_view text, std::string_view field);

// "2024-11-04 09:30 (+01:00)"-style local rendering: date, time, offset.
std::string format_local(UnixSeconds t, std::string_view zone);

// "1:05" for 65 minutes, "0:00" for 0 (hours not padded): a duration or an
// offset into a session. Negative minutes count as 0.
std::string format_minutes(int minutes);

// Now, from the system clock. Domain code takes time as a parameter instead.
UnixSeconds now_utc();

}  // namespace convene
