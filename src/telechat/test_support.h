// Test-only helpers shared by the telechat tests.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "convene/core/time.h"
#include "convene/telechat/agenda.h"
#include "convene/telechat/model.h"

namespace convene::telechat::testing {

inline std::string read_shared(const std::string& relative) {
  std::ifstream in(std::string(CONVENE_SHARED_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << relative;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string seed_page() { return read_shared("seeds/001_aa07fe322c322cba.txt"); }
inline std::string informal_page() { return read_shared("data/telechat/InformalAgenda.md"); }

inline std::int64_t day(const char* text) { return *parse_date(text, "test"); }

inline const char* kUrl = "https://webex.example/j.php?MTID=secret-url-7f3a";
inline const char* kNumber = "2427-SECRET-NUMBER";
inline const char* kPassword = "pw-SECRET-91c2";

// An agenda with a management item (Markdown body with a script, a link,
// an experiment), a parking-lot item to escape and a closed AOB item; call
// details with secrets; formal entries for a formal telechat.
inline Telechat sample(Kind kind = Kind::informal) {
  Telechat t;
  t.date = day("2026-12-10");
  t.kind = kind;
  t.call = {kUrl, kNumber, kPassword};
  t.calendar_url = "https://convene.example/telechats.ics";
  t.regrets = {"Roman"};
  Item m;
  m.id = "2026-12-10.1";
  m.section = Section::management_issues;
  m.title = "Alldispatch - way forward";
  m.owner = "Francesca";
  m.body = "Decide on the experiment. <script>alert(1)</script> See https://example.org/survey";
  m.links = {"https://example.org/survey"};
  m.experiment = "alldispatch";
  append_item(t, m);
  Item p;
  p.id = "2026-12-10.2";
  p.section = Section::parking_lot;
  p.title = "HotRFC <co-chair> & more";
  p.owner = "Secretariat";
  append_item(t, p);
  Item closed;
  closed.id = "2026-12-10.3";
  closed.section = Section::aob;
  closed.title = "Settled";
  closed.closed = true;
  append_item(t, closed);
  if (kind == Kind::formal) {
    t.formal.entries.push_back({"2.1.1", "draft-ietf-quic-v2", "QUIC Version 2", "Zahed"});
    t.formal.management.push_back({"Designated experts", "Murray", ""});
  }
  return t;
}


}  // namespace convene::telechat::testing
