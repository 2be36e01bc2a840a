#include <nlohmann/json.hpp>
#include <set>

#include "convene/draft/draft.h"
#include "convene/meeting/json_fields.h"

namespace convene {
namespace {

using nlohmann::json;
namespace jf = json_fields;

}  // namespace

std::string explain_bad_draft_name(const std::string& name) {
  std::size_t dash = name.rfind('-');
  if (name.rfind("draft-", 0) == 0 && dash != std::string::npos &&
      is_revision(std::string_view(name).substr(dash + 1)))
    return "'" + name + "' ends in a revision number; give the name without it ('" +
           name.substr(0, dash) + "') and the revision in rev";
  return "'" + name +
         "' is not an Internet-Draft name (\"draft-\" then lower-case letters, digits and '-')";
}

namespace {

Result<std::string> draft_name(const json& body, std::string_view field) {
  auto name = jf::text(body, field, {.max_chars = 255});
  if (!name) return name.error();
  if (!is_draft_name(*name)) return jf::bad_value(field, explain_bad_draft_name(*name));
  return *name;
}

Status read_replaces(const json& body, DraftSubmission& s) {
  auto list = jf::text_list(body, "replaces", 50, {.max_chars = 255});
  if (!list) return list.error();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string& old = (*list)[i];
    std::string field = "replaces[" + std::to_string(i) + "]";
    if (!is_draft_name(old)) return jf::bad_value(field, explain_bad_draft_name(old));
    if (old == s.name) return jf::bad_value(field, "a draft cannot replace itself");
    if (!seen.insert(old).second) return jf::bad_value(field, "'" + old + "' is listed twice");
  }
  s.replaces = std::move(list).value();
  return ok_status();
}

}  // namespace

Result<DraftSubmission> draft_submission_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  DraftSubmission s;
  auto name = draft_name(body, "name");
  if (!name) return name.error();
  s.name = *name;
  auto rev = jf::text(body, "rev", {.max_chars = 10});
  if (!rev) return rev.error();
  if (!is_revision(*rev))
    return jf::bad_value("rev", "'" + *rev + "' is not a revision (two digits, e.g. \"00\")");
  s.rev = *rev;
  auto title = jf::text(body, "title", {.max_chars = 500});
  if (!title) return title.error();
  s.title = *title;
  auto at = jf::text(body, "submitted_at", {.max_chars = 60});
  if (!at) return at.error();
  auto t = parse_rfc3339(*at, "submitted_at");
  if (!t) return jf::bad_value("submitted_at", "'" + *at +
                                                   "' is not an RFC 3339 time with an offset, "
                                                   "e.g. 2024-10-20T10:00:00Z");
  s.submitted_at = *t;
  auto authors = jf::text_list(body, "authors", 100, {.max_chars = 200});
  if (!authors) return authors.error();
  s.authors = std::move(authors).value();
  if (auto st = read_replaces(body, s); !st) return st.error();
  return s;
}

json to_json(const Draft& d) {
  json revs = json::array();
  for (const DraftRevision& r : d.revisions)
    revs.push_back({{"rev", r.rev}, {"submitted_at", format_utc(r.submitted_at)}, {"confirmed", r.confirmed}});
  const DraftRevision* last = d.latest();
  return {{"name", d.name},
          {"title", d.title},
          {"authors", d.authors},
          {"replaces", d.replaces},
          {"rev", last ? json(last->rev) : json(nullptr)},
          {"revisions", revs}};
}

json to_json(const DraftSummary& d) {
  bool has_rev = !d.rev.empty();
  return {{"name", d.name},
          {"title", d.title},
          {"rev", has_rev ? json(d.rev) : json(nullptr)},
          {"submitted_at", has_rev ? json(format_utc(d.submitted_at)) : json(nullptr)}};
}

}  // namespace convene
