#include "convene/telechat/input.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "convene/core/time.h"
#include "convene/core/utf8.h"

namespace convene::telechat {
namespace {

using nlohmann::json;

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

Status require_object(const json& body, std::string_view what) {
  if (!body.is_object())
    return invalid("bad_type", std::string(what) + ": expected a JSON object");
  return ok_status();
}

// The string at body[field]; "" when absent and optional.
Result<std::string> string_field(const json& body, const std::string& field, bool required,
                                 std::string_view prefix = "") {
  std::string name = std::string(prefix) + field;
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) {
    if (required) return invalid("missing_field", name + ": is required");
    return std::string();
  }
  if (!it->is_string()) return invalid("bad_type", name + ": must be a string");
  return it->get<std::string>();
}

Result<CallDetails> call_from_json(const json& body) {
  auto it = body.find("call");
  if (it == body.end() || it->is_null()) return CallDetails{};
  if (!it->is_object()) return invalid("bad_type", "call: must be an object with url, number, password");
  CallDetails call;
  std::pair<const char*, std::string*> fields[] = {
      {"url", &call.url}, {"number", &call.number}, {"password", &call.password}};
  for (auto& [name, out] : fields) {
    auto v = string_field(*it, name, false, "call.");
    if (!v) return v.error();
    *out = trimmed(*v);
  }
  return call;
}

Result<Section> section_field(const json& body) {
  auto text = string_field(body, "section", true);
  if (!text) return text.error();
  auto s = section_from_slug(*text);
  if (!s)
    return invalid("unknown_section", "section: '" + *text + "' is not a section; use one of: " +
                                          section_slug_list());
  return *s;
}

Result<std::vector<std::string>> links_field(const json& body) {
  std::vector<std::string> links;
  auto it = body.find("links");
  if (it == body.end() || it->is_null()) return links;
  if (!it->is_array()) return invalid("bad_type", "links: must be an array of strings");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    std::string name = "links[" + std::to_string(i) + "]";
    if (!v.is_string()) return invalid("bad_type", name + ": must be a string");
    std::string url = trimmed(v.get<std::string>());
    if (url.empty()) return invalid("bad_value", name + ": must not be empty");
    if (std::find(links.begin(), links.end(), url) == links.end()) links.push_back(url);
  }
  return links;
}

}  // namespace

Result<NewTelechat> new_telechat_from_json(const json& body, std::int64_t today) {
  if (auto s = require_object(body, "telechat"); !s) return s.error();
  auto date_text = string_field(body, "date", true);
  if (!date_text) return date_text.error();
  auto date = parse_date(*date_text, "date");
  if (!date) return date.error();
  if (*date < today)
    return invalid("date_in_past", "date: " + *date_text + " is before today (" +
                                       format_date(today) + ")");
  auto kind_text = string_field(body, "kind", true);
  if (!kind_text) return kind_text.error();
  auto kind = kind_from(*kind_text);
  if (!kind)
    return invalid("bad_kind", "kind: '" + *kind_text + "' is not one of: formal, informal");
  auto call = call_from_json(body);
  if (!call) return call.error();
  return NewTelechat{*date, *kind, std::move(*call)};
}

Result<Item> new_item_from_json(const json& body) {
  if (auto s = require_object(body, "item"); !s) return s.error();
  auto section = section_field(body);
  if (!section) return section.error();
  Item item;
  item.section = *section;
  std::pair<const char*, std::string*> fields[] = {{"title", &item.title},
                                                   {"owner", &item.owner},
                                                   {"body", &item.body},
                                                   {"experiment", &item.experiment}};
  for (auto& [name, out] : fields) {
    auto v = string_field(body, name, false);
    if (!v) return v.error();
    *out = std::string(name) == "body" ? *v : trimmed(*v);
  }
  if (is_blank(item.title)) return invalid("title_required", "title: an item needs a title");
  auto links = links_field(body);
  if (!links) return links.error();
  item.links = std::move(*links);
  return item;
}

Result<Section> section_from_json(const json& body) {
  if (auto s = require_object(body, "move"); !s) return s.error();
  return section_field(body);
}

Result<bool> cancellation_from_json(const json& body) {
  if (auto s = require_object(body, "cancellation"); !s) return s.error();
  auto it = body.find("cancelled");
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_boolean()) return invalid("bad_type", "cancelled: must be true or false");
  return it->get<bool>();
}

Result<std::string> regret_from_json(const json& body) {
  if (auto s = require_object(body, "regret"); !s) return s.error();
  auto member = string_field(body, "member", true);
  if (!member) return member.error();
  if (is_blank(*member)) return invalid("member_required", "member: a name is required");
  return trimmed(*member);
}

Result<FormalEntry> formal_entry_from_json(const json& body) {
  if (auto s = require_object(body, "entry"); !s) return s.error();
  FormalEntry e;
  std::pair<const char*, std::string*> fields[] = {{"section", &e.section},
                                                   {"name", &e.name},
                                                   {"title", &e.title},
                                                   {"responsible", &e.responsible}};
  for (auto& [name, out] : fields) {
    bool required = std::string(name) == "section" || std::string(name) == "name";
    auto v = string_field(body, name, required);
    if (!v) return v.error();
    *out = trimmed(*v);
  }
  return e;
}

}  // namespace convene::telechat
