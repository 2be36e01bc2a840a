// Expected failures as values. A domain function that can refuse its input
// returns Result<T>: either the value or an Error with a stable machine code
// (e.g. "draft_after_cutoff") and a message a person understands.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace convene {

// How an error maps onto a protocol. The HTTP layer turns these into status
// codes; the CLI into exit statuses. Domain code never names HTTP codes.
enum class ErrorKind {
  invalid,       // the input is malformed: bad JSON, wrong type, bad field (400)
  rejected,      // well-formed, but a domain rule refuses it (422)
  not_found,     // a named thing does not exist (404)
  conflict,      // the input clashes with existing state (409)
  unauthorized,  // nobody is signed in (401)
  forbidden,     // signed in, but without the role for this change (403)
  too_large,     // the input is bigger than allowed (413)
  internal,      // a bug or an unavailable resource (500)
  unavailable,   // busy for now (e.g. the database is locked); retrying later may work (503)
};

struct Error {
  std::string code;     // stable, snake_case, e.g. "draft_unknown"
  std::string message;  // for people: what is wrong and where
  ErrorKind kind = ErrorKind::invalid;
};

Error invalid(std::string code, std::string message);
Error rejected(std::string code, std::string message);
Error not_found(std::string code, std::string message);
Error conflict(std::string code, std::string message);
Error forbidden(std::string message);
Error unauthorized(std::string message);
// A storage or environment failure ("internal", 500): never the caller's fault.
Error internal(std::string message);
Error unavailable(std::string code, std::string message);

// Result<T>: holds a T or an Error. REQUIRES: value() only when ok(),
// error() only when !ok(). [[nodiscard]]: a dropped Result is a warning.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T value() && { return std::get<0>(std::move(v_)); }  // by value: safe on a temporary
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Status: success or an Error, for operations that return nothing.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace convene
