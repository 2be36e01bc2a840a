// convene token create | list | revoke: API tokens from the command line,
// acting as "cli" (the operator may manage anyone's tokens).
#include <CLI/CLI.hpp>

#include <iostream>

#include "convene/auth/auth.h"
#include "convene/auth/tokens.h"
#include "convene/cli/commands.h"
#include "support.h"

namespace convene::cli {
namespace {

std::string optional_time(const std::optional<UnixSeconds>& t) { return t ? format_utc(*t) : "-"; }

void token_create(const std::string& db, const std::string& email, const TokenRequest& request) {
  if (auto st = check_token_request(request); !st) fail(st.error().message, 2);
  init_crypto();
  auto store = open_db(db);
  std::string token = random_token();
  Status s = store->write([&](Repositories& r) -> Status {
    auto t = create_token(r.people(), r.audit(), "cli", email, request, token_digest(token), now_utc());
    return t ? ok_status() : Status(t.error());
  });
  if (!s) fail(s.error().message);
  std::cout << token << "\n";
}

// One line per token: id, name, created, expires, last used (UTC; "-" none).
void token_list(const std::string& db, const std::string& email) {
  auto store = open_db(db);
  std::vector<ApiToken> tokens;
  Status s = store->read([&](Repositories& r) -> Status {
    auto listed = list_tokens(r.people(), email);
    if (!listed) return listed.error();
    tokens = *listed;
    return ok_status();
  });
  if (!s) fail(s.error().message);
  std::cout << "id\tname\tcreated\texpires\tlast used\n";
  for (const auto& t : tokens)
    std::cout << t.id << "\t" << t.name << "\t" << format_utc(t.created_at) << "\t" << optional_time(t.expires_at)
              << "\t" << optional_time(t.last_used_at) << "\n";
}

void token_revoke(const std::string& db, const std::string& email, std::int64_t id) {
  auto store = open_db(db);
  Status s = store->write(
      [&](Repositories& r) { return revoke_token(r.people(), r.audit(), "cli", email, id, now_utc()); });
  if (!s) fail(s.error().message);
  std::cout << "revoked token " << id << " of " << email << "\n";
}

}  // namespace

void add_token_commands(CLI::App& app) {
  static std::string db, email;
  static TokenRequest request{"cli", std::nullopt};
  static int days = 0;
  static std::int64_t id = 0;
  auto* token = app.add_subcommand("token", "Manage API tokens");
  token->require_subcommand(1);
  auto* create = token->add_subcommand("create", "Create an API bearer token for a person and print it (shown once)");
  create->add_option("--db", db, kDbHelp)->required();
  create->add_option("--email", email, "the person's e-mail")->required();
  create->add_option("--name", request.name, "what the token is for (1-64 characters)")->capture_default_str();
  auto* expiry = create->add_option("--expires-in-days", days, "days until it expires (1-3650). Default: never");
  create->callback([expiry] {
    if (expiry->count()) request.expires_in_days = days;
    token_create(db, email, request);
  });

  auto* list = token->add_subcommand("list", "List a person's API tokens (never their secrets)");
  list->add_option("--db", db, kDbHelp)->required();
  list->add_option("--email", email, "the person's e-mail")->required();
  list->callback([] { token_list(db, email); });

  auto* revoke = token->add_subcommand("revoke", "Revoke one of a person's API tokens");
  revoke->add_option("--db", db, kDbHelp)->required();
  revoke->add_option("--email", email, "the person's e-mail")->required();
  revoke->add_option("--id", id, "the token's id (convene token list)")->required();
  revoke->callback([] { token_revoke(db, email, id); });
}

}  // namespace convene::cli
