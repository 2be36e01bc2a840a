// Internal: what the wiki-page renderer and importer share (fixed texts,
// Markdown escaping, URL extraction). Not part of the public API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace convene::telechat::wiki {

inline constexpr std::string_view kParkingLotNote =
    "Please list topics in this section that could use discussion but may not warrant a "
    "meeting on their own.";
inline constexpr std::string_view kCommunityNote =
    "> **Note to the community:** Unlike formal IESG telechats, informal IESG telechats are not "
    "generally open to the public. (The Webex URL and meeting calendar are available below purely "
    "as a service to the IESG.)\n{.is-info}";
inline constexpr std::string_view kAgendaNote =
    "> The line at the top follows the agenda by itself: there is a meeting as soon as an item is "
    "in a section other than the Parking Lot and the deferred topics. Please enter agenda items in "
    "the appropriate sections below.\nNote that this page is public.\n{.is-info}";
inline constexpr std::string_view kPrivateCallNote =
    "Call details are shown to IESG members and the secretariat only.";
inline constexpr std::string_view kNumberPrefix = "Meeting number:";
inline constexpr std::string_view kPasswordPrefix = "Meeting password:";
inline constexpr std::string_view kExperimentPrefix = "Experiment:";

// Escapes Markdown punctuation in plain text so cmark reads it back as the
// same text. Backtick code spans are kept as they are. `link_text` also
// escapes brackets.
std::string escape_inline(std::string_view text, bool link_text);

// Like escape_inline, and also escapes what would start a block at the
// beginning of a line ("- ", "1. ", "> ", "#").
std::string escape_line_start(std::string_view text, bool link_text);

// A link destination: as is, or in <...> when it has spaces or parentheses.
std::string link_destination(std::string_view url);

// Every URL in a Markdown text, in order, without duplicates: link and
// autolink destinations and bare http(s) URLs in text.
std::vector<std::string> links_in_markdown(std::string_view markdown);

// The bare http(s):// URLs in plain text, in order. A URL ends at white
// space or '<', '>', '"'; trailing '.', ',', ';', ':', '!', '?', ')' that
// close the sentence are not part of it (a ')' is kept when balanced).
std::vector<std::string> bare_urls(std::string_view text);

// Adds `url` to `links` unless already there.
void add_unique(std::vector<std::string>& links, std::string url);

std::string_view trim(std::string_view s);

}  // namespace convene::telechat::wiki
