#include "http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <stdexcept>

#include "convene/auth/auth.h"
#include "convene/store/admin.h"

namespace convene::testing {
namespace {

size_t on_body(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* r = static_cast<HttpResult*>(user);
  std::string line(data, size * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    r->headers[name] = value;
    if (name == "set-cookie") r->set_cookie = value;
  }
  return size * n;
}

}  // namespace

std::vector<std::string> quoted_after(const std::string& html, const std::string& prefix) {
  std::vector<std::string> out;
  for (auto at = html.find(prefix); at != std::string::npos; at = html.find(prefix, at)) {
    at += prefix.size();
    auto end = html.find('"', at);
    if (end == std::string::npos) break;
    out.push_back(html.substr(at, end - at));
    at = end;
  }
  return out;
}

std::string csrf_of(const std::string& html) {
  auto tokens = quoted_after(html, "name=\"csrf\" value=\"");
  return tokens.empty() ? "" : tokens.front();
}

HttpResult http_request(const std::string& method, const std::string& url, const std::string& body,
                        const std::vector<std::string>& headers) {
  CURL* curl = curl_easy_init();
  if (!curl) throw std::runtime_error("curl_easy_init failed");
  HttpResult r;
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (!body.empty() || method == "POST" || method == "PUT") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(rc));
  return r;
}

TestServer::TestServer(UnixSeconds t) : TestServer(t, "") {}

TestServer::TestServer(UnixSeconds t, const std::string& copy_of) : now(t) {
  if (!copy_of.empty()) {
    auto copied = store::copy_database(copy_of, db_.location());
    if (!copied) throw std::runtime_error("TestServer: copying the database: " + copied.error().message);
  }
  store_ = db_.open();
  web::AppOptions options;
  options.clock = [this] { return now; };
  app_ = std::make_unique<web::App>(*store_, options);
  http::ServerOptions so;
  so.port = 0;
  so.threads = 2;
  server_ = std::make_unique<http::Server>(so, app_->router());
  thread_ = std::thread([this] { server_->run(); });
}

TestServer::~TestServer() {
  server_->stop();
  thread_.join();
}

std::string TestServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
}

std::string token_for(Store& store, const std::string& email, const std::vector<std::string>& roles,
                      const std::string& password, UnixSeconds now) {
  init_crypto();
  std::string token = random_token();
  std::string hash = hash_password(password);
  Status s = store.write([&](Repositories& r) -> Status {
    auto id = r.people().save(email, email.substr(0, email.find('@')), hash, roles);
    if (!id) return id.error();
    auto added = r.people().add_token(*id, token_digest(token), "test", now, std::nullopt);
    return added ? ok_status() : Status(added.error());
  });
  if (!s) throw std::runtime_error("token_for: " + s.error().message);
  return token;
}

std::string TestServer::token_for(const std::string& email, const std::vector<std::string>& roles,
                                  const std::string& password) {
  return testing::token_for(*store_, email, roles, password, now);
}

ServerNode::ServerNode(const std::string& location, int threads) : store_(open_store(location)) {
  app_ = std::make_unique<web::App>(*store_);
  http::ServerOptions o;
  o.port = 0;
  o.threads = threads;
  server_ = std::make_unique<http::Server>(o, app_->router());
  thread_ = std::thread([this] { server_->run(); });
}

ServerNode::~ServerNode() {
  server_->stop();
  thread_.join();
}

std::string ServerNode::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
}

HttpResult TestServer::get(const std::string& path, const std::string& token) {
  std::vector<std::string> h;
  if (!token.empty()) h.push_back("Authorization: Bearer " + token);
  return http_request("GET", url(path), "", h);
}

HttpResult TestServer::post(const std::string& path, const nlohmann::json& body, const std::string& token) {
  std::vector<std::string> h = {"Content-Type: application/json"};
  if (!token.empty()) h.push_back("Authorization: Bearer " + token);
  return http_request("POST", url(path), body.dump(), h);
}

}  // namespace convene::testing
