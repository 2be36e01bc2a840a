// The listener: binds, accepts, and starts one Session per connection on its
// own strand; run() drives the io_context from `threads` threads.
#include "convene/http/server.h"

#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "session.h"

namespace convene::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

int thread_count(int requested) {
  if (requested > 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

std::string address_text(const std::string& host, unsigned short port) {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace

// Open connections per peer address. A Ticket is one connection's share:
// made when it is accepted, given back when its session ends. Outside the
// anonymous namespace because Server::Impl holds one (-Wsubobject-linkage).
class ConnectionCounts : public std::enable_shared_from_this<ConnectionCounts> {
 public:
  // A ticket for one more connection from `address`, or null when it already
  // holds `cap`.
  std::shared_ptr<void> take(const std::string& address, std::size_t cap) {
    std::lock_guard lock(mu_);
    std::size_t& n = open_[address];
    if (n >= cap) return nullptr;
    ++n;
    return std::shared_ptr<void>(this, [self = shared_from_this(), address](void*) { self->give_back(address); });
  }

 private:
  void give_back(const std::string& address) {
    std::lock_guard lock(mu_);
    auto it = open_.find(address);
    if (it != open_.end() && --it->second == 0) open_.erase(it);
  }
  std::mutex mu_;
  std::unordered_map<std::string, std::size_t> open_;
};

struct Server::Impl {
  Impl(ServerOptions opts, const Router& r)
      : options(std::move(opts)),
        router(r),
        threads(thread_count(options.threads)),
        ioc(threads),
        acceptor(net::make_strand(ioc)),
        retry(acceptor.get_executor()) {
    listen();
    accept();
  }

  void fail(const std::string& what, const boost::system::error_code& ec) {
    throw std::runtime_error("cannot listen on " + address_text(options.host, options.port) +
                             ": " + what + ec.message());
  }

  void listen() {
    boost::system::error_code ec;
    tcp::resolver resolver(ioc);
    auto found = resolver.resolve(options.host, std::to_string(options.port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || found.empty()) fail("cannot resolve the host: ", ec);
    tcp::endpoint endpoint = found.begin()->endpoint();
    acceptor.open(endpoint.protocol(), ec);
    if (ec) fail("", ec);
    acceptor.set_option(net::socket_base::reuse_address(true), ec);
    acceptor.bind(endpoint, ec);
    if (ec) fail("", ec);
    acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) fail("", ec);
    port = acceptor.local_endpoint().port();
  }

  void accept() {
    acceptor.async_accept(detail::Strand(ioc.get_executor()),
                          [this](boost::system::error_code ec, detail::Socket socket) {
                            on_accept(ec, std::move(socket));
                          });
  }

  void on_accept(boost::system::error_code ec, detail::Socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (ec) {
      // Out of descriptors, say: wait a little instead of spinning.
      std::fprintf(stderr, "convene http: accept failed: %s\n", ec.message().c_str());
      retry.expires_after(std::chrono::milliseconds(50));
      retry.async_wait([this](boost::system::error_code wec) {
        if (!wec) accept();
      });
      return;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto peer = socket.remote_endpoint(ec);
    auto ticket = counts->take(ec ? std::string() : peer.address().to_string(), options.connections_per_address);
    if (ticket) {
      std::make_shared<detail::Session>(std::move(socket), router, options, std::move(ticket))->start();
    } else {
      std::make_shared<detail::Session>(std::move(socket), router, options)
          ->refuse(error(Error{"too_many_connections",
                               "this address already holds " + std::to_string(options.connections_per_address) +
                                   " open connections; close one and retry",
                               ErrorKind::unavailable}));
    }
    accept();
  }

  void run_loop() {
    for (;;) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "convene http: unexpected exception: %s\n", e.what());
      }
    }
  }

  ServerOptions options;
  const Router& router;
  int threads;
  unsigned short port = 0;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::steady_timer retry;
  std::shared_ptr<ConnectionCounts> counts = std::make_shared<ConnectionCounts>();
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() { stop(); }

unsigned short Server::port() const { return impl_->port; }

void Server::run() {
  std::vector<std::thread> extra;
  try {
    for (int i = 1; i < impl_->threads; ++i) {
      extra.emplace_back([this] { impl_->run_loop(); });
    }
  } catch (...) {  // could not start a thread: stop those that started
    stop();
    for (auto& t : extra) t.join();
    throw;
  }
  impl_->run_loop();
  for (auto& t : extra) t.join();
}

void Server::stop() { impl_->ioc.stop(); }

}  // namespace convene::http
