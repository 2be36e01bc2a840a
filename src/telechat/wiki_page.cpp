#include "wiki_page.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace convene::telechat::wiki {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool ends_url(char c) { return is_space(c) || c == '<' || c == '>' || c == '"'; }

// Drops sentence punctuation at the end of a bare URL.
std::string_view trim_url_tail(std::string_view url) {
  while (!url.empty()) {
    char c = url.back();
    if (c == ')') {
      auto opens = std::count(url.begin(), url.end(), '(');
      auto closes = std::count(url.begin(), url.end(), ')');
      if (closes <= opens) break;
    } else if (std::string_view(".,;:!?").find(c) == std::string_view::npos) {
      break;
    }
    url.remove_suffix(1);
  }
  return url;
}

void escape_char(std::string& out, std::string_view text, std::size_t i, bool link_text) {
  char c = text[i];
  char next = i + 1 < text.size() ? text[i + 1] : '\0';
  bool escape = false;
  switch (c) {
    case '\\': case '*': case '_': case '<': case '#':
      escape = true;
      break;
    case '[':
      escape = link_text;
      break;
    case ']':
      escape = link_text || next == '(' || next == '[' || next == ':';
      break;
    case '&':
      escape = std::isalnum(static_cast<unsigned char>(next)) || next == '#';
      break;
    default:
      break;
  }
  if (escape) out += '\\';
  out += c;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string escape_inline(std::string_view text, bool link_text) {
  std::string out;
  bool in_code = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '`') {
      in_code = !in_code;
      out += '`';
    } else if (in_code) {
      out += text[i];
    } else {
      escape_char(out, text, i, link_text);
    }
  }
  return out;
}

std::string escape_line_start(std::string_view text, bool link_text) {
  std::string out = escape_inline(text, link_text);
  if (out.empty()) return out;
  char c = out.front();
  if ((c == '-' || c == '+' || c == '>' || c == '=') ) return "\\" + out;
  std::size_t digits = 0;
  while (digits < out.size() && std::isdigit(static_cast<unsigned char>(out[digits]))) ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))
    out.insert(digits, "\\");
  return out;
}

std::string link_destination(std::string_view url) {
  bool wrap = std::any_of(url.begin(), url.end(),
                          [](char c) { return is_space(c) || c == '(' || c == ')'; });
  return wrap ? "<" + std::string(url) + ">" : std::string(url);
}

std::vector<std::string> bare_urls(std::string_view text) {
  std::vector<std::string> urls;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t http = text.find("http", pos);
    if (http == std::string_view::npos) break;
    std::string_view rest = text.substr(http);
    bool scheme = rest.starts_with("http://") || rest.starts_with("https://");
    bool word_start = http == 0 || !std::isalnum(static_cast<unsigned char>(text[http - 1]));
    if (!scheme || !word_start) {
      pos = http + 4;
      continue;
    }
    std::size_t end = http;
    while (end < text.size() && !ends_url(text[end])) ++end;
    std::string_view url = trim_url_tail(text.substr(http, end - http));
    if (url.size() > 8) add_unique(urls, std::string(url));
    pos = end;
  }
  return urls;
}

void add_unique(std::vector<std::string>& links, std::string url) {
  if (std::find(links.begin(), links.end(), url) == links.end()) links.push_back(std::move(url));
}

std::vector<std::string> links_in_markdown(std::string_view markdown) {
  std::vector<std::string> links;
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), cmark_node_free);
  std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> it(cmark_iter_new(doc.get()), cmark_iter_free);
  std::string text;  // adjacent text nodes, joined: cmark splits text at '&', '_', ...
  auto flush = [&] {
    for (std::string& u : bare_urls(text)) add_unique(links, std::move(u));
    text.clear();
  };
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it.get());
    if (cmark_node_get_type(node) == CMARK_NODE_TEXT) {
      text += cmark_node_get_literal(node);
      continue;
    }
    flush();
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_LINK)
      add_unique(links, cmark_node_get_url(node));
  }
  flush();
  return links;
}

}  // namespace convene::telechat::wiki
