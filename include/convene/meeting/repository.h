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
  // Every meeting, newest start date first (ties by number).
  virtual Result<std::vector<Meeting>> list() = 0;
  // REQUIRES: no meeting m.number yet (else a conflict Error).
  virtual Status insert(const Meeting& m) = 0;
};

}  // namespace convene
