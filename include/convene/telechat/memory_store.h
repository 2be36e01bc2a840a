// An in-memory TelechatRepository: the test twin of the SQLite store.
// Never fails unless told to (fail_next), so tests can check error paths.
#pragma once

#include <map>
#include <string>

#include "convene/telechat/store.h"

namespace convene::telechat {

class MemoryTelechatRepository : public TelechatRepository {
 public:
  Result<std::optional<Telechat>> load(std::int64_t date) override;
  Status save(const Telechat& t) override;
  Result<std::vector<Telechat>> list(std::int64_t from, std::int64_t to) override;
  Result<std::optional<Telechat>> previous_informal(std::int64_t before) override;
  Result<std::vector<SeriesSettings>> series() override;
  Status save_series(const SeriesSettings& s) override;

  // The next call of any method returns an internal error with this message.
  void fail_next(std::string message) { fail_ = std::move(message); }
  int saves() const { return saves_; }

 private:
  std::optional<Error> take_failure();

  std::map<std::int64_t, Telechat> telechats_;
  std::map<Kind, SeriesSettings> series_;
  std::string fail_;
  int saves_ = 0;
};

}  // namespace convene::telechat
