// The directory's JSON API: areas and groups (issue 12, item 1).
#include "api_support.h"
#include "convene/directory/service.h"

namespace convene::web {

using nlohmann::json;

namespace {

// A group kept by filters of ?area=, ?type= and ?state= (each optional).
bool wanted(const Group& g, const Request& req) {
  for (auto [name, value] : {std::pair{"area", &g.area}, {"type", &g.type}, {"state", &g.state}}) {
    std::string want = query(req, name);
    if (!want.empty() && want != *value) return false;
  }
  return true;
}

}  // namespace

Response api_list_areas(Context& ctx, const Request&) {
  auto areas = in_read<std::vector<Area>>(ctx, [](Repositories& r) { return r.directory().areas(); });
  if (!areas) return http::error(areas.error());
  return http::json(200, {{"areas", listed(*areas)}});
}

Response api_save_area(Context& ctx, const Request& req) {
  return with_input(ctx, req, area_from_json, [&](const Person& who, const Area& a) {
    return answer(in_write<Area>(ctx, [&](Repositories& r) {
      return save_area(r.directory(), Auditor(r.audit(), who.email, ctx.now()), who, a);
    }));
  });
}

Response api_list_groups(Context& ctx, const Request& req) {
  auto groups = in_read<std::vector<Group>>(ctx, [](Repositories& r) { return r.directory().groups(); });
  if (!groups) return http::error(groups.error());
  std::erase_if(*groups, [&](const Group& g) { return !wanted(g, req); });
  return http::json(200, {{"groups", listed(*groups)}});
}

Response api_save_group(Context& ctx, const Request& req) {
  return with_input(ctx, req, group_from_json, [&](const Person& who, const Group& g) {
    return answer(in_write<Group>(ctx, [&](Repositories& r) {
      return save_group(r.directory(), Auditor(r.audit(), who.email, ctx.now()), who, g);
    }));
  });
}

Response api_get_group(Context& ctx, const Request& req) {
  return answer(in_read<Group>(ctx, [&](Repositories& r) { return find_group(r.directory(), req.param("acronym")); }));
}

}  // namespace convene::web
