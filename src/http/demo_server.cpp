// http_demo_server: a tiny server for load tests of the HTTP layer alone.
//   http_demo_server [--port N] [--threads N] [--host H]
// Routes: GET /hello (small JSON), GET /page (a fixed 4 KiB HTML page),
// POST /echo (echoes a JSON object). Prints "listening on http://H:P" and
// serves until SIGINT or SIGTERM.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "convene/http/server.h"

namespace {

std::string fixed_page() {
  std::string page = "<!doctype html><html><head><title>demo</title></head><body><ul>";
  for (int i = 0; page.size() < 4000; ++i) {
    page += "<li>item " + std::to_string(i) + " of a fixed list</li>";
  }
  return page + "</ul></body></html>";
}

convene::http::Router demo_routes() {
  using namespace convene::http;
  Router router;
  std::string hello = nlohmann::json{{"hello", "world"}}.dump();
  router.add(Method::get, "/hello", [hello](const Request&) {
    return text(200, hello, "application/json");
  });
  router.add(Method::get, "/page", [page = fixed_page()](const Request&) {
    return html(200, page);
  });
  router.add(Method::post, "/echo", [](const Request& req) {
    auto body = parse_json_object(req);
    return body ? json(200, *body) : error(body.error());
  });
  return router;
}

}  // namespace

int main(int argc, char** argv) {
  convene::http::ServerOptions options;
  options.port = 8080;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--port") == 0) {
      options.port = static_cast<unsigned short>(std::atoi(argv[i + 1]));
    } else if (std::strcmp(argv[i], "--threads") == 0) {
      options.threads = std::atoi(argv[i + 1]);
    } else if (std::strcmp(argv[i], "--host") == 0) {
      options.host = argv[i + 1];
    } else {
      std::fprintf(stderr, "usage: %s [--port N] [--threads N] [--host H]\n", argv[0]);
      return 2;
    }
  }
  // Block the stop signals in every thread; one thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  convene::http::Router router = demo_routes();
  try {
    convene::http::Server server(options, router);
    std::printf("listening on http://%s:%u\n", options.host.c_str(), server.port());
    std::fflush(stdout);
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      server.stop();
    });
    server.run();
    waiter.join();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "http_demo_server: %s\n", e.what());
    return 1;
  }
  return 0;
}
