// A series of telechats of one kind: a cadence (every `interval_days` from
// `first_date`, so the weekday is first_date's), moved dates and
// cancellations. Occurrences are computed, never stored one by one.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "convene/core/result.h"
#include "convene/core/time.h"
#include "convene/telechat/model.h"

namespace convene::telechat {

struct SeriesSettings {
  Kind kind = Kind::informal;
  std::int64_t first_date = 0;       // days since epoch; the first occurrence
  int interval_days = 14;            // Default: every two weeks
  int start_minute = 10 * 60;        // local wall-clock start. Default: 10:00
  int duration_minutes = 120;        // Default: two hours
  std::string time_zone = "America/New_York";  // IANA zone of start_minute
  std::map<std::int64_t, std::int64_t> moved;  // scheduled date -> actual date
  std::set<std::int64_t> cancelled;            // scheduled dates
  bool operator==(const SeriesSettings&) const = default;
};

// Errors: "bad_interval" (< 1), "bad_start_minute" (outside 0..1439),
// "bad_duration" (< 1), "bad_time_zone", "moved_not_in_cadence" (a moved
// key that is not a cadence date), "moved_collision" (two occurrences on one day),
// "cancelled_not_in_cadence" (a cancelled date that is not a cadence date).
Status validate(const SeriesSettings& s);

struct Occurrence {
  std::int64_t date = 0;            // actual date (after a move)
  std::int64_t scheduled_date = 0;  // cadence date; names the occurrence (UID)
  Kind kind = Kind::informal;
  bool cancelled = false;
  int sequence = 0;                 // iCalendar SEQUENCE: 0, or 1 if moved or cancelled
  bool operator==(const Occurrence&) const = default;
};

// The occurrences whose actual date lies in [from, to), sorted by date.
// Cancelled ones are listed with cancelled = true. REQUIRES: validate(s) ok.
std::vector<Occurrence> occurrences(const SeriesSettings& s, std::int64_t from, std::int64_t to);

// What a kind without a saved series uses: SeriesSettings' defaults.
SeriesSettings default_series(Kind kind);

// The series of `kind` among `all` (at most one per kind), or null.
const SeriesSettings* find_series(const std::vector<SeriesSettings>& all, Kind kind);

// True if `date` is a cadence date of the series (before any move).
bool in_cadence(const SeriesSettings& s, std::int64_t date);

// The UTC start of a telechat on local `date` at s.start_minute in s.time_zone.
// REQUIRES: validate(s) ok.
UnixSeconds start_utc(const SeriesSettings& s, std::int64_t date);

}  // namespace convene::telechat

#include <nlohmann/json_fwd.hpp>

namespace convene::telechat {

// The series settings of `kind` from the API body:
// {"first_date": "2026-11-26", "interval_days": 14, "start_time": "10:00",
//  "duration_minutes": 120, "time_zone": "America/New_York",
//  "moved": {"2026-12-24": "2026-12-23"}, "cancelled": ["2027-01-07"]}.
// first_date is required, the rest default as in SeriesSettings. Errors name
// the field (missing_field, bad_type, bad_date, bad_time) or come from
// validate().
Result<SeriesSettings> series_from_json(const nlohmann::json& body, Kind kind);
nlohmann::json series_to_json(const SeriesSettings& s);

}  // namespace convene::telechat
