#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

#include "convene/core/time.h"
#include "convene/telechat/agenda.h"
#include "convene/telechat/render.h"

namespace convene::telechat {
namespace {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

bool safe_href(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:") ||
         (url.starts_with("/") && !url.starts_with("//"));
}

std::string link(std::string_view url, std::string_view text) {
  if (!safe_href(url)) return esc(text);
  return "<a href=\"" + esc(url) + "\">" + esc(text) + "</a>";
}

// Markdown to HTML with cmark-gfm's safe defaults: raw HTML and javascript:
// links are dropped, text is escaped.
std::string markdown_html(std::string_view md) {
  std::unique_ptr<char, void (*)(void*)> html(
      cmark_markdown_to_html(md.data(), md.size(), CMARK_OPT_DEFAULT), std::free);
  return html ? std::string(html.get()) : std::string();
}

std::string history_html(const Item& item) {
  if (item.history.size() < 2) return "";
  std::string out = "<p class=\"history\">History: ";
  for (std::size_t i = 0; i < item.history.size(); ++i) {
    const HistoryEntry& h = item.history[i];
    if (i) out += "; ";
    out += esc(format_date(h.date)) + " " + esc(title(h.section));
  }
  return out + "</p>\n";
}

std::string item_html(const Item& item) {
  std::string out = "<li id=\"item-" + esc(item.id) + "\">\n<p class=\"item-title\">" + esc(item.title);
  if (!item.owner.empty()) out += " <span class=\"owner\">(" + esc(item.owner) + ")</span>";
  out += "</p>\n";
  if (!item.body.empty()) out += "<div class=\"body\">\n" + markdown_html(item.body) + "</div>\n";
  if (!item.links.empty()) {
    out += "<ul class=\"links\">\n";
    for (const std::string& url : item.links) out += "<li>" + link(url, url) + "</li>\n";
    out += "</ul>\n";
  }
  if (!item.experiment.empty())
    out += "<p class=\"experiment\">Experiment: " +
           link("/experiments/" + item.experiment, item.experiment) + "</p>\n";
  return out + history_html(item) + "</li>\n";
}

void agenda_html(std::string& out, const Agenda& agenda) {
  out += "<section class=\"agenda\">\n<h2>Agenda</h2>\n";
  for (Section s : all_sections()) {
    out += "<section id=\"" + std::string(slug(s)) + "\">\n<h3>" + esc(title(s)) + "</h3>\n";
    std::vector<const Item*> items = open_items(agenda, s);
    const char* list = is_holding(s) ? "ul" : "ol";
    if (items.empty()) out += "<p class=\"empty\">No items.</p>\n";
    if (!items.empty()) out += std::string("<") + list + ">\n";
    for (const Item* item : items) out += item_html(*item);
    if (!items.empty()) out += std::string("</") + list + ">\n";
    out += "</section>\n";
  }
  out += "</section>\n";
}

void call_html(std::string& out, const Telechat& t, Audience audience) {
  out += "<section class=\"call\">\n<h2>Call details</h2>\n";
  if (!sees_private(audience)) {
    out += "<p>Call details are shown to IESG members and the secretariat only.</p>\n</section>\n";
    return;
  }
  out += "<dl>\n<dt>URL</dt><dd>" + link(t.call.url, t.call.url) + "</dd>\n";
  out += "<dt>Meeting number</dt><dd>" + esc(t.call.number) + "</dd>\n";
  out += "<dt>Meeting password</dt><dd>" + esc(t.call.password) + "</dd>\n</dl>\n</section>\n";
}

void formal_html(std::string& out, const FormalAgenda& agenda) {
  out += "<section class=\"formal-agenda\">\n";
  for (const FormalSection& s : formal_sections()) {
    std::string h = "h" + std::to_string(s.depth() + 1);
    out += "<" + h + ">" + esc(s.number) + " " + esc(s.title) + "</" + h + ">\n";
    std::vector<const FormalEntry*> entries = entries_in(agenda, s.number);
    if (!entries.empty()) out += "<ul>\n";
    for (const FormalEntry* e : entries) {
      out += "<li>" + esc(e->name);
      if (!e->title.empty()) out += " - " + esc(e->title);
      if (!e->responsible.empty()) out += " (" + esc(e->responsible) + ")";
      out += "</li>\n";
    }
    if (!entries.empty()) out += "</ul>\n";
    if (s.number != "6") continue;
    for (std::size_t i = 0; i < agenda.management.size(); ++i) {
      const ManagementIssue& m = agenda.management[i];
      out += "<h3>" + management_number(i) + " " + esc(m.title);
      if (!m.owner.empty()) out += " (" + esc(m.owner) + ")";
      out += "</h3>\n";
      if (!m.body.empty()) out += "<div class=\"body\">\n" + markdown_html(m.body) + "</div>\n";
    }
  }
  out += "</section>\n";
}

}  // namespace

std::string render_html(const Telechat& t, Audience audience) {
  std::string heading = std::string(t.kind == Kind::formal ? "Formal" : "Informal") +
                        " Telechat - " + long_date(t.date);
  std::string out = "<article class=\"telechat\" data-date=\"" + format_date(t.date) +
                    "\" data-kind=\"" + std::string(to_string(t.kind)) + "\">\n";
  out += "<h1>" + esc(heading) + "</h1>\n";
  out += meeting(t) ? "<p class=\"status\">There <strong>WILL</strong> be a meeting on this date.</p>\n"
                    : "<p class=\"status\">There will <strong>NOT</strong> be a meeting on this date.</p>\n";
  if (t.cancelled) out += "<p class=\"cancelled\">This telechat is cancelled.</p>\n";
  call_html(out, t, audience);
  if (!t.calendar_url.empty())
    out += "<section class=\"calendar\">\n<h2>Calendar subscription</h2>\n<p>" +
           link(t.calendar_url, t.calendar_url) + "</p>\n</section>\n";
  out += "<section class=\"regrets\">\n<h2>Regrets</h2>\n";
  if (t.regrets.empty()) out += "<p>None.</p>\n";
  if (!t.regrets.empty()) {
    out += "<ul>\n";
    for (const std::string& r : t.regrets) out += "<li>" + esc(r) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</section>\n";
  if (t.kind == Kind::formal)
    formal_html(out, t.formal);
  else
    agenda_html(out, t.agenda);
  return out + "</article>\n";
}

}  // namespace convene::telechat
