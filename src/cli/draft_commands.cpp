// convene draft import: Internet-Draft records from the Datatracker's
// document JSON (GET https://datatracker.ietf.org/doc/<name>/doc.json), the
// trusted source of revisions and their dates. Proponents never set these.
#include <CLI/CLI.hpp>

#include <iostream>

#include <nlohmann/json.hpp>

#include "convene/cli/commands.h"
#include "convene/draft/datatracker.h"
#include "support.h"

namespace convene::cli {
namespace {

using nlohmann::json;

// Every revision the files describe; a file holds one doc.json object or a
// list of them.
std::vector<DraftSubmission> read_revisions(const std::vector<std::string>& paths) {
  std::vector<DraftSubmission> out;
  for (const auto& path : paths) {
    const json doc = json::parse(read_text(path), nullptr, false);
    if (doc.is_discarded()) fail(path + ": not JSON");
    const json list = doc.is_array() ? doc : json::array({doc});
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto revs = parsed(revisions_from_datatracker(list[i]), doc.is_array() ? path + "[" + std::to_string(i) + "]" : path);
      out.insert(out.end(), revs.begin(), revs.end());
    }
  }
  return out;
}

void draft_import(const std::string& db, const std::vector<std::string>& paths, const std::string& as) {
  const auto revisions = read_revisions(paths);
  auto store = open_db(db);
  DraftImport done;
  Status s = store->write([&](Repositories& r) -> Status {
    auto who = acting(r.people(), as);
    if (!who) return who.error();
    auto imported = import_revisions(r.drafts(), r.audit(), *who, revisions, now_utc());
    if (!imported) return imported.error();
    done = *imported;
    return ok_status();
  });
  if (!s) fail(s.error());
  std::cout << "recorded " << done.added << " revisions of " << done.drafts << " drafts; " << done.unchanged
            << " already on record\n";
}

}  // namespace

void add_draft_commands(CLI::App& app) {
  auto* draft = app.add_subcommand("draft", "Internet-Draft records");
  draft->require_subcommand(1);
  static std::string db, as;
  static std::vector<std::string> paths;
  auto* import = draft->add_subcommand(
      "import", "Record drafts' revisions from the Datatracker's document JSON (doc/<name>/doc.json), as the "
                "secretariat; revisions already on record are left as they are. All or nothing.");
  import->add_option("--db", db, kDbHelp)->required();
  import->add_option("files", paths, "doc.json files (each one document, or a list of them)")->required();
  import->add_option("--as", as, "a secretariat member's e-mail to record as (default: the command line)");
  import->callback([] { draft_import(db, paths, as); });
}

}  // namespace convene::cli
