// libFuzzer target: the JSON body reader and the JSON field readers a
// stranger's body reaches (meeting, draft, dispatch, telechat). A crash, a
// sanitizer report, an escaping exception or an unbounded message is a
// finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "convene/dispatch/dispatch.h"
#include "convene/dispatch/inputs.h"
#include "convene/draft/draft.h"
#include "convene/http/message.h"
#include "convene/meeting/json_fields.h"
#include "convene/meeting/meeting.h"
#include "convene/telechat/input.h"
#include "convene/telechat/series.h"

namespace {

using namespace convene;

// Messages must stay short whatever the input: field names, a value cut by
// show(), a date, a list of slugs.
template <class R>
void check(const R& r, std::size_t input_size) {
  if (!r.ok() && r.error().message.size() > 2'000 + input_size) std::abort();
}

void read_everything(const nlohmann::json& body, std::size_t n) {
  check(meeting_from_json(body), n);
  check(draft_submission_from_json(body), n);
  check(new_request_from_json(body), n);
  check(decision_from_json(body), n);
  check(outcome_from_json(body), n);
  check(arrangement_from_json(body), n);
  check(session_change_from_json(body), n);
  check(wg_agenda_entry_from_json(body, "115"), n);
  check(hotrfc_draft_from_json(body), n);
  check(telechat::new_telechat_from_json(body, 20'000), n);
  check(telechat::new_item_from_json(body), n);
  check(telechat::section_from_json(body), n);
  check(telechat::regret_from_json(body), n);
  check(telechat::formal_entry_from_json(body), n);
  check(telechat::series_from_json(body, telechat::Kind::informal), n);
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (json_fields::show(it.value()).size() > 64) std::abort();
    check(json_fields::text(body, it.key(), {.max_chars = 500, .multiline = true}), n);
    check(json_fields::integer(body, it.key(), INT64_MIN, INT64_MAX), n);
    check(json_fields::text_list(body, it.key(), 100), n);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::Request req;
  req.body.assign(reinterpret_cast<const char*>(data), size);
  auto body = http::parse_json_object(req);
  if (!body.ok()) {
    if (body.error().message.size() > 400) std::abort();
    return 0;
  }
  read_everything(*body, size);
  return 0;
}
