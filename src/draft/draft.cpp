#include "convene/draft/draft.h"

#include <algorithm>
#include <map>
#include <set>

namespace convene {
namespace {

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Undirected replaces links between names.
std::map<std::string, std::set<std::string>> links(const std::vector<Draft>& all) {
  std::map<std::string, std::set<std::string>> g;
  for (const Draft& d : all)
    for (const std::string& old : d.replaces) {
      g[d.name].insert(old);
      g[old].insert(d.name);
    }
  return g;
}

}  // namespace

UnixSeconds counted_submission(const DraftRevision& r) {
  return r.confirmed ? r.submitted_at : std::max(r.submitted_at, r.recorded_at);
}

Status check_may_record(const std::string& who, bool secretariat, const Draft* existing) {
  if (!existing || secretariat || (!existing->recorded_by.empty() && existing->recorded_by == who))
    return ok_status();
  return forbidden(existing->name + " was recorded by someone else; only they or the secretariat may add "
                   "revisions to it");
}

const DraftRevision* Draft::revision(const std::string& rev) const {
  for (const DraftRevision& r : revisions)
    if (r.rev == rev) return &r;
  return nullptr;
}

const DraftRevision* Draft::latest() const {
  const DraftRevision* best = nullptr;
  for (const DraftRevision& r : revisions)
    if (!best || r.rev > best->rev) best = &r;
  return best;
}

bool is_revision(std::string_view rev) {
  return rev.size() == 2 && rev[0] >= '0' && rev[0] <= '9' && rev[1] >= '0' && rev[1] <= '9';
}

bool is_draft_name(std::string_view name) {
  constexpr std::string_view kPrefix = "draft-";
  if (name.size() <= kPrefix.size() || name.size() > 255 || name.substr(0, 6) != kPrefix)
    return false;
  char prev = '-';
  for (char c : name.substr(kPrefix.size())) {
    if (c == '-' && prev == '-') return false;
    if (c != '-' && !lower_alnum(c)) return false;
    prev = c;
  }
  if (prev == '-') return false;
  std::size_t dash = name.rfind('-');
  return !is_revision(name.substr(dash + 1));
}

Status check_new_revision(const Draft* existing, const DraftSubmission& s) {
  if (!existing) return ok_status();
  if (existing->revision(s.rev))
    return conflict("revision_exists", s.name + "-" + s.rev + " is already recorded");
  const DraftRevision* last = existing->latest();
  if (!last) return ok_status();
  if (s.rev < last->rev)
    return rejected("revision_out_of_order", "rev: " + s.name + "-" + s.rev +
                                                 " comes before the latest recorded revision " +
                                                 last->rev);
  if (s.submitted_at < last->submitted_at)
    return rejected("revision_out_of_order",
                    "submitted_at: " + s.name + "-" + s.rev + " is dated " +
                        format_utc(s.submitted_at) + ", before revision " + last->rev + " (" +
                        format_utc(last->submitted_at) + ")");
  return ok_status();
}

std::vector<std::string> replaces_family(const std::string& name, const std::vector<Draft>& all) {
  auto g = links(all);
  std::set<std::string> seen{name};
  std::vector<std::string> todo{name};
  while (!todo.empty()) {
    std::string at = todo.back();
    todo.pop_back();
    for (const std::string& next : g[at])
      if (seen.insert(next).second) todo.push_back(next);
  }
  return {seen.begin(), seen.end()};
}

}  // namespace convene
