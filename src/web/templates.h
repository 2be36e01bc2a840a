// The page templates (Mustache) and the stylesheet, from the files in
// src/web/templates/, compiled into the binary.
#pragma once

#include <string>
#include <string_view>

namespace convene::web {

// The text of the embedded file `name` ("agenda.mustache", "convene.css").
// REQUIRES: such a file exists in src/web/templates/ (a missing one is a
// programming error: std::out_of_range).
const std::string& embedded(std::string_view name);

}  // namespace convene::web
