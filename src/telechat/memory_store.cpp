#include "convene/telechat/memory_store.h"

namespace convene::telechat {

std::optional<Error> MemoryTelechatRepository::take_failure() {
  if (fail_.empty()) return std::nullopt;
  Error e{"storage_failed", fail_, ErrorKind::internal};
  fail_.clear();
  return e;
}

Result<std::optional<Telechat>> MemoryTelechatRepository::load(std::int64_t date) {
  if (auto e = take_failure()) return *e;
  auto it = telechats_.find(date);
  if (it == telechats_.end()) return std::optional<Telechat>();
  return std::optional<Telechat>(it->second);
}

Status MemoryTelechatRepository::save(const Telechat& t) {
  if (auto e = take_failure()) return *e;
  telechats_[t.date] = t;
  ++saves_;
  return ok_status();
}

Result<std::vector<Telechat>> MemoryTelechatRepository::list(std::int64_t from, std::int64_t to) {
  if (auto e = take_failure()) return *e;
  std::vector<Telechat> out;
  for (auto it = telechats_.lower_bound(from); it != telechats_.end() && it->first < to; ++it)
    out.push_back(it->second);
  return out;
}

Result<std::optional<Telechat>> MemoryTelechatRepository::previous_informal(std::int64_t before) {
  if (auto e = take_failure()) return *e;
  for (auto it = telechats_.lower_bound(before); it != telechats_.begin();) {
    --it;
    if (it->second.kind == Kind::informal) return std::optional<Telechat>(it->second);
  }
  return std::optional<Telechat>();
}

Result<std::vector<SeriesSettings>> MemoryTelechatRepository::series() {
  if (auto e = take_failure()) return *e;
  std::vector<SeriesSettings> out;
  for (const auto& [kind, s] : series_) out.push_back(s);
  return out;
}

Status MemoryTelechatRepository::save_series(const SeriesSettings& s) {
  if (auto e = take_failure()) return *e;
  series_[s.kind] = s;
  return ok_status();
}

}  // namespace convene::telechat
