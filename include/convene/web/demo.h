// Demo data written by the project itself: people with roles, one per-area
// meeting (IETF 124) and one consolidated meeting (IETF 125) with a dozen
// realistic dispatch requests in various states, outcomes, and
// re-submissions that get flagged. Loaded through the same actions as the
// API, so every rule applies.
#pragma once

#include <string>

#include "convene/core/result.h"
#include "convene/store/store.h"

namespace convene::web {

// The password of every demo account.
inline constexpr const char* kDemoPassword = "convene-demo";

// Loads the demo data. Idempotent: returns ok without changes when the demo
// meeting 125 already exists. Returns the first error of any step.
Status load_demo(Store& store);

}  // namespace convene::web
