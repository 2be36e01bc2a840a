// A meeting: a plenary (numbered, e.g. "121") or an interim of one group.
// Times are UTC; dates are calendar days in the meeting's time zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"
#include "convene/core/time.h"

namespace convene {

enum class MeetingType { plenary, interim };
enum class MeetingMode { in_person, hybrid, virtual_only };
enum class DispatchMode { per_area, consolidated };

struct Meeting {
  std::string number;              // "121", or "interim-2025-quic-01"
  MeetingType type = MeetingType::plenary;
  std::string group;               // interim only: the group it belongs to
  std::string city;
  std::int64_t start_date = 0;     // days since epoch (local calendar date)
  std::int64_t end_date = 0;
  std::string time_zone;           // IANA name
  MeetingMode mode = MeetingMode::in_person;
  UnixSeconds id_cutoff = 0;       // Internet-Draft submission cutoff; 0: none
                                   // (only an interim may have none)
  DispatchMode dispatch_mode = DispatchMode::per_area;
};

std::string_view to_string(MeetingType v);   // "plenary" | "interim"
std::string_view to_string(MeetingMode v);   // "in-person" | "hybrid" | "virtual"
std::string_view to_string(DispatchMode v);  // "per-area" | "consolidated"
std::optional<MeetingType> meeting_type_from(std::string_view s);
std::optional<MeetingMode> meeting_mode_from(std::string_view s);
std::optional<DispatchMode> dispatch_mode_from(std::string_view s);

// Where a meeting stands at `now`, by the calendar of its own time zone:
// before its first day, on one of its days, or after its last.
enum class MeetingPhase { upcoming, running, past };
MeetingPhase meeting_phase(const Meeting& m, UnixSeconds now);

// "IETF 121" for a plenary, "interim meeting interim-2025-quic-01" for an interim.
std::string meeting_title(const Meeting& m);

// Validates and builds a meeting from the API body (see the issue/OpenAPI):
//   number       required; plenary: digits without a leading zero ("121");
//                interim: lower-case letters, digits, '-' (at most 64)
//   type         "plenary" (default) | "interim"
//   group        interim: required group acronym; plenary: must be absent
//   city         plenary: required; interim: optional
//   start_date, end_date   required "YYYY-MM-DD", end on or after start
//   time_zone    required IANA name ("Europe/Dublin")
//   mode         "in-person" | "hybrid" | "virtual"; default in-person for a
//                plenary, virtual for an interim
//   id_cutoff    RFC 3339; plenary: required; interim: optional (0: none);
//                must be before the end of end_date in the meeting's zone
//   dispatch_mode  "per-area" (default) | "consolidated" (plenary only)
// Errors name the field: missing_field, bad_type, bad_value (unknown enum
// value, bad date/time/zone, end before start, cutoff after the end).
// Unknown fields are ignored.
Result<Meeting> meeting_from_json(const nlohmann::json& body);
// The same fields; "group" only for an interim, "id_cutoff" null when none.
nlohmann::json to_json(const Meeting& m);

}  // namespace convene
