#include "import_item.h"

#include <algorithm>
#include <cctype>

#include "wiki_page.h"

namespace convene::telechat::wiki {
namespace {

bool is_upper_start(std::string_view word) {
  unsigned char c = static_cast<unsigned char>(word.front());
  return std::isupper(c) || c >= 0x80;  // non-ASCII initials (É, Ö, ...) count as capitals
}

// "Roman, Mahesh": each part 1..4 words, every word capitalised.
bool looks_like_names(std::string_view text) {
  if (trim(text).empty()) return false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string_view part = trim(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
    if (part.empty()) return false;
    int words = 0;
    for (std::size_t i = 0; i < part.size();) {
      std::size_t end = part.find(' ', i);
      std::string_view word = part.substr(i, end == part.npos ? part.npos : end - i);
      if (!word.empty()) {
        if (!is_upper_start(word)) return false;
        ++words;
      }
      if (end == part.npos) break;
      i = end + 1;
    }
    if (words < 1 || words > 4) return false;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return true;
}

void add_text_links(std::string_view text, std::vector<std::string>* links) {
  if (!links) return;
  for (std::string& u : bare_urls(text)) add_unique(*links, std::move(u));
}

void collect_inlines(cmark_node* node, std::string_view line_break, std::string& out,
                     std::string& run, std::vector<std::string>* links) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    cmark_node_type type = cmark_node_get_type(c);
    if (type == CMARK_NODE_TEXT) {
      run += cmark_node_get_literal(c);
      out += cmark_node_get_literal(c);
      continue;
    }
    add_text_links(run, links);
    run.clear();
    if (type == CMARK_NODE_CODE) {
      out += "`" + std::string(cmark_node_get_literal(c)) + "`";
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      out += line_break;
    } else if (type == CMARK_NODE_HTML_INLINE) {
      out += cmark_node_get_literal(c);
    } else {
      if (type == CMARK_NODE_LINK && links) add_unique(*links, cmark_node_get_url(c));
      collect_inlines(c, line_break, out, run, links);
      add_text_links(run, links);
      run.clear();
    }
  }
}

// The Markdown source of blocks [first, last], with `dedent` columns removed.
std::string source_of(cmark_node* first, cmark_node* last, const Lines& lines, int dedent) {
  int from = cmark_node_get_start_line(first) - 1;
  int to = std::min<int>(cmark_node_get_end_line(last), static_cast<int>(lines.size()));
  std::string out;
  for (int i = from; i < to; ++i) {
    std::string_view line = lines[static_cast<std::size_t>(i)];
    int n = 0;
    while (n < dedent && !line.empty() && line.front() == ' ') line.remove_prefix(1), ++n;
    out += line;
    out += '\n';
  }
  return std::string(trim(out));
}

bool is_experiment(cmark_node* block, std::string& slug) {
  if (cmark_node_get_type(block) != CMARK_NODE_PARAGRAPH) return false;
  std::string text = inline_text(block, "\n", nullptr);
  if (!text.starts_with(kExperimentPrefix) || text.find('\n') != std::string::npos) return false;
  slug = std::string(trim(std::string_view(text).substr(kExperimentPrefix.size())));
  return !slug.empty();
}

// A bullet list whose every item is one bare link: the item's own links list.
bool is_link_list(cmark_node* block, std::vector<std::string>& urls) {
  if (cmark_node_get_type(block) != CMARK_NODE_LIST || cmark_node_get_list_type(block) != CMARK_BULLET_LIST)
    return false;
  std::vector<std::string> found;
  for (cmark_node* li = cmark_node_first_child(block); li; li = cmark_node_next(li)) {
    cmark_node* para = cmark_node_first_child(li);
    if (!para || cmark_node_next(para) || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return false;
    cmark_node* link = cmark_node_first_child(para);
    if (!link || cmark_node_next(link) || cmark_node_get_type(link) != CMARK_NODE_LINK) return false;
    std::string url = cmark_node_get_url(link);
    if (inline_text(link, " ", nullptr) != url) return false;
    found.push_back(url);
  }
  urls = std::move(found);
  return !urls.empty();
}

std::string_view drop_number(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0 || i >= text.size() || (text[i] != '.' && text[i] != ')')) return text;
  return trim(text.substr(i + 1));
}

}  // namespace

Lines split_lines(std::string_view text) {
  Lines lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == text.npos ? text.npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.npos) break;
    start = end + 1;
  }
  return lines;
}

std::string inline_text(cmark_node* node, std::string_view line_break, std::vector<std::string>* links) {
  std::string out, run;
  collect_inlines(node, line_break, out, run, links);
  add_text_links(run, links);
  return out;
}

void split_owner(std::string_view text, std::string& title, std::string& owner) {
  text = trim(text);
  title = std::string(text);
  owner.clear();
  if (text.empty() || text.back() != ')') return;
  int depth = 0;
  for (std::size_t i = text.size(); i-- > 0;) {
    if (text[i] == ')') ++depth;
    if (text[i] == '(' && --depth == 0) {
      std::string_view inside = text.substr(i + 1, text.size() - i - 2);
      std::string_view before = trim(text.substr(0, i));
      if (before.empty() || !looks_like_names(inside)) return;
      title = std::string(before);
      owner = std::string(trim(inside));
      return;
    }
  }
}

Item finish_item(const ItemDraft& draft, const Lines& lines, Section section) {
  Item item;
  item.section = section;
  std::string head = inline_text(draft.head, " ", &item.links);
  std::string_view text = trim(head);
  if (draft.numbered_heading) text = drop_number(text);
  split_owner(text, item.title, item.owner);

  std::vector<cmark_node*> body;
  std::vector<std::string> extra;
  for (std::size_t i = 0; i < draft.blocks.size(); ++i) {
    cmark_node* b = draft.blocks[i];
    if (is_experiment(b, item.experiment)) continue;
    if (i + 1 == draft.blocks.size() && is_link_list(b, extra)) continue;
    body.push_back(b);
  }
  if (!body.empty()) item.body = source_of(body.front(), body.back(), lines, draft.dedent);
  for (std::string& u : links_in_markdown(item.body)) add_unique(item.links, std::move(u));
  for (std::string& u : extra) add_unique(item.links, std::move(u));
  return item;
}

}  // namespace convene::telechat::wiki
