// An Internet-Draft: a name with revisions, each submitted at a time, its
// authors and the drafts it replaces (the "replaces" chain).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"
#include "convene/core/time.h"

namespace convene {

struct DraftRevision {
  std::string rev;            // "00", "01", ...
  UnixSeconds submitted_at = 0;
};

struct Draft {
  std::string name;           // "draft-foo-bar"
  std::string title;
  std::vector<std::string> authors;
  std::vector<std::string> replaces;   // names of drafts this one replaces
  std::vector<DraftRevision> revisions;  // ascending by rev

  const DraftRevision* revision(const std::string& rev) const;  // nullptr if unknown
};

// One revision posted through the API: {"name", "rev", "title",
// "submitted_at", "authors": [...], "replaces": [...]}. Validates the name
// ("draft-" then lower-case letters, digits, '-'), rev (two digits),
// submitted_at (RFC 3339) and list types; errors name the field.
struct DraftSubmission {
  std::string name;
  std::string rev;
  std::string title;
  UnixSeconds submitted_at = 0;
  std::vector<std::string> authors;
  std::vector<std::string> replaces;
};
Result<DraftSubmission> draft_submission_from_json(const nlohmann::json& body);
nlohmann::json to_json(const Draft& d);

// All drafts related to `name` through replaces links, in either direction,
// transitively (including `name`). `all` is every known draft.
std::vector<std::string> replaces_family(const std::string& name, const std::vector<Draft>& all);

}  // namespace convene
