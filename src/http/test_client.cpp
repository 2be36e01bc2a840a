#include "test_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <stdexcept>

#include <boost/beast/http.hpp>

namespace convene::http::testing {

namespace bhttp = boost::beast::http;

namespace {

ServerOptions on_free_port(ServerOptions options) {
  options.host = "127.0.0.1";
  options.port = 0;
  return options;
}

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return s;
}

Reply to_reply(bhttp::response_parser<bhttp::string_body>& parser) {
  auto& res = parser.get();
  Reply reply;
  reply.ok = true;
  reply.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    std::string name = lowered(std::string(field.name_string().data(), field.name_string().size()));
    std::string value(field.value().data(), field.value().size());
    auto [it, inserted] = reply.headers.try_emplace(name, value);
    if (!inserted) it->second += "\n" + value;
  }
  reply.body = std::move(res.body());
  return reply;
}

}  // namespace

RunningServer::RunningServer(ServerOptions options, const Router& router)
    : server_(on_free_port(std::move(options)), router), thread_([this] { server_.run(); }) {}

RunningServer::~RunningServer() {
  server_.stop();
  thread_.join();
}

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(lowered(name));
  return it == headers.end() ? std::string() : it->second;
}

Connection::Connection(unsigned short port, std::chrono::milliseconds timeout) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("socket() failed");
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    throw std::runtime_error("connect() failed");
  }
}

Connection::~Connection() { ::close(fd_); }

bool Connection::send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

Reply Connection::read_reply(bool head) {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 << 20);
  parser.skip(head);
  char chunk[16384];
  for (;;) {
    if (!pending_.empty()) {
      boost::beast::error_code ec;
      std::size_t used = parser.put(boost::asio::buffer(pending_), ec);
      if (ec && ec != bhttp::error::need_more) return {};
      pending_.erase(0, used);
      if (parser.is_done()) return to_reply(parser);
      if (used > 0) continue;
    }
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) {
      boost::beast::error_code ec;
      parser.put_eof(ec);
      return !ec && parser.is_done() ? to_reply(parser) : Reply{};
    }
    pending_.append(chunk, static_cast<std::size_t>(n));
  }
}

Reply Connection::request(std::string_view method, std::string_view target, std::string_view body,
                          std::string_view extra_headers) {
  std::string raw;
  raw.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  if (!body.empty() || method == "POST") {
    raw.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  raw.append(extra_headers).append("\r\n").append(body);
  if (!send(raw)) return {};
  return read_reply(method == "HEAD");
}

bool Connection::wait_closed(std::string* received) {
  if (received) received->append(pending_);
  pending_.clear();
  char chunk[16384];
  for (;;) {
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n == 0) return true;
    if (n < 0) return errno == ECONNRESET;
    if (received) received->append(chunk, static_cast<std::size_t>(n));
  }
}

}  // namespace convene::http::testing
