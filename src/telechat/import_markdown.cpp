#include "convene/telechat/import.h"

#include <date/date.h>

#include <array>
#include <memory>
#include <optional>
#include <sstream>

#include "convene/telechat/agenda.h"
#include "import_item.h"
#include "wiki_page.h"

namespace convene::telechat {
namespace {

using wiki::ItemDraft;

enum class Part { none, call, calendar, regrets, agenda };

Part part_from(std::string_view heading) {
  heading = wiki::trim(heading);
  if (heading == "Webex URL" || heading == "Call details") return Part::call;
  if (heading == "Calendar subscription URL") return Part::calendar;
  if (heading == "Regrets") return Part::regrets;
  if (heading == "Agenda") return Part::agenda;
  return Part::none;
}

// Skips a "---" ... "---" front-matter block at the top of the page.
std::string_view strip_front_matter(std::string_view page) {
  if (!page.starts_with("---\n") && !page.starts_with("---\r\n")) return page;
  std::size_t pos = page.find('\n') + 1;
  while (pos < page.size()) {
    std::size_t end = page.find('\n', pos);
    std::string_view line = wiki::trim(page.substr(pos, end == page.npos ? page.npos : end - pos));
    if (line == "---") return end == page.npos ? std::string_view() : page.substr(end + 1);
    if (end == page.npos) break;
    pos = end + 1;
  }
  return page;
}

// "Informal Telechat - December 12, 2024" -> kind and date.
bool parse_page_title(std::string_view text, Telechat& t, std::optional<Error>& error) {
  std::size_t dash = text.rfind(" - ");
  if (dash == text.npos || text.find("Telechat") == text.npos) return false;
  t.kind = text.find("Informal") != text.npos ? Kind::informal : Kind::formal;
  std::istringstream in{std::string(wiki::trim(text.substr(dash + 3)))};
  date::sys_days day;
  in >> date::parse("%B %d, %Y", day);
  if (in.fail()) {
    error = invalid("bad_page_date", "page title: '" + std::string(text) +
                                         "' does not end in a date like 'December 12, 2024'");
    return true;
  }
  t.date = day.time_since_epoch().count();
  return true;
}

class PageReader {
 public:
  explicit PageReader(std::string_view text) : lines_(wiki::split_lines(text)) {}

  Status block(cmark_node* node);
  Result<Telechat> finish();

 private:
  Status heading(cmark_node* node);
  void agenda_block(cmark_node* node);
  void call_block(cmark_node* node);
  void regrets_block(cmark_node* node);
  void calendar_block(cmark_node* node);
  void flush_draft();
  void add(ItemDraft draft);

