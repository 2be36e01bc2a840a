// HTML rendering: Mustache templates (mstch) filled from JSON values, inside
// one page layout. Every {{value}} is HTML-escaped by the template engine.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.h"

namespace convene::web {

// Renders the template src/web/templates/<name>.mustache with `data`
// (objects, arrays, strings, numbers, booleans). REQUIRES: the file exists.
std::string render_template(std::string_view name, const nlohmann::json& data);

// A refusal as a form shows it (the _problem partial): {"message", "code"};
// null when there is none.
nlohmann::json problem_view(const Error* e);

// A link in the menu or in the breadcrumbs.
struct Link {
  std::string label;
  std::string href;   // a local path
};

// Where a page sits: its title (the page's one <h1> and its <title>), the
// menu entry it belongs to ("/" meetings, "/telechats", "" none) and its
// breadcrumbs, the pages above it from the top (none for a top page).
struct Place {
  std::string title;
  std::string section;
  std::vector<Link> trail;
};

// The breadcrumbs of a page under the meeting `number`: Meetings, IETF n.
std::vector<Link> meeting_trail(const std::string& number);

// The full page: layout with the menu (the caller's own entries and sign
// in/out with its CSRF form), breadcrumbs, the title and the body.
http::Response page(const Caller& caller, const Place& place, const std::string& body_html, int status = 200);

// A page that explains an error to a person: its message first, its code
// after; the status from the error's kind.
http::Response error_page(const Caller& caller, const Error& e);

// Runs fn(caller, person, form) for a form POST from a signed-in person
// whose form carries the session's CSRF token; the error page otherwise
// (401 not signed in, 403 bad token).
template <class F>
http::Response with_form(Context& ctx, const http::Request& req, F fn) {
  const std::map<std::string, std::string> form = http::parse_form(req.body);
  Caller caller = identify(ctx, req);
  auto who = form_person(caller, form);
  if (!who) return error_page(caller, who.error());
  return fn(caller, *who, form);
}

// True when the client asked for a web page (its Accept header names
// text/html) and the path is not under /api/: errors answer it with HTML.
bool wants_html(const http::Request& req);

// `e` as the client asked for it: error_page (with the caller's menu) when it
// wants_html, else the JSON error. For resources that are not pages
// (Markdown, iCalendar) and the router's own errors.
http::Response error_for(Context& ctx, const http::Request& req, const Error& e);

}  // namespace convene::web
