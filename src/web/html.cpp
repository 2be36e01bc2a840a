#include "html.h"

#include <mstch/mstch.hpp>

#include "templates.h"
#include "urls.h"

namespace convene::web {
namespace {

mstch::node to_node(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mstch::map m;
      for (auto it = j.begin(); it != j.end(); ++it) m.emplace(it.key(), to_node(it.value()));
      return m;
    }
    case nlohmann::json::value_t::array: {
      mstch::array a;
      for (const auto& x : j) a.push_back(to_node(x));
      return a;
    }
    case nlohmann::json::value_t::string:
      return j.get<std::string>();
    case nlohmann::json::value_t::boolean:
      return j.get<bool>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return std::to_string(j.get<long long>());
    case nlohmann::json::value_t::number_float:
      return j.get<double>();
    default:
      return std::string();
  }
}

// Escapes the five characters that matter in HTML text and in quoted
// attribute values. (mstch's default also escapes '/', which makes every URL
// in a page's source unreadable without making it any safer.)
std::string escape_html(const std::string& s) {
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

}  // namespace

std::string render_template(std::string_view name, const nlohmann::json& data) {
  static const bool escaping = [] {
    mstch::config::escape = escape_html;
    return true;
  }();
  (void)escaping;
  return mstch::render(embedded(std::string(name) + ".mustache"), to_node(data), partials());
}

namespace {

nlohmann::json menu(const Caller& caller, const std::string& section) {
  std::vector<Link> links = {{"Meetings", "/"}, {"Groups", "/groups"}, {"Drafts", "/drafts"}, {"Telechats", "/telechats"},
                             {"Search", "/search"}};
  if (caller.person && caller.person->is_secretariat()) links.push_back({"Audit log", "/audit"});
  if (caller.person) {
    links.push_back({"Your requests", "/me/requests"});
    links.push_back({"Your page", "/me"});
  }
  nlohmann::json out = nlohmann::json::array();
  for (const Link& l : links) out.push_back({{"label", l.label}, {"href", l.href}, {"current", l.href == section}});
  return out;
}

const char* error_title(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::not_found: return "Not found";
    case ErrorKind::unauthorized: return "Please sign in";
    case ErrorKind::forbidden: return "Not allowed";
    case ErrorKind::internal:
    case ErrorKind::unavailable: return "The server could not answer";
    default: return "Something is not right";
  }
}

}  // namespace

nlohmann::json problem_view(const Error* e) {
  if (!e) return nullptr;
  return {{"message", e->message}, {"code", e->code}};
}

std::vector<Link> meeting_trail(const std::string& number) {
  return {{"Meetings", "/"}, {"IETF " + number, meeting_path(number)}};
}

http::Response page(const Caller& caller, const Place& place, const std::string& body_html, int status) {
  nlohmann::json crumbs = nlohmann::json::array();
  for (const Link& l : place.trail) crumbs.push_back({{"label", l.label}, {"href", l.href}});
  nlohmann::json data = {{"title", place.title},
                         {"body", body_html},
                         {"menu", menu(caller, place.section)},
                         {"crumbs", crumbs},
                         {"has_crumbs", !crumbs.empty()},
                         {"bootstrap_version", embedded_version("bootstrap.min.css")},
                         {"css_version", embedded_version("convene.css")}};
  if (caller.person)
    data["person"] = {{"name", caller.person->name}, {"email", caller.person->email}, {"csrf", caller.csrf}};
  auto r = http::html(status, render_template("layout", data));
  // Pages that show a signed-in person's forms must not be cached by proxies.
  if (caller.person) r.with_header("Cache-Control", "private, no-store");
  return r;
}

http::Response error_page(const Caller& caller, const Error& e) {
  std::string body = render_template("error", {{"code", e.code}, {"message", e.message},
                                               {"sign_in", e.kind == ErrorKind::unauthorized}});
  return page(caller, Place{error_title(e.kind), "", {}}, body, http::status_for(e.kind));
}

bool wants_html(const http::Request& req) {
  return req.header("accept").find("text/html") != std::string::npos && !req.path.starts_with("/api/");
}

http::Response error_for(Context& ctx, const http::Request& req, const Error& e) {
  return wants_html(req) ? error_page(identify(ctx, req), e) : http::error(e);
}

}  // namespace convene::web
