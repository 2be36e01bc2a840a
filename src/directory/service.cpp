#include "convene/directory/service.h"

#include <nlohmann/json.hpp>

#include "convene/meeting/json_fields.h"

namespace convene {

namespace jf = json_fields;
using nlohmann::json;

Result<Area> save_area(DirectoryRepository& directory, const Auditor& audit, const Person& who, const Area& a) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may change areas");
  if (auto st = check_area(a); !st) return st.error();
  if (auto st = directory.save_area(a); !st) return st.error();
  if (auto st = audit.record("area.save", audit_object::area(a.acronym), to_json(a).dump()); !st) return st.error();
  return a;
}

Result<Group> save_group(DirectoryRepository& directory, const Auditor& audit, const Person& who, const Group& g) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may change groups");
  auto areas = directory.areas();
  if (!areas) return areas.error();
  if (auto st = check_group(g, *areas); !st) return st.error();
  if (auto st = directory.save_group(g); !st) return st.error();
  if (auto st = audit.record("group.save", audit_object::group(g.acronym), to_json(g).dump()); !st)
    return st.error();
  return g;
}

Result<Group> find_group(DirectoryRepository& directory, const std::string& acronym) {
  auto g = directory.group(acronym);
  if (!g) return g.error();
  if (!*g) return not_found("group_unknown", "there is no group '" + acronym + "'");
  return std::move(**g);
}

json to_json(const Group& g) {
  return {{"acronym", g.acronym}, {"name", g.name},   {"type", g.type},
          {"area", g.area},       {"state", g.state}, {"ad", g.ad}, {"list_email", g.list_email}};
}

json to_json(const Area& a) { return {{"acronym", a.acronym}, {"name", a.name}, {"state", a.state}}; }

namespace {

// Reads `field` into `out` when present; keeps `out` otherwise.
Status optional_into(const json& body, std::string_view field, std::string& out, jf::TextRules rules) {
  auto v = jf::optional_text(body, field, rules);
  if (!v) return v.error();
  if (*v) out = **v;
  return ok_status();
}

}  // namespace

Result<Group> group_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  Group g;
  auto acronym = jf::text(body, "acronym", {.max_chars = 40});
  if (!acronym) return acronym.error();
  auto name = jf::text(body, "name");
  if (!name) return name.error();
  auto type = jf::text(body, "type", {.max_chars = 20});
  if (!type) return type.error();
  g.acronym = *acronym;
  g.name = *name;
  g.type = *type;
  for (auto [field, out] : {std::pair{"area", &g.area}, {"state", &g.state}, {"ad", &g.ad}, {"list_email", &g.list_email}})
    if (auto st = optional_into(body, field, *out, {.max_chars = 254, .allow_empty = true}); !st) return st.error();
  if (auto st = check_group(g, {Area{g.area, g.area}}); !st) return st.error();  // the area is checked by save_group
  return g;
}

Result<Area> area_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  Area a;
  auto acronym = jf::text(body, "acronym", {.max_chars = 40});
  if (!acronym) return acronym.error();
  auto name = jf::text(body, "name");
  if (!name) return name.error();
  a.acronym = *acronym;
  a.name = *name;
  if (auto st = optional_into(body, "state", a.state, {.max_chars = 20}); !st) return st.error();
  if (auto st = check_area(a); !st) return st.error();
  return a;
}

}  // namespace convene
