#include "convene/auth/auth.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace convene {
namespace {

bool is_slug(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool has_prefix_role(const std::vector<std::string>& roles, std::string_view prefix,
                     std::string_view value) {
  for (const auto& r : roles)
    if (r.size() == prefix.size() + value.size() && r.starts_with(prefix) &&
        std::string_view(r).substr(prefix.size()) == value)
      return true;
  return false;
}

}  // namespace

bool Person::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Person::is_iesg() const {
  return has_role("iesg") ||
         std::any_of(roles.begin(), roles.end(), [](const std::string& r) { return r.starts_with("ad:"); });
}

bool Person::is_ad_of(std::string_view area) const { return has_prefix_role(roles, "ad:", area); }

constexpr std::string_view kChair = "chair:";

bool Person::chairs(std::string_view group) const { return has_prefix_role(roles, kChair, group); }

std::vector<std::string> Person::chaired_groups() const {
  std::vector<std::string> out;
  for (const auto& r : roles)
    if (r.starts_with(kChair)) out.push_back(r.substr(kChair.size()));
  std::ranges::sort(out);
  return out;
}

Status check_role(std::string_view role) {
  if (role == "secretariat" || role == "iesg") return ok_status();
  for (std::string_view prefix : {"ad:", "chair:"})
    if (role.starts_with(prefix) && is_slug(role.substr(prefix.size()))) return ok_status();
  return invalid("bad_role", "role '" + std::string(role) +
                                 "' is not one of secretariat, iesg, ad:<area>, chair:<group>");
}

Status check_email(std::string_view e) {
  auto at = e.find('@');
  bool ok = at != std::string_view::npos && at > 0 && e.find('@', at + 1) == std::string_view::npos &&
            e.find('.', at) != std::string_view::npos && e.back() != '.' && e.size() <= 254 &&
            std::none_of(e.begin(), e.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>' || c == '"'; });
  if (ok) return ok_status();
  return invalid("bad_email", "'" + std::string(e) + "' is not an e-mail address");
}

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

const std::string& dummy_password_hash() {
  static const std::string dummy = hash_password(random_token());
  return dummy;
}

bool verify_password_or_dummy(const std::optional<std::string>& hash, std::string_view password) {
  if (hash) return verify_password(*hash, password);
  (void)verify_password(dummy_password_hash(), password);
  return false;
}

std::string random_token(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string token_digest(std::string_view token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace convene
