#include "convene/telechat/codec.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "convene/telechat/import.h"
#include "test_support.h"

namespace convene::telechat {
namespace {

using testing::day;

TEST(Codec, TelechatRoundTrips) {
  auto t = import_markdown(testing::seed_page());
  ASSERT_TRUE(t.ok());
  t->cancelled = true;
  t->regrets = {"Roman", "Deb"};
  t->agenda.items[0].experiment = "alldispatch";
  t->agenda.items[1].closed = true;
  t->formal.entries.push_back({"2.1.1", "draft-x", "X", "AD"});
  t->formal.management.push_back({"M", "O", "B"});
  auto back = decode_telechat(nlohmann::json::parse(encode(*t).dump()));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, *t);
}

TEST(Codec, SeriesRoundTrips) {
  SeriesSettings s;
  s.kind = Kind::formal;
  s.first_date = day("2026-12-03");
  s.cancelled = {day("2026-12-31")};
  s.moved = {{day("2027-01-14"), day("2027-01-13")}};
  auto back = decode_series(encode(s));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, s);
}

TEST(Codec, BadStoredDataIsAnInternalError) {
  auto r = decode_telechat(nlohmann::json{{"date", "x"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_stored_telechat");
  EXPECT_EQ(r.error().kind, ErrorKind::internal);
  nlohmann::json j = encode(Telechat{});
  j["items"] = {{{"id", "a"}, {"section", "gossip"}}};
  EXPECT_EQ(decode_telechat(j).error().code, "bad_stored_telechat");
  EXPECT_EQ(decode_series(nlohmann::json::object()).error().code, "bad_stored_telechat");
}

}  // namespace
}  // namespace convene::telechat
