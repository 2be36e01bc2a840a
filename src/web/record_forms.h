// Forms that make one record (a meeting, a group, an area, a draft revision)
// from fields a person types: described once as data, rendered by one
// template, read into the JSON body the API's reader takes, so a form and
// its API route share every rule and every message.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.h"
#include "html.h"

namespace convene::web {

enum class FieldKind {
  text,      // one line, sent as a string
  date,      // YYYY-MM-DD
  select,    // one of `options`
  list,      // names separated by commas or lines, sent as a list of strings
  textarea,  // several lines, sent as a string
};

struct FieldSpec {
  std::string name;    // the form field and the JSON field
  std::string label;   // words for a person
  FieldKind kind = FieldKind::text;
  std::string hint = "";                                       // shown under the field
  std::vector<std::pair<std::string, std::string>> options{};  // value, label (select)
  bool required = false;
};

struct RecordForm {
  Place place;          // the page's title and breadcrumbs
  std::string intro;    // a sentence above the form
  std::string action;   // where it posts
  std::string submit;   // the button's words
  std::vector<FieldSpec> fields;
};

// The JSON body the API's reader takes: each field typed; empty optional
// fields are left out so the reader's defaults apply.
nlohmann::json body_from(const RecordForm& form, const std::map<std::string, std::string>& values);

// The page with the form, `values` typed back in and `problem` (an error's
// message, "" for none) above it, answered with `status`.
http::Response record_form_page(const Caller& caller, const RecordForm& form,
                                const std::map<std::string, std::string>& values, const std::string& problem,
                                int status = 200);

// The form page for the secretariat; the error page for anyone else (401
// not signed in, 403 not the secretariat).
http::Response secretariat_form_page(const Caller& caller, const RecordForm& form,
                                     const std::map<std::string, std::string>& values = {});

}  // namespace convene::web
