#include "convene/telechat/codec.h"

#include <nlohmann/json.hpp>

namespace convene::telechat {
namespace {

using nlohmann::json;

Error bad(const std::string& what) {
  return {"bad_stored_telechat", "stored telechat: " + what, ErrorKind::internal};
}

json encode_item(const Item& i) {
  json history = json::array();
  for (const HistoryEntry& h : i.history) history.push_back({{"date", h.date}, {"section", slug(h.section)}});
  return {{"id", i.id},         {"section", slug(i.section)}, {"title", i.title},
          {"owner", i.owner},   {"body", i.body},             {"links", i.links},
          {"experiment", i.experiment}, {"closed", i.closed}, {"history", std::move(history)}};
}

Result<Section> decode_section(const json& j) {
  auto s = section_from_slug(j.get<std::string>());
  if (!s) return bad("unknown section '" + j.get<std::string>() + "'");
  return *s;
}

Result<Item> decode_item(const json& j) {
  Item i;
  i.id = j.at("id").get<std::string>();
  auto section = decode_section(j.at("section"));
  if (!section) return section.error();
  i.section = *section;
  i.title = j.at("title").get<std::string>();
  i.owner = j.at("owner").get<std::string>();
  i.body = j.at("body").get<std::string>();
  i.links = j.at("links").get<std::vector<std::string>>();
  i.experiment = j.at("experiment").get<std::string>();
  i.closed = j.at("closed").get<bool>();
  for (const json& h : j.at("history")) {
    auto hs = decode_section(h.at("section"));
    if (!hs) return hs.error();
    i.history.push_back({h.at("date").get<std::int64_t>(), *hs});
  }
  return i;
}

json encode_formal(const FormalAgenda& f) {
  json entries = json::array(), management = json::array();
  for (const FormalEntry& e : f.entries)
    entries.push_back({{"section", e.section}, {"name", e.name}, {"title", e.title}, {"responsible", e.responsible}});
  for (const ManagementIssue& m : f.management)
    management.push_back({{"title", m.title}, {"owner", m.owner}, {"body", m.body}});
  return {{"entries", std::move(entries)}, {"management", std::move(management)}};
}

FormalAgenda decode_formal(const json& j) {
  FormalAgenda f;
  for (const json& e : j.at("entries"))
    f.entries.push_back({e.at("section").get<std::string>(), e.at("name").get<std::string>(),
                         e.at("title").get<std::string>(), e.at("responsible").get<std::string>()});
  for (const json& m : j.at("management"))
    f.management.push_back({m.at("title").get<std::string>(), m.at("owner").get<std::string>(),
                            m.at("body").get<std::string>()});
  return f;
}

Result<Telechat> decode_telechat_unchecked(const json& j) {
  Telechat t;
  t.date = j.at("date").get<std::int64_t>();
  auto kind = kind_from(j.at("kind").get<std::string>());
  if (!kind) return bad("unknown kind");
  t.kind = *kind;
  const json& call = j.at("call");
  t.call = {call.at("url").get<std::string>(), call.at("number").get<std::string>(),
            call.at("password").get<std::string>()};
  t.calendar_url = j.at("calendar_url").get<std::string>();
  t.cancelled = j.at("cancelled").get<bool>();
  t.regrets = j.at("regrets").get<std::vector<std::string>>();
  for (const json& ij : j.at("items")) {
    auto item = decode_item(ij);
    if (!item) return item.error();
    t.agenda.items.push_back(std::move(*item));
  }
  t.formal = decode_formal(j.at("formal"));
  return t;
}

}  // namespace

json encode(const Telechat& t) {
  json items = json::array();
  for (const Item& i : t.agenda.items) items.push_back(encode_item(i));
  return {{"date", t.date},
          {"kind", to_string(t.kind)},
          {"call", {{"url", t.call.url}, {"number", t.call.number}, {"password", t.call.password}}},
          {"calendar_url", t.calendar_url},
          {"cancelled", t.cancelled},
          {"regrets", t.regrets},
          {"items", std::move(items)},
          {"formal", encode_formal(t.formal)}};
}

Result<Telechat> decode_telechat(const json& j) {
  try {
    return decode_telechat_unchecked(j);
  } catch (const json::exception& e) {
    return bad(e.what());
  }
}

json encode(const SeriesSettings& s) {
  json moved = json::array();
  for (const auto& [from, to] : s.moved) moved.push_back({from, to});
  return {{"kind", to_string(s.kind)},
          {"first_date", s.first_date},
          {"interval_days", s.interval_days},
          {"start_minute", s.start_minute},
          {"duration_minutes", s.duration_minutes},
          {"time_zone", s.time_zone},
          {"moved", std::move(moved)},
          {"cancelled", s.cancelled}};
}

Result<SeriesSettings> decode_series(const json& j) {
  try {
    SeriesSettings s;
    auto kind = kind_from(j.at("kind").get<std::string>());
    if (!kind) return bad("unknown series kind");
    s.kind = *kind;
    s.first_date = j.at("first_date").get<std::int64_t>();
    s.interval_days = j.at("interval_days").get<int>();
    s.start_minute = j.at("start_minute").get<int>();
    s.duration_minutes = j.at("duration_minutes").get<int>();
    s.time_zone = j.at("time_zone").get<std::string>();
    for (const json& m : j.at("moved")) s.moved[m.at(0).get<std::int64_t>()] = m.at(1).get<std::int64_t>();
    s.cancelled = j.at("cancelled").get<std::set<std::int64_t>>();
    return s;
  } catch (const json::exception& e) {
    return bad(e.what());
  }
}

}  // namespace convene::telechat
