// The IESG's and the secretariat's telechat forms (issue 13): create, import
// a wiki page, add, move and close items, regrets, cancel or restore, and
// formal placements. Each form's fields become the API's JSON body, read by
// the same reader (convene/telechat/input.h), and the same service call
// runs in one transaction. Success goes back to the page (303); a refusal
// shows the same page again with the message at its form and what was typed.
#include <algorithm>

#include "convene/telechat/input.h"
#include "handlers.h"
#include "html.h"
#include "services.h"
#include "telechat_views.h"

namespace convene::web {
namespace {

using nlohmann::json;
using telechat::TelechatService;
using Form = std::map<std::string, std::string>;

std::string day_path(std::int64_t date) { return "/telechats/" + format_date(date); }

// ---- Form fields as the API's bodies ----

json create_body(const Form& f) {
  return {{"date", form_field(f, "date")},
          {"kind", form_field(f, "kind")},
          {"call",
           {{"url", form_field(f, "call_url")},
            {"number", form_field(f, "call_number")},
            {"password", form_field(f, "call_password")}}}};
}

// The non-blank lines of a textarea, trimmed.
json lines(const std::string& text) {
  json out = json::array();
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    line.erase(0, line.find_first_not_of(" \t\r"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

json item_body(const Form& f) {
  return {{"section", form_field(f, "section")}, {"title", form_field(f, "title")},
          {"owner", form_field(f, "owner")},     {"body", form_field(f, "body")},
          {"links", lines(form_field(f, "links"))}};
}

json formal_body(const Form& f) {
  return {{"section", form_field(f, "section")}, {"name", form_field(f, "name")},
          {"title", form_field(f, "title")},     {"responsible", form_field(f, "responsible")}};
}

// ---- Running a form ----

// Runs `op` on the telechat service, its changes audited as `who`, in one
// transaction (rolled back when it fails).
template <class Op>
Status change(Context& ctx, const Person& who, Op op) {
  return in_write<Ok>(ctx, [&](Repositories& r) -> Status {
    TelechatService s = telechat_service(r, ctx, &who);
    return op(s);
  });
}

// An editor's form POST: `run(caller, who, form)` once the session, its CSRF
// token and the role are right; the error page (401, 403) otherwise.
template <class Run>
Response editor_form(Context& ctx, const Request& req, Run run) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) -> Response {
    if (auto ok = may_edit_telechats(who); !ok) return error_page(caller, ok.error());
    return run(caller, who, form);
  });
}

// A form named `which` on the page of the telechat on {date}:
// apply(service, date, form) makes the change. Success goes back to the page
// (at `anchor`); a refusal shows the page again with it at its form.
template <class Apply>
Response day_form(Context& ctx, const Request& req, const char* which, const std::string& anchor, Apply apply) {
  return editor_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) -> Response {
    auto date = parse_date(req.param("date"), "date");
    if (!date) return error_page(caller, date.error());
    Status st = change(ctx, who, [&](TelechatService& s) { return apply(s, *date, form); });
    if (st) return http::redirect(day_path(*date) + anchor);
    const TelechatProblem problem{which, st.error(), form, req.param("id")};
    return telechat_day_view(ctx, caller, *date, &problem);
  });
}

template <class T>
Status status_of(const Result<T>& r) {
  return r ? ok_status() : Status(r.error());
}

// The page a refused create or import goes back to: the date's page when
// the form was there (field "from" is "day") and the date is one, else the list.
Response refused_on_list(Context& ctx, const Caller& caller, const TelechatProblem& problem) {
  auto date = parse_date(form_field(problem.typed, "date"), "date");
  if (form_field(problem.typed, "from") == "day" && date) return telechat_day_view(ctx, caller, *date, &problem);
  return telechat_list_view(ctx, caller, &problem);
}

}  // namespace

Response create_telechat_form_post(Context& ctx, const Request& req) {
  return editor_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) -> Response {
    std::int64_t created = 0;
    Status st = change(ctx, who, [&](TelechatService& s) -> Status {
      auto in = telechat::new_telechat_from_json(create_body(form), today(ctx));
      if (!in) return in.error();
      auto t = s.create_telechat(*in);
      if (t) created = t->date;
      return status_of(t);
    });
    if (st) return http::redirect(day_path(created));
    return refused_on_list(ctx, caller, TelechatProblem{"create", st.error(), form, ""});
  });
}

Response import_telechat_form_post(Context& ctx, const Request& req) {
  return editor_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) -> Response {
    std::int64_t imported = 0;
    Status st = change(ctx, who, [&](TelechatService& s) -> Status {
      auto t = s.import_markdown(form_field(form, "page"), form.count("replace") > 0);
      if (t) imported = t->date;
      return status_of(t);
    });
    if (st) return http::redirect(day_path(imported));
    const TelechatProblem problem{"import", st.error(), form, ""};
    return telechat_list_view(ctx, caller, &problem);
  });
}

Response telechat_item_form_post(Context& ctx, const Request& req) {
  return day_form(ctx, req, "item", "", [](TelechatService& s, std::int64_t date, const Form& f) -> Status {
    auto item = telechat::new_item_from_json(item_body(f));
    if (!item) return item.error();
    return status_of(s.add_item(date, *item));
  });
}

Response move_telechat_item_form_post(Context& ctx, const Request& req) {
  const std::string id = req.param("id");
  return day_form(ctx, req, "move", "#item-" + id, [&](TelechatService& s, std::int64_t date, const Form& f) -> Status {
    auto to = telechat::section_from_json({{"section", form_field(f, "section")}});
    if (!to) return to.error();
    return s.move_item(date, id, *to);
  });
}

Response close_telechat_item_form_post(Context& ctx, const Request& req) {
  const std::string id = req.param("id");
  return day_form(ctx, req, "close", "", [&](TelechatService& s, std::int64_t date, const Form&) {
    return s.close_item(date, id);
  });
}

Response telechat_regrets_form_post(Context& ctx, const Request& req) {
  return day_form(ctx, req, "regrets", "", [](TelechatService& s, std::int64_t date, const Form& f) -> Status {
    auto member = telechat::regret_from_json({{"member", form_field(f, "member")}});
    if (!member) return member.error();
    return s.add_regret(date, *member);
  });
}

// Field "cancelled": "false" restores the telechat; anything else cancels it.
Response cancel_telechat_form_post(Context& ctx, const Request& req) {
  return day_form(ctx, req, "cancel", "", [](TelechatService& s, std::int64_t date, const Form& f) -> Status {
    auto cancelled = telechat::cancellation_from_json({{"cancelled", form_field(f, "cancelled") != "false"}});
    if (!cancelled) return cancelled.error();
    return s.set_cancelled(date, *cancelled);
  });
}

Response telechat_document_form_post(Context& ctx, const Request& req) {
  return day_form(ctx, req, "document", "", [](TelechatService& s, std::int64_t date, const Form& f) -> Status {
    auto entry = telechat::formal_entry_from_json(formal_body(f));
    if (!entry) return entry.error();
    return s.place_document(date, *entry);
  });
}

Response telechat_wg_action_form_post(Context& ctx, const Request& req) {
  return day_form(ctx, req, "wg-action", "", [](TelechatService& s, std::int64_t date, const Form& f) -> Status {
    auto entry = telechat::formal_entry_from_json(formal_body(f));
    if (!entry) return entry.error();
    return s.place_wg_action(date, *entry);
  });
}

}  // namespace convene::web
