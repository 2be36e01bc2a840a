#include "convene/telechat/formal.h"

#include <algorithm>

#include "convene/core/utf8.h"

namespace convene::telechat {
namespace {

// The Datatracker's IESG telechat agenda structure (number, title).
const std::vector<FormalSection> kFormalSections = {
    {"1", "Administrivia"},
    {"1.1", "Roll call"},
    {"1.2", "Bash the agenda"},
    {"1.3", "Approval of the minutes of past telechats"},
    {"1.4", "List of remaining action items from last telechat"},
    {"2", "Protocol actions"},
    {"2.1", "WG submissions"},
    {"2.1.1", "New items"},
    {"2.1.2", "Returning items"},
    {"2.1.3", "For action"},
    {"2.2", "Individual submissions"},
    {"2.2.1", "New items"},
    {"2.2.2", "Returning items"},
    {"2.2.3", "For action"},
    {"2.3", "Status changes"},
    {"2.3.1", "New items"},
    {"2.3.2", "Returning items"},
    {"2.3.3", "For action"},
    {"3", "Document actions"},
    {"3.1", "WG submissions"},
    {"3.1.1", "New items"},
    {"3.1.2", "Returning items"},
    {"3.1.3", "For action"},
    {"3.2", "Individual submissions via AD"},
    {"3.2.1", "New items"},
    {"3.2.2", "Returning items"},
    {"3.2.3", "For action"},
    {"3.3", "Status changes"},
    {"3.3.1", "New items"},
    {"3.3.2", "Returning items"},
    {"3.3.3", "For action"},
    {"3.4", "IRTF and Independent Submission stream documents"},
    {"3.4.1", "New items"},
    {"3.4.2", "Returning items"},
    {"3.4.3", "For action"},
    {"4", "Working Group actions"},
    {"4.1", "WG creation"},
    {"4.1.1", "Proposed for IETF review"},
    {"4.1.2", "Proposed for approval"},
    {"4.2", "WG rechartering"},
    {"4.2.1", "Under evaluation for IETF review"},
    {"4.2.2", "Proposed for approval"},
    {"5", "IAB news we can use"},
    {"6", "Management issues"},
    {"7", "Any Other Business (WG News, New Proposals, etc.)"},
};

// Checks that `number` is a depth-3 leaf whose top-level section is one of `tops`.
Status check_leaf(std::string_view number, std::string_view tops, std::string_view code,
                  std::string_view what) {
  const FormalSection* s = find_formal_section(number);
  if (!s)
    return invalid("unknown_formal_section",
                   "section: '" + std::string(number) + "' is not a section of the formal agenda");
  if (s->depth() != 3 || tops.find(number.front()) == std::string_view::npos)
    return invalid(std::string(code), "section: '" + std::string(number) + "' (" +
                                          formal_path(number) + ") does not take " +
                                          std::string(what));
  return ok_status();
}

Status place(FormalAgenda& agenda, FormalEntry entry, std::string_view tops,
             std::string_view code, std::string_view what, std::string_view dup_code) {
  if (is_blank(entry.name)) return invalid("name_required", "name: a document or group name is required");
  Status leaf = check_leaf(entry.section, tops, code, what);
  if (!leaf) return leaf;
  for (const FormalEntry& e : agenda.entries) {
    bool same_kind = tops.find(e.section.front()) != std::string_view::npos;
    if (same_kind && e.name == entry.name)
      return conflict(std::string(dup_code), "name: '" + entry.name + "' is already in section " +
                                                 e.section);
  }
  agenda.entries.push_back(std::move(entry));
  return ok_status();
}

}  // namespace

int FormalSection::depth() const {
  return 1 + static_cast<int>(std::count(number.begin(), number.end(), '.'));
}

const std::vector<FormalSection>& formal_sections() { return kFormalSections; }

const FormalSection* find_formal_section(std::string_view number) {
  for (const FormalSection& s : kFormalSections)
    if (s.number == number) return &s;
  return nullptr;
}

std::string formal_path(std::string_view number) {
  if (!find_formal_section(number)) return "";
  std::string out;
  for (std::size_t end = 0; end != std::string_view::npos;) {
    end = number.find('.', end + 1);
    const FormalSection* s = find_formal_section(number.substr(0, end));
    if (!out.empty()) out += " > ";
    out += s->title;
  }
  return out;
}

Status place_document(FormalAgenda& agenda, FormalEntry entry) {
  return place(agenda, std::move(entry), "23", "not_a_document_section", "documents",
               "document_already_placed");
}

Status place_wg_action(FormalAgenda& agenda, FormalEntry entry) {
  return place(agenda, std::move(entry), "4", "not_a_wg_action_section", "working-group actions",
               "wg_action_already_placed");
}

Result<std::string> add_management_issue(FormalAgenda& agenda, ManagementIssue issue) {
  if (is_blank(issue.title)) return invalid("title_required", "title: a management issue needs a title");
  agenda.management.push_back(std::move(issue));
  return management_number(agenda.management.size() - 1);
}

std::string management_number(std::size_t index) { return "6." + std::to_string(index + 1); }

std::vector<const FormalEntry*> entries_in(const FormalAgenda& agenda, std::string_view section) {
  std::vector<const FormalEntry*> out;
  for (const FormalEntry& e : agenda.entries)
    if (e.section == section) out.push_back(&e);
  return out;
}

}  // namespace convene::telechat
