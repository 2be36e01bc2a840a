// Where meetings are kept. "Not there" is an empty optional; storage failure
// is an internal Error; no method throws.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "convene/meeting/meeting.h"

namespace convene {

class MeetingRepository {
 public:
  virtual ~MeetingRepository() = default;
  virtual Result<std::optional<Meeting>> find(const std::string& number) = 0;
  // Meetings newest start date first (ties by number): at most `limit`,
  // after skipping the first `offset`. REQUIRES: limit >= 0, offset >= 0.
  virtual Result<std::vector<Meeting>> list(int limit, int offset) = 0;
  // Stores `m`; "meeting_exists" (conflict) when meeting m.number is already there.
  virtual Status insert(const Meeting& m) = 0;
};

}  // namespace convene
