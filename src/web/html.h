// HTML rendering: Mustache templates (mstch) filled from JSON values, inside
// one page layout. Every {{value}} is HTML-escaped by the template engine.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "context.h"

namespace convene::web {

// Renders the template src/web/templates/<name>.mustache with `data`
// (objects, arrays, strings, numbers, booleans). REQUIRES: the file exists.
std::string render_template(std::string_view name, const nlohmann::json& data);

// The full page: layout with navigation (sign in/out with its CSRF form), the title and body.
http::Response page(const Caller& caller, const std::string& title, const std::string& body_html,
                    int status = 200);

// A page that explains an error to a person (status from the error's kind).
http::Response error_page(const Caller& caller, const Error& e);

}  // namespace convene::web
