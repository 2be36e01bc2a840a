#include "sql_telechats.h"

#include "sql_repo.h"

#include <nlohmann/json.hpp>

#include "convene/telechat/codec.h"

namespace convene::store {
namespace {

using telechat::Telechat;

Result<Telechat> decode(const std::string& doc) {
  auto j = nlohmann::json::parse(doc, nullptr, false);
  if (j.is_discarded()) return Error{"bad_stored_telechat", "a stored telechat is not valid JSON", ErrorKind::internal};
  return telechat::decode_telechat(j);
}

}  // namespace

Result<std::vector<Telechat>> SqlTelechats::query(const char* sql, std::initializer_list<std::int64_t> params) {
  auto st = c_.prepare(sql);
  int i = 0;
  for (auto p : params) st.bind(++i, p);
  std::vector<Telechat> out;
  while (st.step()) {
    auto t = decode(st.text(0));
    if (!t) return t.error();
    out.push_back(std::move(*t));
  }
  return out;
}

Result<std::optional<Telechat>> SqlTelechats::load(std::int64_t date) {
  return caught([&]() -> Result<std::optional<Telechat>> {
    auto v = query("SELECT doc FROM telechats WHERE date = ?", {date});
    if (!v) return v.error();
    if (v->empty()) return std::optional<Telechat>();
    return std::optional<Telechat>(std::move(v->front()));
  });
}

Status SqlTelechats::save(const Telechat& t) {
  return caught([&]() -> Status {
    c_.prepare("INSERT INTO telechats(date, kind, doc) VALUES (?, ?, ?) ON CONFLICT(date) DO UPDATE SET "
               "kind = excluded.kind, doc = excluded.doc")
        .bind(1, t.date)
        .bind(2, std::string(telechat::to_string(t.kind)))
        .bind(3, telechat::encode(t).dump())
        .run();
    return ok_status();
  });
}

Result<std::vector<Telechat>> SqlTelechats::list(std::int64_t from, std::int64_t to) {
  return caught([&]() -> Result<std::vector<Telechat>> {
    return query("SELECT doc FROM telechats WHERE date >= ? AND date < ? ORDER BY date", {from, to});
  });
}

Result<std::optional<Telechat>> SqlTelechats::previous_informal(std::int64_t before) {
  return caught([&]() -> Result<std::optional<Telechat>> {
    auto v = query("SELECT doc FROM telechats WHERE kind = 'informal' AND date < ? ORDER BY date DESC LIMIT 1",
                   {before});
    if (!v) return v.error();
    if (v->empty()) return std::optional<Telechat>();
    return std::optional<Telechat>(std::move(v->front()));
  });
}

Result<std::vector<telechat::SeriesSettings>> SqlTelechats::series() {
  return caught([&]() -> Result<std::vector<telechat::SeriesSettings>> {
    auto st = c_.prepare("SELECT doc FROM telechat_series ORDER BY kind");
    std::vector<telechat::SeriesSettings> out;
    while (st.step()) {
      auto j = nlohmann::json::parse(st.text(0), nullptr, false);
      auto s = telechat::decode_series(j);
      if (!s) return s.error();
      out.push_back(std::move(*s));
    }
    return out;
  });
}

Status SqlTelechats::save_series(const telechat::SeriesSettings& s) {
  return caught([&]() -> Status {
    c_.prepare("INSERT INTO telechat_series(kind, doc) VALUES (?, ?) ON CONFLICT(kind) DO UPDATE SET doc = excluded.doc")
        .bind(1, std::string(telechat::to_string(s.kind)))
        .bind(2, telechat::encode(s).dump())
        .run();
    return ok_status();
  });
}

}  // namespace convene::store
