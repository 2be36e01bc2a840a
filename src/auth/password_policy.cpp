// The password policy (auth.h: check_password).
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "convene/auth/auth.h"

namespace convene {
namespace {

constexpr std::size_t kMinChars = 12;

// Among the most used passwords of 12 characters or more (public breach
// lists); shorter ones fail the length rule anyway.
constexpr std::array<std::string_view, 24> kCommon = {
    "123456789012", "1234567890123", "12345678901234", "123456789123", "password1234", "password12345",
    "password123456", "passwordpassword", "qwertyuiopas", "qwerty123456", "qwertyuiop123", "1q2w3e4r5t6y",
    "iloveyou1234", "administrator", "letmeinletmein", "changemechangeme", "welcome12345", "abc123456789",
    "abcdefghijkl", "000000000000", "1qaz2wsx3edc", "zaq12wsxcde3", "trustno1trustno1", "monkey123456"};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

Error weak(const std::string& why) { return invalid("weak_password", "password: " + why); }

}  // namespace

Status check_password(std::string_view password, std::string_view email) {
  if (code_points(password) < kMinChars)
    return weak("must have at least " + std::to_string(kMinChars) + " characters");
  std::string p = lower(password);
  if (std::all_of(p.begin(), p.end(), [&](char c) { return c == p.front(); }))
    return weak("must not be one character repeated");
  if (std::find(kCommon.begin(), kCommon.end(), p) != kCommon.end())
    return weak("is one of the most common passwords; choose another");
  std::string mail = lower(email);
  std::string local = mail.substr(0, mail.find('@'));
  if (p == mail || (!local.empty() && p.find(local) != std::string::npos && local.size() * 2 >= p.size()))
    return weak("must not be the e-mail address or built from it");
  return ok_status();
}

}  // namespace convene
