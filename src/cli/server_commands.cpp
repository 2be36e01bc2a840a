// convene serve | demo | user add.
#include <CLI/CLI.hpp>

#include <iostream>
#include <thread>

#include "convene/auth/auth.h"
#include "convene/auth/service.h"
#include "convene/cli/commands.h"
#include "convene/http/server.h"
#include "convene/store/admin.h"
#include "convene/store/store.h"
#include "convene/web/app.h"
#include "convene/web/demo.h"
#include "support.h"

namespace convene::cli {
namespace {

void split_listen(const std::string& listen, std::string& host, unsigned short& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) fail("--listen must be HOST:PORT, got '" + listen + "'", 2);
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  try {
    size_t used = 0;
    int p = std::stoi(listen.substr(colon + 1), &used);
    if (used != listen.size() - colon - 1 || p < 0 || p > 65535) throw std::out_of_range("port");
    port = static_cast<unsigned short>(p);
  } catch (const std::exception&) {
    fail("--listen: '" + listen.substr(colon + 1) + "' is not a port number", 2);
  }
}

struct ServeArgs {
  std::string db, listen = "127.0.0.1:8080", public_url;
  int threads = 0, workers = 1;
  std::size_t page_cache_mb = 64;
  std::size_t connections_per_address = 64;
};

void serve(ServeArgs args) {
  const std::string& db = args.db;
  const std::string& listen = args.listen;
  std::string& public_url = args.public_url;
  http::ServerOptions options;
  split_listen(listen, options.host, options.port);
  options.threads = args.threads;
  options.connections_per_address = args.connections_per_address;
  auto store = open_db(db);
  web::AppOptions app_options;
  if (public_url.empty()) public_url = "http://" + listen;
  while (public_url.ends_with('/')) public_url.pop_back();
  if (!public_url.starts_with("http://") && !public_url.starts_with("https://"))
    fail("--public-url must start with http:// or https://, got '" + public_url + "'", 2);
  app_options.public_url = public_url;
  app_options.secure_cookies = public_url.starts_with("https://");
  app_options.page_cache_bytes = args.page_cache_mb << 20;
  web::App app(*store, app_options);
  try {
    http::Server server(options, app.router());
    on_stop_signal([&server] { server.stop(); });
    WorkerPool jobs(*store, args.workers);
    std::cerr << "convene: serving http://" << listen << " from " << store::redacted(db) << "\n";
    server.run();
    std::cerr << "convene: stopped\n";
  } catch (const std::exception& e) {
    fail(e.what());
  }
}

void demo(const std::string& db) {
  auto store = open_db(db);
  Status s = web::load_demo(*store);
  if (!s) fail("demo data could not be loaded: " + s.error().code + ": " + s.error().message);
  std::cout << "demo data loaded into " << store::redacted(db) << " (accounts use the password '" << web::kDemoPassword
            << "', e.g. dispatch-chair@example.org)\n";
}

std::string read_password(const std::string& email) {
  std::string password;
  if (!std::getline(std::cin, password) || password.empty()) fail("give the password on standard input", 2);
  if (auto s = check_password(password, email); !s) fail(s.error().message, 2);
  return password;
}

void user_add(const std::string& db, const std::string& email, const std::string& name,
              const std::vector<std::string>& roles) {
  if (auto s = check_email(email); !s) fail(s.error().message, 2);
  for (const auto& r : roles)
    if (auto s = check_role(r); !s) fail(s.error().message, 2);
  std::string password = read_password(email);
  init_crypto();
  std::string hash = hash_password(password);
  auto store = open_db(db);
  Status s = store->write([&](Repositories& r) -> Status {
    auto id = save_person(r.people(), r.audit(), "cli", email, name, hash, roles, now_utc());
    return id ? ok_status() : Status(id.error());
  });
  if (!s) fail(s.error().message);
  std::cout << "saved " << email << "\n";
}

}  // namespace

void add_server_commands(CLI::App& app) {
  auto* serve_cmd = app.add_subcommand("serve", "Serve the web pages and the JSON API");
  static ServeArgs args;
  serve_cmd->add_option("--db", args.db, kDbHelp)->required();
  serve_cmd->add_option("--listen", args.listen, "HOST:PORT to listen on")->capture_default_str();
  serve_cmd->add_option("--threads", args.threads, "I/O threads (0: one per core)")->capture_default_str();
  serve_cmd->add_option("--public-url", args.public_url,
                        "Where readers reach this server, e.g. https://convene.example.org (links in calendar "
                        "feeds; https also marks cookies Secure). Default: http://HOST:PORT of --listen");
  serve_cmd->add_option("--workers", args.workers,
                        "Threads running background jobs (the solver) in this process; 0 leaves them to "
                        "`convene worker` processes")
      ->capture_default_str()
      ->check(CLI::Range(0, 64));
  serve_cmd->add_option("--page-cache-mb", args.page_cache_mb,
                        "The most memory the cache of public pages takes, in MiB (0: no cache)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65536));
  serve_cmd->add_option("--connections-per-address", args.connections_per_address,
                        "Open connections one client address may hold; more get 503 and are closed")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  serve_cmd->callback([] { serve(args); });

  static std::string db;
  auto* demo_cmd = app.add_subcommand("demo", "Load the demo meetings, people and dispatch requests (idempotent)");
  demo_cmd->add_option("--db", db, kDbHelp)->required();
  demo_cmd->callback([] { demo(db); });
}

void add_user_commands(CLI::App& app) {
  static std::string db, email, name;
  static std::vector<std::string> roles;
  auto* user = app.add_subcommand("user", "Manage people");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Create or update a person; the password is read from standard input");
  add->add_option("--db", db, kDbHelp)->required();
  add->add_option("--email", email, "e-mail address (the sign-in name)")->required();
  add->add_option("--name", name, "full name")->required();
  add->add_option("--role", roles, "secretariat, iesg, ad:<area>, chair:<group> (repeatable)");
  add->callback([] { user_add(db, email, name, roles); });
}

}  // namespace convene::cli
