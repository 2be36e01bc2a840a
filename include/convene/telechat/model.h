// IESG telechats as plain values: a telechat (date, kind, private call
// details, regrets) with one informal agenda (nine fixed sections of items)
// or one formal agenda (formal.h). Dates are calendar days since 1970-01-01.
// Nothing here knows about storage or HTTP.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convene/telechat/formal.h"

namespace convene::telechat {

enum class Kind { formal, informal };
std::string_view to_string(Kind k);                  // "formal" | "informal"
std::string_view label(Kind k);                      // for people: "Formal" | "Informal"
std::optional<Kind> kind_from(std::string_view s);   // exact, lower case

// The informal agenda's sections, in page order.
enum class Section {
  administrivia,
  document_discussions,
  management_issues,
  wg_news,
  documents_to_swap,
  aob,
  executive_sessions,
  parking_lot,
  deferred,
};
inline constexpr std::size_t kSectionCount = 9;
const std::array<Section, kSectionCount>& all_sections();  // page order
std::string_view slug(Section s);    // "management-issues", "parking-lot", "deferred", ...
std::string_view title(Section s);   // "Management Issues", "Topics Deferred Till Next Informal"
std::optional<Section> section_from_slug(std::string_view slug);
// Matches a heading of the wiki page: case-insensitive, surrounding spaces ignored.
std::optional<Section> section_from_title(std::string_view title);
// "administrivia, document-discussions, ..." for error messages.
std::string section_slug_list();
// True for parking-lot and deferred: items there do not make a meeting and
// carry over to the next informal telechat. All other sections are "numbered".
bool is_holding(Section s);

// Who is reading. Call details are private: shown to iesg and secretariat only.
enum class Audience { public_view, iesg, secretariat };
std::string_view to_string(Audience a);  // "public" | "iesg" | "secretariat"
bool sees_private(Audience a);

// How to join. PRIVATE: never rendered for Audience::public_view.
struct CallDetails {
  std::string url;
  std::string number;
  std::string password;
  bool empty() const { return url.empty() && number.empty() && password.empty(); }
  bool operator==(const CallDetails&) const = default;
};

// One stop of an item: it was on telechat `date` in `section`.
struct HistoryEntry {
  std::int64_t date = 0;
  Section section = Section::administrivia;
  bool operator==(const HistoryEntry&) const = default;
};

struct Item {
  std::string id;                  // stable across telechats, e.g. "2026-12-10.3"
  Section section = Section::administrivia;
  std::string title;               // plain text; `code` spans keep their backticks
  std::string owner;               // "Roman, Mahesh"; may be empty
  std::string body;                // Markdown, may be empty
  std::vector<std::string> links;  // URLs, no duplicates, in page order
  std::string experiment;          // e.g. "alldispatch"; empty when none
  bool closed = false;             // closed items are kept for the record only
  std::vector<HistoryEntry> history;  // oldest first; last entry is where it is now
  bool operator==(const Item&) const = default;
};

// The informal agenda: items in page order (section order, then insertion
// order within a section). Numbers are derived (see agenda.h).
struct Agenda {
  std::vector<Item> items;
  bool operator==(const Agenda&) const = default;
};

struct Telechat {
  std::int64_t date = 0;           // days since epoch
  Kind kind = Kind::informal;
  CallDetails call;                // PRIVATE
  std::string calendar_url;        // public subscription URL; may be empty
  bool cancelled = false;
  std::vector<std::string> regrets;  // members who sent regrets, in order
  Agenda agenda;                   // informal agenda (unused for formal)
  FormalAgenda formal;             // formal agenda (unused for informal)
  bool operator==(const Telechat&) const = default;
};

}  // namespace convene::telechat
