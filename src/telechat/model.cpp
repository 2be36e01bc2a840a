#include "convene/telechat/model.h"

#include <cctype>

namespace convene::telechat {
namespace {

struct SectionInfo {
  Section section;
  std::string_view slug;
  std::string_view title;
};

constexpr std::array<SectionInfo, kSectionCount> kSections{{
    {Section::administrivia, "administrivia", "Administrivia"},
    {Section::document_discussions, "document-discussions", "Document Discussions"},
    {Section::management_issues, "management-issues", "Management Issues"},
    {Section::wg_news, "wg-news", "WG News"},
    {Section::documents_to_swap, "documents-to-swap", "Documents to Swap"},
    {Section::aob, "aob", "AOB"},
    {Section::executive_sessions, "executive-sessions", "Executive Sessions"},
    {Section::parking_lot, "parking-lot", "Parking Lot"},
    {Section::deferred, "deferred", "Topics Deferred Till Next Informal"},
}};

const SectionInfo& info(Section s) { return kSections[static_cast<std::size_t>(s)]; }

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view to_string(Kind k) { return k == Kind::formal ? "formal" : "informal"; }

std::string_view label(Kind k) { return k == Kind::formal ? "Formal" : "Informal"; }

std::optional<Kind> kind_from(std::string_view s) {
  if (s == "formal") return Kind::formal;
  if (s == "informal") return Kind::informal;
  return std::nullopt;
}

const std::array<Section, kSectionCount>& all_sections() {
  static const std::array<Section, kSectionCount> all = [] {
    std::array<Section, kSectionCount> a{};
    for (std::size_t i = 0; i < kSectionCount; ++i) a[i] = kSections[i].section;
    return a;
  }();
  return all;
}

std::string_view slug(Section s) { return info(s).slug; }
std::string_view title(Section s) { return info(s).title; }

std::optional<Section> section_from_slug(std::string_view slug) {
  for (const auto& s : kSections)
    if (s.slug == slug) return s.section;
  return std::nullopt;
}

std::optional<Section> section_from_title(std::string_view text) {
  text = trim(text);
  for (const auto& s : kSections)
    if (same_ignoring_case(s.title, text)) return s.section;
  return std::nullopt;
}

std::string section_slug_list() {
  std::string out;
  for (const auto& s : kSections) {
    if (!out.empty()) out += ", ";
    out += s.slug;
  }
  return out;
}

bool is_holding(Section s) { return s == Section::parking_lot || s == Section::deferred; }

std::string_view to_string(Audience a) {
  switch (a) {
    case Audience::public_view: return "public";
    case Audience::iesg: return "iesg";
    case Audience::secretariat: return "secretariat";
  }
  return "public";
}

bool sees_private(Audience a) { return a != Audience::public_view; }

}  // namespace convene::telechat
