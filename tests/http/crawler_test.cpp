// The crawler: every link reachable from "/" answers 200, or a redirect to a
// local page that does, for a reader who is not signed in and for each of the
// demo's roles. Only local links are followed (not the Datatracker's); every
// page that answers HTML is searched for more links, stylesheets included.
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "convene/web/demo.h"
#include "http_client.h"

namespace convene {
namespace {

using testing::HttpResult;
using testing::TestServer;

constexpr std::size_t kMaxPages = 2000;  // a crawl that finds more has found a loop

// The local links of an HTML page: the href of every element, with "&amp;"
// decoded and the fragment dropped; off-site links ("https://", "//") are skipped.
std::vector<std::string> local_links(const std::string& html) {
  std::vector<std::string> out;
  for (std::string link : testing::quoted_after(html, "href=\"")) {
    for (std::size_t at; (at = link.find("&amp;")) != std::string::npos;) link.replace(at, 5, "&");
    link = link.substr(0, link.find('#'));
    if (link.starts_with("/") && !link.starts_with("//")) out.push_back(link);
  }
  return out;
}

class Crawler : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(web::load_demo(server.store()).ok()); }

  // The session cookie of a demo account, signed in through the form.
  std::string sign_in(const std::string& email) {
    auto r = testing::http_request("POST", server.url("/login"),
                                   "email=" + email + "&password=" + web::kDemoPassword + "&next=%2F",
                                   {"Content-Type: application/x-www-form-urlencoded"});
    EXPECT_EQ(r.status, 303) << email;
    return r.set_cookie.substr(0, r.set_cookie.find(';'));
  }

  HttpResult get(const std::string& path, const std::string& cookie) {
    std::vector<std::string> headers = {"Accept: text/html,application/xhtml+xml,*/*;q=0.8"};
    if (!cookie.empty()) headers.push_back("Cookie: " + cookie);
    return testing::http_request("GET", server.url(path), "", headers);
  }

  // Crawls from "/"; returns every path visited. Each broken link is a test
  // failure naming it and the page that links to it.
  std::set<std::string> crawl(const std::string& cookie) {
    std::map<std::string, std::string> found_on = {{"/", "(start)"}};
    std::deque<std::string> queue = {"/"};
    std::set<std::string> visited;
    while (!queue.empty() && visited.size() < kMaxPages) {
      std::string path = queue.front();
      queue.pop_front();
      if (!visited.insert(path).second) continue;
      HttpResult r = get(path, cookie);
      if (r.status >= 300 && r.status < 400) {
        std::string to = r.headers["location"];
        EXPECT_TRUE(to.starts_with("/") && !to.starts_with("//")) << path << " redirects off-site to " << to;
        HttpResult target = get(to, cookie);
        EXPECT_EQ(target.status, 200) << path << " (linked from " << found_on[path] << ") redirects to " << to;
        continue;
      }
      EXPECT_EQ(r.status, 200) << path << " (linked from " << found_on[path] << ")";
      if (r.headers["content-type"].find("text/html") == std::string::npos) continue;
      for (const std::string& link : local_links(r.body))
        if (!visited.contains(link) && found_on.emplace(link, path).second) queue.push_back(link);
    }
    EXPECT_LT(visited.size(), kMaxPages);
    return visited;
  }

  TestServer server{parse_rfc3339("2026-03-01T12:00:00Z", "now").value()};
};

TEST_F(Crawler, EveryLinkWorksForAnAnonymousReader) {
  std::set<std::string> seen = crawl("");
  for (const char* page : {"/meetings/125/dispatch", "/meetings/124/dispatch?venue=dispatch", "/telechats",
                           "/telechats.ics", "/login"})
    EXPECT_TRUE(seen.contains(page)) << page << " is not reachable from /";
  for (const char* prefix : {"/static/bootstrap.min.css?v=", "/static/convene.css?v=", "/drafts/"})
    EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [&](const std::string& p) { return p.starts_with(prefix); }))
        << "nothing under " << prefix << " is reachable from /";
  EXPECT_FALSE(seen.contains("/me"));
}

TEST_F(Crawler, EveryLinkWorksForEachSignedInRole) {
  for (const char* email : {"dispatch-chair@example.org", "gen-ad@example.org", "secretariat@example.org",
                            "alice@example.org"}) {
    SCOPED_TRACE(email);
    std::set<std::string> seen = crawl(sign_in(email));
    for (const char* page : {"/me", "/meetings/125/dispatch", "/meetings/125/dispatch/request", "/telechats"})
      EXPECT_TRUE(seen.contains(page)) << page << " is not reachable from /";
  }
}

TEST_F(Crawler, BrowsersGetPagesForErrorsAndApiClientsGetJson) {
  HttpResult browser = get("/no/such/page", "");
  EXPECT_EQ(browser.status, 404);
  EXPECT_NE(browser.headers["content-type"].find("text/html"), std::string::npos);
  EXPECT_NE(browser.body.find("There is no page at /no/such/page."), std::string::npos);
  EXPECT_NE(browser.body.find("<a class=\"nav-link\" href=\"/telechats\">Telechats</a>"), std::string::npos);
  HttpResult api = testing::http_request("GET", server.url("/no/such/page"));
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.json()["error"]["code"], "not_found");
  HttpResult api_path = testing::http_request("GET", server.url("/api/v1/nothing"), "", {"Accept: text/html"});
  EXPECT_EQ(api_path.json()["error"]["code"], "not_found");  // under /api/ errors are always JSON
  HttpResult markdown = get("/meetings/999/dispatch.md", "");  // not a page, but asked for by a browser
  EXPECT_EQ(markdown.status, 404);
  EXPECT_NE(markdown.headers["content-type"].find("text/html"), std::string::npos);
  EXPECT_EQ(testing::http_request("GET", server.url("/meetings/999/dispatch.md")).json()["error"]["code"],
            "meeting_unknown");
  HttpResult unknown_meeting = get("/meetings/999", "");
  EXPECT_EQ(unknown_meeting.status, 404);
  EXPECT_NE(unknown_meeting.body.find("<h1 class=\"h2 mb-3\">Not found</h1>"), std::string::npos);
}

}  // namespace
}  // namespace convene
