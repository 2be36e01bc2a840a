#include "convene/draft/datatracker.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "convene/draft/service.h"
#include "convene/meeting/json_fields.h"

namespace convene {

namespace jf = json_fields;
using nlohmann::json;

namespace {

struct HistoryEntry {
  std::string name, rev;
  UnixSeconds published = 0;
};

Result<std::vector<HistoryEntry>> history_of(const json& doc) {
  if (!doc.contains("rev_history") || !doc["rev_history"].is_array())
    return invalid("missing_field", "rev_history: the document's revision history (a list) is missing");
  std::vector<HistoryEntry> out;
  const json& list = doc["rev_history"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = "rev_history[" + std::to_string(i) + "]";
    const json& e = list[i];
    if (!e.is_object() || !e.contains("name") || !e["name"].is_string() || !e.contains("rev") || !e["rev"].is_string())
      return invalid("bad_type", at + ": an entry needs a \"name\" and a \"rev\" (strings)");
    if (!e.contains("published") || !e["published"].is_string()) continue;  // never published: nothing to date
    auto when = parse_rfc3339(e["published"].get<std::string>(), at + ".published");
    if (!when) return when.error();
    out.push_back({e["name"].get<std::string>(), e["rev"].get<std::string>(), *when});
  }
  return out;
}

std::vector<std::string> author_names(const json& doc) {
  std::vector<std::string> out;
  if (!doc.contains("authors") || !doc["authors"].is_array()) return out;
  for (const json& a : doc["authors"])
    if (a.is_object() && a.contains("name") && a["name"].is_string()) out.push_back(a["name"].get<std::string>());
  return out;
}

// The other drafts of the history whose every revision precedes `first`.
std::vector<std::string> predecessors(const std::vector<HistoryEntry>& history, const std::string& name,
                                      UnixSeconds first) {
  std::map<std::string, UnixSeconds> last;
  for (const auto& e : history)
    if (e.name != name && is_draft_name(e.name)) last[e.name] = std::max(last[e.name], e.published);
  std::vector<std::string> out;
  for (const auto& [other, at] : last)
    if (at < first) out.push_back(other);
  return out;
}

}  // namespace

Result<std::vector<DraftSubmission>> revisions_from_datatracker(const json& doc) {
  if (auto st = jf::require_object(doc); !st) return st.error();
  auto name = jf::text(doc, "name", {.max_chars = 255});
  if (!name) return name.error();
  if (!is_draft_name(*name)) return invalid("not_a_draft", "name: '" + *name + "' is not an Internet-Draft's name");
  auto history = history_of(doc);
  if (!history) return history.error();
  std::vector<HistoryEntry> own;
  for (const auto& e : *history)
    if (e.name == *name) own.push_back(e);
  if (own.empty()) return invalid("no_revisions", "rev_history: no published revision of " + *name);
  std::sort(own.begin(), own.end(), [](const auto& a, const auto& b) { return a.rev < b.rev; });
  const json title = doc.contains("title") ? doc["title"] : json();
  const json replaces = predecessors(*history, *name, own.front().published);
  const json authors = author_names(doc);
  std::vector<DraftSubmission> out;
  for (const auto& e : own) {
    json body = {{"name", *name}, {"rev", e.rev}, {"title", title}, {"submitted_at", format_utc(e.published)},
                 {"authors", authors}, {"replaces", replaces}};
    auto s = draft_submission_from_json(body);
    if (!s) return Error{s.error().code, *name + "-" + e.rev + ": " + s.error().message, s.error().kind};
    out.push_back(std::move(*s));
  }
  return out;
}

Result<DraftImport> import_revisions(DraftRepository& drafts, AuditLog& audit, const Person& importer,
                                     const std::vector<DraftSubmission>& revisions, UnixSeconds now) {
  DraftImport done;
  std::set<std::string> touched;
  for (const auto& s : revisions) {
    auto existing = drafts.find(s.name);
    if (!existing) return existing.error();
    if (*existing && (*existing)->revision(s.rev)) {
      ++done.unchanged;
      continue;
    }
    auto saved = submit_revision(drafts, audit, importer, s, now);
    if (!saved) return Error{saved.error().code, s.name + "-" + s.rev + ": " + saved.error().message, saved.error().kind};
    ++done.added;
    touched.insert(s.name);
  }
  done.drafts = static_cast<int>(touched.size());
  return done;
}

}  // namespace convene
