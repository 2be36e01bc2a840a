// The telechat repository in SQL (SQLite and PostgreSQL) over one connection.
#pragma once

#include <initializer_list>

#include "convene/store/sql.h"
#include "convene/telechat/store.h"

namespace convene::store {

class SqlTelechats : public telechat::TelechatRepository {
 public:
  explicit SqlTelechats(Connection& c) : c_(c) {}

  Result<std::optional<telechat::Telechat>> load(std::int64_t date) override;
  Status save(const telechat::Telechat& t) override;
  Result<std::vector<telechat::Telechat>> list(std::int64_t from, std::int64_t to) override;
  Result<std::optional<telechat::Telechat>> previous_informal(std::int64_t before) override;
  Result<std::vector<telechat::SeriesSettings>> series() override;
  Status save_series(const telechat::SeriesSettings& s) override;

 private:
  Result<std::vector<telechat::Telechat>> query(const char* sql, std::initializer_list<std::int64_t> params);
  Connection& c_;
};

}  // namespace convene::store
