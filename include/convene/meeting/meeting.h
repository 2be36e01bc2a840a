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
  UnixSeconds id_cutoff = 0;       // Internet-Draft submission cutoff
  DispatchMode dispatch_mode = DispatchMode::per_area;
};

std::string_view to_string(MeetingType v);   // "plenary" | "interim"
std::string_view to_string(MeetingMode v);   // "in-person" | "hybrid" | "virtual"
std::string_view to_string(DispatchMode v);  // "per-area" | "consolidated"
std::optional<MeetingType> meeting_type_from(std::string_view s);
std::optional<MeetingMode> meeting_mode_from(std::string_view s);
std::optional<DispatchMode> dispatch_mode_from(std::string_view s);

// Validates and builds a meeting from the API body (see the issue/OpenAPI):
// number, type, city, start_date, end_date, time_zone, mode, id_cutoff,
// dispatch_mode. Errors name the field: missing, wrong type, unknown enum
// value, bad date/time/zone, end before start, cutoff after the end.
Result<Meeting> meeting_from_json(const nlohmann::json& body);
nlohmann::json to_json(const Meeting& m);

}  // namespace convene
