// Where Internet-Drafts and their revisions are kept. "Not there" is an empty
// optional; storage failure is an internal Error; no method throws. Every
// method costs the same whatever the number of drafts on record (indexed
// lookups only), except search(), which reads every draft's name and title:
// the archive holds over 100,000 draft names.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "convene/draft/draft.h"

namespace convene {

// The drafts a search returns per page: Default: 50; at most 200.
inline constexpr int kDraftPageDefault = 50;
inline constexpr int kDraftPageMax = 200;

struct DraftQuery {
  std::string text;   // "" matches every draft
  int limit = kDraftPageDefault;
  int offset = 0;
};

struct DraftPage {
  std::vector<DraftSummary> drafts;  // by name
  int total = 0;                     // matches of the whole search, not just this page
};

class DraftRepository {
 public:
  virtual ~DraftRepository() = default;
  // The draft with its revisions in ascending rev order.
  virtual Result<std::optional<Draft>> find(const std::string& name) = 0;
  // Stores revision s.rev (REQUIRES: not stored yet) with `r` (recorded_at,
  // confirmed) and sets title, authors and replaces of the draft to those of
  // `s`; a new draft's recorded_by is r.by.
  virtual Status save_revision(const DraftSubmission& s, const Recording& r) = 0;
  // The titles of those of `names` that are on record, by name (one query).
  virtual Result<std::map<std::string, std::string>> titles(const std::vector<std::string>& names) = 0;
  // replaces_family(name, every draft): the names linked to `name` through
  // replaces links in either direction, transitively, `name` included (also
  // when nothing is stored of it), sorted by name.
  virtual Result<std::vector<std::string>> family(const std::string& name) = 0;
  // The drafts whose name or title contains q.text as a substring, ASCII
  // letters compared case-insensitively and every other character (the LIKE
  // wildcards '%' and '_' included) literally: the q.limit of them after
  // skipping q.offset, ordered by name, each with its latest revision, and
  // the total number of matches. Costs a scan of all drafts (two queries).
  // REQUIRES: 1 <= q.limit <= kDraftPageMax, q.offset >= 0.
  virtual Result<DraftPage> search(const DraftQuery& q) = 0;
};

}  // namespace convene
