// What the editors' forms on the telechat pages show: field values (as typed
// after a refusal), choices with their labels, and the refusal at its form.
#include "convene/telechat/formal.h"
#include "html.h"
#include "telechat_views.h"

namespace convene::web {
namespace {

using nlohmann::json;
using namespace convene::telechat;
using Form = std::map<std::string, std::string>;

// What `p` typed when it is a refusal of `which`, else nothing.
Form typed(const TelechatProblem* p, const char* which) {
  return p && p->form == which ? p->typed : Form{};
}

json section_choices(const std::string& selected, bool except_selected) {
  json out = json::array();
  for (Section s : all_sections()) {
    std::string slug_text(slug(s));
    if (except_selected && slug_text == selected) continue;
    out.push_back({{"slug", slug_text}, {"title", std::string(title(s))}, {"selected", slug_text == selected}});
  }
  return out;
}

// The leaf sections of the formal agenda under `top` ('2' and '3' for
// documents, '4' for WG actions), "2.1.1 Protocol actions > ...".
json formal_choices(std::string_view tops, const std::string& selected) {
  json out = json::array();
  for (const FormalSection& s : formal_sections())
    if (s.depth() == 3 && tops.find(s.number.front()) != std::string_view::npos)
      out.push_back({{"number", std::string(s.number)},
                     {"title", std::string(s.number) + " " + formal_path(s.number)},
                     {"selected", s.number == selected}});
  return out;
}

// The form placing a document (`which` "document") or a WG action.
json formal_form(const TelechatProblem* p, const char* which, std::string_view tops) {
  Form f = typed(p, which);
  const bool document = std::string_view(which) == "document";
  return {{"problem", problem_at(p, which)},
          {"action", document ? "documents" : "wg-actions"},
          {"name_label", document ? "Document (draft-...)" : "Working group (acronym)"},
          {"button", document ? "Place the document" : "Place the WG action"},
          {"sections", formal_choices(tops, form_field(f, "section"))},
          {"name", form_field(f, "name")},
          {"title", form_field(f, "title")},
          {"responsible", form_field(f, "responsible")}};
}

json item_form(const Telechat& t, const TelechatProblem* p) {
  Form f = typed(p, "item");
  std::string section = form_field(f, "section");
  if (section.empty()) section = t.kind == Kind::formal ? "management-issues" : "administrivia";
  return {{"problem", problem_at(p, "item")},   {"sections", section_choices(section, false)},
          {"title", form_field(f, "title")},         {"owner", form_field(f, "owner")},
          {"body", form_field(f, "body")},           {"links", form_field(f, "links")}};
}

// Each open item's move choices (the other sections) and its refusal;
// true when `p` is shown at one of them.
bool add_item_forms(json& sections, const TelechatProblem* p) {
  bool shown = false;
  for (json& section : sections)
    for (json& item : section["items"]) {
      const std::string id = item["id"];
      json problem = problem_at(p, "move", id);
      if (problem.is_null()) problem = problem_at(p, "close", id);
      shown = shown || !problem.is_null();
      item["problem"] = problem;
      item["move_to"] = section_choices(section["slug"], true);
    }
  return shown;
}

// True when a form of this page shows `p` (page forms of both kinds, the
// formal placements on a formal agenda).
bool page_form_shows(const Telechat& t, const TelechatProblem& p) {
  if (p.form == "item" || p.form == "regrets" || p.form == "cancel") return true;
  return t.kind == Kind::formal && (p.form == "document" || p.form == "wg-action");
}

}  // namespace

json problem_at(const TelechatProblem* p, const char* which, const std::string& item) {
  return p && p->form == which && p->item == item ? problem_view(&p->error) : nullptr;
}

json create_form_view(std::int64_t date, Kind kind, const std::string& from, const TelechatProblem* p) {
  Form f = typed(p, "create");
  if (!p || p->form != "create") f = {{"date", format_date(date)}, {"kind", std::string(to_string(kind))}};
  json kinds = json::array();
  for (Kind k : {Kind::informal, Kind::formal})
    kinds.push_back({{"value", std::string(to_string(k))},
                     {"label", std::string(label(k))},
                     {"selected", form_field(f, "kind") == to_string(k)}});
  return {{"problem", problem_at(p, "create")}, {"from", from},
          {"date", form_field(f, "date")},           {"kinds", kinds},
          {"call_url", form_field(f, "call_url")},   {"call_number", form_field(f, "call_number")},
          {"call_password", form_field(f, "call_password")}};
}

json import_form_view(const TelechatProblem* p) {
  Form f = typed(p, "import");
  return {{"problem", problem_at(p, "import")}, {"page", form_field(f, "page")}, {"replace", f.count("replace") > 0}};
}

void add_edit_forms(json& view, const Telechat& t, const TelechatProblem* p) {
  view["editor"] = true;
  view["item_form"] = item_form(t, p);
  view["item_form"]["formal"] = t.kind == Kind::formal;
  view["regrets_form"] = {{"problem", problem_at(p, "regrets")}, {"member", form_field(typed(p, "regrets"), "member")}};
  view["cancel_form"] = {{"problem", problem_at(p, "cancel")}, {"restore", t.cancelled}};
  if (t.kind == Kind::formal) {
    view["document_form"] = formal_form(p, "document", "23");
    view["wg_action_form"] = formal_form(p, "wg-action", "4");
  }
  bool at_item = t.kind == Kind::informal && add_item_forms(view["sections"], p);
  if (p && !at_item && !page_form_shows(t, *p))
    view["page_problem"] = problem_view(&p->error);
}

}  // namespace convene::web
