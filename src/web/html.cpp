#include "html.h"

#include <mstch/mstch.hpp>

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

const char* kLayout = R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · convene</title>
<link rel="stylesheet" href="/static/convene.css">
</head>
<body>
<header class="top">
  <a class="brand" href="/">convene</a>
  <nav>
    <a href="/">Meetings</a>
    {{#person}}
    <span class="who">{{name}} ({{email}})</span>
    <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Sign out</button></form>
    {{/person}}
    {{^person}}<a href="/login">Sign in</a>{{/person}}
  </nav>
</header>
<main>
<h1>{{title}}</h1>
{{{body}}}
</main>
<footer>convene · times are shown in UTC and in the meeting's time zone</footer>
</body>
</html>
)";

}  // namespace

std::string render_template(const std::string& tmpl, const nlohmann::json& data) {
  return mstch::render(tmpl, to_node(data));
}

http::Response page(const Caller& caller, const std::string& title, const std::string& body_html, int status) {
  nlohmann::json data = {{"title", title}, {"body", body_html}};
  if (caller.person)
    data["person"] = {{"name", caller.person->name}, {"email", caller.person->email}, {"csrf", caller.csrf}};
  auto r = http::html(status, render_template(kLayout, data));
  // Pages that show a signed-in person's forms must not be cached by proxies.
  if (caller.person) r.with_header("Cache-Control", "private, no-store");
  return r;
}

http::Response error_page(const Caller& caller, const Error& e) {
  std::string body = render_template(
      R"(<p class="error" role="alert"><strong>{{code}}</strong>: {{message}}</p><p><a href="/">Home</a></p>)",
      {{"code", e.code}, {"message", e.message}});
  return page(caller, "Something is not right", body, http::status_for(e.kind));
}

}  // namespace convene::web
