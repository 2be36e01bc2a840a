// The formal telechat agenda: the Datatracker's fixed numbered structure
// (1 Administrivia ... 7 Any Other Business, 45 sections), documents and
// working-group actions placed in its leaf sections, and management issues
// numbered 6.1, 6.2, ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "convene/core/result.h"

namespace convene::telechat {

struct FormalSection {
  std::string_view number;  // "2.1.1"
  std::string_view title;   // "New items"
  int depth() const;        // 1 for "2", 2 for "2.1", 3 for "2.1.1"
};

// The 45 sections in agenda order, as in the Datatracker.
const std::vector<FormalSection>& formal_sections();
// The section with this number, or nullptr.
const FormalSection* find_formal_section(std::string_view number);
// "Protocol actions > WG submissions > New items" for "2.1.1"; "" if unknown.
std::string formal_path(std::string_view number);

// A document (under 2 or 3) or a working-group action (under 4).
struct FormalEntry {
  std::string section;      // a leaf: "2.1.1", "3.4.2", "4.2.1"
  std::string name;         // "draft-ietf-quic-v2" or a group acronym "quic"
  std::string title;
  std::string responsible;  // responsible AD; may be empty
  bool operator==(const FormalEntry&) const = default;
};

struct ManagementIssue {
  std::string title;
  std::string owner;
  std::string body;  // Markdown; may be empty
  bool operator==(const ManagementIssue&) const = default;
};

struct FormalAgenda {
  std::vector<FormalEntry> entries;         // in placement order
  std::vector<ManagementIssue> management;  // numbered 6.1, 6.2, ... in order
  bool operator==(const FormalAgenda&) const = default;
};

// Places a document in a leaf section of 2 (protocol actions) or 3 (document
// actions). Errors: "unknown_formal_section", "not_a_document_section" (not a
// leaf under 2 or 3), "name_required", "document_already_placed" (conflict).
// On error the agenda is unchanged.
Status place_document(FormalAgenda& agenda, FormalEntry entry);

// Places a WG creation or rechartering action in a leaf section of 4.
// Errors: "unknown_formal_section", "not_a_wg_action_section", "name_required",
// "wg_action_already_placed" (conflict). On error the agenda is unchanged.
Status place_wg_action(FormalAgenda& agenda, FormalEntry entry);

// Appends a management issue; returns its number ("6.3").
// Errors: "title_required". On error the agenda is unchanged.
Result<std::string> add_management_issue(FormalAgenda& agenda, ManagementIssue issue);

// "6.<index+1>".
std::string management_number(std::size_t index);

// The entries placed in `section` (a leaf), in placement order.
std::vector<const FormalEntry*> entries_in(const FormalAgenda& agenda, std::string_view section);

}  // namespace convene::telechat
