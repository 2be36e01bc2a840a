// The demo meeting's plan (demo_plan.cpp). Internal to src/web.
#pragma once

#include "context.h"

namespace convene::web {

// Adds IETF 125's rooms, timeslot grid, its consolidated dispatch session
// with one IESG exception, forty invented session requests (the last three
// left pending), a solved schedule "draft-1" made official, and a
// queued solver run "draft-2". REQUIRES: meeting 125 exists, its plan empty.
Status add_demo_plan(Context& ctx, const Person& secretariat);

}  // namespace convene::web
