#include <date/date.h>

#include <algorithm>
#include <sstream>

#include "convene/core/time.h"
#include "convene/telechat/agenda.h"
#include "convene/telechat/render.h"
#include "wiki_page.h"

namespace convene::telechat {
namespace {

constexpr std::string_view kFrontMatter =
    "---\n"
    "title: Informal Telechat Agenda\n"
    "description: Topics for the next IESG Informal Telechat\n"
    "published: true\n"
    "tags: iesg\n"
    "editor: markdown\n"
    "---\n\n";

// The item's first line after the marker: "[Title](link) (Owner)".
std::string item_head(const Item& item, const std::string* title_link) {
  std::string head;
  if (title_link)
    head = "[" + wiki::escape_inline(item.title, true) + "](" + wiki::link_destination(*title_link) + ")";
  else
    head = wiki::escape_line_start(item.title, false);
  if (!item.owner.empty()) head += " (" + wiki::escape_inline(item.owner, false) + ")";
  return head;
}

// Body, experiment line and the links that neither the title nor the body carries.
std::string item_details(const Item& item, const std::string* title_link) {
  std::vector<std::string> in_body = wiki::links_in_markdown(item.body);
  std::string out;
  std::string body(wiki::trim(item.body));
  if (!body.empty()) out += body + "\n\n";
  if (!item.experiment.empty())
    out += std::string(wiki::kExperimentPrefix) + " " + wiki::escape_inline(item.experiment, false) + "\n\n";
  std::string extra;
  for (const std::string& url : item.links) {
    if ((title_link && url == *title_link) ||
        std::find(in_body.begin(), in_body.end(), url) != in_body.end())
      continue;
    extra += "- <" + url + ">\n";
  }
  if (!extra.empty()) out += extra + "\n";
  return out;
}

const std::string* title_link(const Item& item) {
  if (item.links.empty()) return nullptr;
  std::vector<std::string> in_body = wiki::links_in_markdown(item.body);
  bool in = std::find(in_body.begin(), in_body.end(), item.links.front()) != in_body.end();
  bool autolinkable = item.links.front().find_first_of(" <>") == std::string::npos;
  return in || !autolinkable ? nullptr : &item.links.front();
}

std::string indent(std::string_view text, std::size_t width) {
  std::string out;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);)
    out += line.empty() ? "\n" : std::string(width, ' ') + line + "\n";
  return out;
}

void numbered_section(std::string& out, const Agenda& agenda, Section s) {
  int n = 0;
  for (const Item* item : open_items(agenda, s)) {
    const std::string* link = title_link(*item);
    out += "#### " + std::to_string(++n) + ". " + item_head(*item, link) + "\n\n";
    out += item_details(*item, link);
  }
}

void holding_section(std::string& out, const Agenda& agenda, Section s) {
  if (s == Section::parking_lot) out += std::string(wiki::kParkingLotNote) + "\n\n";
  for (const Item* item : open_items(agenda, s)) {
    const std::string* link = title_link(*item);
    out += "* " + item_head(*item, link) + "\n";
    std::string details = item_details(*item, link);
    if (!details.empty()) out += "\n" + indent(details, 2);
  }
  out += "\n";
}

void call_section(std::string& out, const Telechat& t, Audience audience) {
  out += "## Webex URL\n\n";
  if (!sees_private(audience)) {
    out += std::string(wiki::kPrivateCallNote) + "\n\n";
    return;
  }
  std::vector<std::string> lines;
  if (!t.call.url.empty()) lines.push_back(t.call.url);
  if (!t.call.number.empty()) lines.push_back(std::string(wiki::kNumberPrefix) + " " + t.call.number);
  if (!t.call.password.empty())
    lines.push_back(std::string(wiki::kPasswordPrefix) + " " + t.call.password);
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i == 0 ? "> " : "") + lines[i] + "\n";
  out += "\n";
}

void informal_page(std::string& out, const Telechat& t, Audience audience) {
  out += std::string(kFrontMatter);
  out += "# Informal Telechat - " + long_date(t.date) + "\n\n";
  out += status_line_markdown(t) + "\n\n";
  out += std::string(wiki::kCommunityNote) + "\n\n";
  call_section(out, t, audience);
  out += "## Calendar subscription URL\n\n";
  if (!t.calendar_url.empty()) out += "> " + t.calendar_url + "\n\n";
  out += "## Regrets\n\n";
  for (const std::string& r : t.regrets) out += "* " + wiki::escape_line_start(r, false) + "\n";
  if (!t.regrets.empty()) out += "\n";
  out += "## Agenda\n\n" + std::string(wiki::kAgendaNote) + "\n\n";
  for (Section s : all_sections()) {
    out += "### " + std::string(title(s)) + "\n\n";
    if (is_holding(s))
      holding_section(out, t.agenda, s);
    else
      numbered_section(out, t.agenda, s);
  }
  out += "-------\n";
}

void formal_page(std::string& out, const Telechat& t, Audience audience) {
  out += "# Formal Telechat - " + long_date(t.date) + "\n\n";
  out += status_line_markdown(t) + "\n\n";
  call_section(out, t, audience);
  for (const FormalSection& s : formal_sections()) {
    out += std::string(static_cast<std::size_t>(s.depth()) + 1, '#') + " " + std::string(s.number) +
           " " + std::string(s.title) + "\n\n";
    for (const FormalEntry* e : entries_in(t.formal, s.number)) {
      out += "- " + wiki::escape_inline(e->name, false);
      if (!e->title.empty()) out += " - " + wiki::escape_inline(e->title, false);
      if (!e->responsible.empty()) out += " (" + wiki::escape_inline(e->responsible, false) + ")";
      out += "\n";
    }
    if (!entries_in(t.formal, s.number).empty()) out += "\n";
    if (s.number != "6") continue;
    for (std::size_t i = 0; i < t.formal.management.size(); ++i) {
      const ManagementIssue& m = t.formal.management[i];
      out += "### " + management_number(i) + " " + wiki::escape_inline(m.title, false);
      if (!m.owner.empty()) out += " (" + wiki::escape_inline(m.owner, false) + ")";
      out += "\n\n";
      if (!wiki::trim(m.body).empty()) out += std::string(wiki::trim(m.body)) + "\n\n";
    }
  }
}

}  // namespace

std::string long_date(std::int64_t d) {
  date::sys_days day{date::days(d)};
  date::year_month_day ymd{day};
  return date::format("%B", day) + " " + std::to_string(static_cast<unsigned>(ymd.day())) + ", " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string weekday_name(std::int64_t d) { return date::format("%A", date::sys_days{date::days(d)}); }

std::string render_markdown(const Telechat& t, Audience audience) {
  std::string out;
  if (t.kind == Kind::formal)
    formal_page(out, t, audience);
  else
    informal_page(out, t, audience);
  return out;
}

}  // namespace convene::telechat
