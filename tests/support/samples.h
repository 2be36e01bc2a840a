// Meetings and drafts the HTTP tests add beside their seeds.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "convene/core/time.h"
#include "convene/meeting/meeting.h"
#include "convene/store/store.h"

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

// Records revision 00 of draft `name` titled `title` (submitted
// 2023-11-14T22:13:20Z, confirmed), and expects the write to commit.
inline void add_draft(Store& store, const std::string& name, const std::string& title) {
  DraftSubmission s{name, "00", title, 1'700'000'000, {"Ada"}, {}};
  ASSERT_TRUE(store.write([&](Repositories& r) { return r.drafts().save_revision(s, {"ada@example.org", 1, true}); })
                  .ok());
}

}  // namespace convene::testing