  wiki::Lines lines_;
  Telechat t_;
  bool titled_ = false;
  Part part_ = Part::none;
  std::optional<Section> section_;
  std::optional<ItemDraft> draft_;
  std::array<std::vector<Item>, kSectionCount> items_;
};

Status PageReader::block(cmark_node* node) {
  cmark_node_type type = cmark_node_get_type(node);
  if (type == CMARK_NODE_HEADING) return heading(node);
  if (type == CMARK_NODE_THEMATIC_BREAK) {
    flush_draft();
    section_.reset();
    return ok_status();
  }
  if (draft_) {
    draft_->blocks.push_back(node);
    return ok_status();
  }
  switch (part_) {
    case Part::call: call_block(node); break;
    case Part::calendar: calendar_block(node); break;
    case Part::regrets: regrets_block(node); break;
    case Part::agenda: agenda_block(node); break;
    case Part::none: break;
  }
  return ok_status();
}

Status PageReader::heading(cmark_node* node) {
  flush_draft();
  int level = cmark_node_get_heading_level(node);
  std::string text(wiki::trim(wiki::inline_text(node, " ", nullptr)));
  if (level == 1 && !titled_) {
    std::optional<Error> error;
    titled_ = parse_page_title(text, t_, error);
    if (error) return *error;
  } else if (level == 2) {
    part_ = part_from(text);
    section_.reset();
  } else if (level == 3) {
    section_ = section_from_title(text);
    if (!section_) {
      std::string titles;
      for (Section s : all_sections()) titles += (titles.empty() ? "" : ", ") + std::string(title(s));
      return invalid("unknown_section", "heading '### " + text + "' is not an agenda section; use one of: " + titles);
    }
    part_ = Part::agenda;
  } else if (level >= 4 && section_) {
    draft_ = ItemDraft{node, true, {}, 0};
  }
  return ok_status();
}

void PageReader::agenda_block(cmark_node* node) {
  if (!section_) return;
  cmark_node_type type = cmark_node_get_type(node);
  if (type == CMARK_NODE_LIST) {
    for (cmark_node* li = cmark_node_first_child(node); li; li = cmark_node_next(li)) {
      cmark_node* head = cmark_node_first_child(li);
      if (!head || cmark_node_get_type(head) != CMARK_NODE_PARAGRAPH) continue;
      ItemDraft d{head, false, {}, cmark_node_get_start_column(head) - 1};
      for (cmark_node* b = cmark_node_next(head); b; b = cmark_node_next(b)) d.blocks.push_back(b);
      add(std::move(d));
    }
  } else if (type == CMARK_NODE_PARAGRAPH) {
    std::string text(wiki::trim(wiki::inline_text(node, " ", nullptr)));
    if (text != wiki::kParkingLotNote) add(ItemDraft{node, false, {}, 0});
  }
}

void PageReader::call_block(cmark_node* node) {
  cmark_node* para = cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE ? cmark_node_first_child(node) : node;
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return;
  std::string text = wiki::inline_text(para, "\n", nullptr);
  for (std::string_view line : wiki::split_lines(text)) {
    line = wiki::trim(line);
    if (line.starts_with(wiki::kNumberPrefix))
      t_.call.number = wiki::trim(line.substr(wiki::kNumberPrefix.size()));
    else if (line.starts_with(wiki::kPasswordPrefix))
      t_.call.password = wiki::trim(line.substr(wiki::kPasswordPrefix.size()));
    else if (t_.call.url.empty() && !wiki::bare_urls(line).empty())
      t_.call.url = wiki::bare_urls(line).front();
  }
}

void PageReader::calendar_block(cmark_node* node) {
  cmark_node* para = cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE ? cmark_node_first_child(node) : node;
  if (!para || !t_.calendar_url.empty()) return;
  std::vector<std::string> urls;
  wiki::inline_text(para, "\n", &urls);
  if (!urls.empty()) t_.calendar_url = urls.front();
}

void PageReader::regrets_block(cmark_node* node) {
  std::vector<cmark_node*> paragraphs;
  if (cmark_node_get_type(node) == CMARK_NODE_LIST) {
    for (cmark_node* li = cmark_node_first_child(node); li; li = cmark_node_next(li))
      if (cmark_node* p = cmark_node_first_child(li)) paragraphs.push_back(p);
  } else if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH) {
    paragraphs.push_back(node);
  }
  for (cmark_node* p : paragraphs) {
    std::string text = wiki::inline_text(p, "\n", nullptr);
    for (std::string_view line : wiki::split_lines(text))
      if (!wiki::trim(line).empty()) (void)add_regret(t_, wiki::trim(line));
  }
}

void PageReader::flush_draft() {
  if (!draft_) return;
  ItemDraft d = std::move(*draft_);
  draft_.reset();
  add(std::move(d));
}

void PageReader::add(ItemDraft draft) {
  Item item = wiki::finish_item(draft, lines_, *section_);
  if (!item.title.empty()) items_[static_cast<std::size_t>(*section_)].push_back(std::move(item));
}

Result<Telechat> PageReader::finish() {
  flush_draft();
  if (!titled_)
    return invalid("page_title_missing",
                   "page: no title line like '# Informal Telechat - December 12, 2024'");
  for (auto& section_items : items_)
    for (Item& item : section_items) {
      item.id = next_item_id(t_.agenda, t_.date);
      append_item(t_, std::move(item));
    }
  return std::move(t_);
}

}  // namespace

Result<Telechat> import_markdown(std::string_view page) {
  std::string_view text = strip_front_matter(page);
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(
      cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT), cmark_node_free);
  PageReader reader(text);
  for (cmark_node* n = cmark_node_first_child(doc.get()); n; n = cmark_node_next(n)) {
    Status s = reader.block(n);
    if (!s) return s.error();
  }
  return reader.finish();
}

}  // namespace convene::telechat
