#include "conditional.h"

#include <zlib.h>

#include <cstdio>
#include <stdexcept>

namespace convene::web {
namespace {

// FNV-1a 64 of the body, as a quoted strong validator.
std::string etag_of(const std::string& body, bool gzipped) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : body) h = (h ^ c) * 1099511628211ULL;
  char buf[40];
  std::snprintf(buf, sizeof buf, "\"%016llx%s\"", static_cast<unsigned long long>(h), gzipped ? "-gz" : "");
  return buf;
}

bool accepts_gzip(const http::Request& req) {
  const std::string accept = req.header("accept-encoding");
  return accept.find("gzip") != std::string::npos && accept.find("gzip;q=0") == std::string::npos;
}

std::string header_of(const http::Response& r, const std::string& name) {
  for (const auto& [n, v] : r.headers)
    if (n == name) return v;
  return "";
}

// Whether the client holds this version: If-None-Match names `etag` (or
// is "*"); without If-None-Match, If-Modified-Since repeats Last-Modified.
bool client_holds(const http::Request& req, const std::string& etag, const std::string& last_modified) {
  const std::string want = req.header("if-none-match");
  if (!want.empty()) return want == "*" || want.find(etag) != std::string::npos;
  return !last_modified.empty() && req.header("if-modified-since") == last_modified;
}

}  // namespace

std::string gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("zlib");
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
  return out;
}

http::Response conditional(Context& ctx, const http::Request& req, const std::string& key,
                           const std::function<http::Response()>& render) {
  const bool gz = accepts_gzip(req);
  http::Response r = cached(ctx, req, gz ? key + "\x1fgzip" : key, [&] {
    http::Response fresh = render();
    if (fresh.status != 200) return fresh;
    fresh.with_header("ETag", etag_of(fresh.body, gz)).with_header("Vary", "Accept-Encoding");
    fresh.with_header("Cache-Control", "public, max-age=60");
    if (gz) {
      fresh.body = gzip(fresh.body);
      fresh.with_header("Content-Encoding", "gzip");
    }
    return fresh;
  });
  if (r.status != 200) return r;
  const std::string etag = header_of(r, "ETag");
  if (!client_holds(req, etag, header_of(r, "Last-Modified"))) return r;
  http::Response not_modified;
  not_modified.status = 304;
  not_modified.content_type = "";
  not_modified.body.clear();
  return not_modified.with_header("ETag", etag).with_header("Vary", "Accept-Encoding");
}

}  // namespace convene::web
