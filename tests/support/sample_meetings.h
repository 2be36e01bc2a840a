// Meetings the HTTP tests add beside their seeds.
#pragma once

#include "convene/core/time.h"
#include "convene/meeting/meeting.h"

namespace convene::testing {

// IETF 126 in Madrid, 18-24 July 2026, per-area dispatch, I-D cutoff 6 July.
inline Meeting ietf126_madrid() {
  Meeting m;
  m.number = "126";
  m.city = "Madrid";
  m.start_date = parse_date("2026-07-18", "d").value();
  m.end_date = parse_date("2026-07-24", "d").value();
  m.time_zone = "Europe/Madrid";
  m.id_cutoff = parse_rfc3339("2026-07-06T23:59:00Z", "t").value();
  m.dispatch_mode = DispatchMode::per_area;
  return m;
}

}  // namespace convene::testing
