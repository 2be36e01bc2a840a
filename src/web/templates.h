// The page templates (Mustache) and the stylesheets, from the files in
// src/web/templates/ and Bootstrap's from libjs-bootstrap5, compiled into the
// binary.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace convene::web {

// The text of the embedded file `name` ("agenda.mustache", "convene.css",
// "bootstrap.min.css").
// REQUIRES: such a file is embedded (a missing one is a programming error:
// std::out_of_range).
const std::string& embedded(std::string_view name);

// The first 12 hex digits of the SHA-256 of the embedded file `name`: a
// version that changes whenever its text does, for cache-busting URLs.
// REQUIRES: as embedded().
std::string_view embedded_version(std::string_view name);

// The partials templates may include ({{> name}}): every embedded file
// "_name.mustache", by "name".
const std::map<std::string, std::string>& partials();

}  // namespace convene::web
