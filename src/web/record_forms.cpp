#include "record_forms.h"

namespace convene::web {

using nlohmann::json;

namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

json split_list(const std::string& text) {
  json out = json::array();
  std::string item;
  for (char c : text + ",") {
    if (c == ',' || c == '\n') {
      if (auto t = trimmed(item); !t.empty()) out.push_back(t);
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

json field_view(const FieldSpec& f, const std::string& value) {
  json options = json::array();
  for (const auto& [v, label] : f.options) options.push_back({{"value", v}, {"label", label}, {"selected", v == value}});
  return {{"name", f.name},
          {"label", f.label},
          {"hint", f.hint},
          {"value", value},
          {"required", f.required},
          {"is_select", f.kind == FieldKind::select},
          {"is_textarea", f.kind == FieldKind::textarea || f.kind == FieldKind::list},
          {"input_type", f.kind == FieldKind::date ? "date" : "text"},
          {"options", options}};
}

}  // namespace

json body_from(const RecordForm& form, const std::map<std::string, std::string>& values) {
  json body = json::object();
  for (const FieldSpec& f : form.fields) {
    const std::string value = trimmed(form_field(values, f.name));
    if (value.empty() && !f.required) continue;
    body[f.name] = f.kind == FieldKind::list ? split_list(value) : json(value);
  }
  return body;
}

http::Response record_form_page(const Caller& caller, const RecordForm& form,
                                const std::map<std::string, std::string>& values, const std::string& problem,
                                int status) {
  json fields = json::array();
  for (const FieldSpec& f : form.fields) fields.push_back(field_view(f, form_field(values, f.name)));
  json view = {{"intro", form.intro}, {"action", form.action}, {"submit", form.submit}, {"csrf", caller.csrf},
               {"problem", problem}, {"fields", fields}};
  return page(caller, form.place, render_template("record_form", view), status);
}

http::Response secretariat_form_page(const Caller& caller, const RecordForm& form,
                                     const std::map<std::string, std::string>& values) {
  if (!caller.person) return error_page(caller, unauthorized("sign in as the secretariat to use this form"));
  if (!caller.person->is_secretariat())
    return error_page(caller, forbidden("only the secretariat may use this form"));
  return record_form_page(caller, form, values, "");
}

}  // namespace convene::web
