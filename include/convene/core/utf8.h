// UTF-8 validation (RFC 3629). Bytes from the network are checked once, at
// the edge; everything behind it may assume its text is well-formed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace convene {

// The offset of the first byte of `s` that does not start or continue a
// well-formed UTF-8 sequence (an overlong form, a surrogate, a code point
// above U+10FFFF, a stray continuation byte or a truncated sequence), or
// std::string_view::npos when all of `s` is well-formed. Never fails.
std::size_t invalid_utf8_at(std::string_view s);

// `c` with an ASCII capital letter made small; every other byte (UTF-8
// sequences included) unchanged.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Does `text` occur in `haystack`, ASCII letters compared case-insensitively?
// "" occurs in everything. What DraftRepository::search and the site search
// match.
bool contains_text(std::string_view haystack, std::string_view text);

// True when `s` is empty or holds only ASCII white space (what a required
// text field may not be).
constexpr bool is_blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  return true;
}

// True when all of `s` is well-formed UTF-8 (the empty string is).
inline bool is_valid_utf8(std::string_view s) {
  return invalid_utf8_at(s) == std::string_view::npos;
}

// `s` with every byte that invalid_utf8_at() would stop at replaced by
// U+FFFD (the replacement character); well-formed text is returned as is.
std::string replace_invalid_utf8(std::string_view s);

}  // namespace convene
