// The repository the telechat service needs. The store layer implements it
// (SQLite); memory_store.h has an in-memory twin for tests. One telechat per
// date. Storage failures are Errors of kind internal; "not there" is not an
// error but an empty optional.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "convene/core/result.h"
#include "convene/telechat/model.h"
#include "convene/telechat/series.h"

namespace convene::telechat {

class TelechatRepository {
 public:
  virtual ~TelechatRepository() = default;

  // The telechat on `date` with its agenda, or nullopt.
  virtual Result<std::optional<Telechat>> load(std::int64_t date) = 0;

  // Inserts or replaces the telechat on t.date, agenda included, atomically.
  virtual Status save(const Telechat& t) = 0;

  // Telechats with from <= date < to, sorted by date.
  virtual Result<std::vector<Telechat>> list(std::int64_t from, std::int64_t to) = 0;

  // The latest informal telechat with date < `before` (cancelled ones
  // included), or nullopt.
  virtual Result<std::optional<Telechat>> previous_informal(std::int64_t before) = 0;

  // Series settings, at most one per kind.
  virtual Result<std::vector<SeriesSettings>> series() = 0;
  // Inserts or replaces the settings of s.kind.
  virtual Status save_series(const SeriesSettings& s) = 0;
};

}  // namespace convene::telechat
