#include "convene/core/result.h"

namespace convene {

Error invalid(std::string code, std::string message) {
  return {std::move(code), std::move(message), ErrorKind::invalid};
}
Error rejected(std::string code, std::string message) {
  return {std::move(code), std::move(message), ErrorKind::rejected};
}
Error not_found(std::string code, std::string message) {
  return {std::move(code), std::move(message), ErrorKind::not_found};
}
Error conflict(std::string code, std::string message) {
  return {std::move(code), std::move(message), ErrorKind::conflict};
}
Error forbidden(std::string message) {
  return {"forbidden", std::move(message), ErrorKind::forbidden};
}
Error unauthorized(std::string message) {
  return {"unauthorized", std::move(message), ErrorKind::unauthorized};
}

Error internal(std::string message) {
  return {"internal", std::move(message), ErrorKind::internal};
}

Error unavailable(std::string code, std::string message) {
  return {std::move(code), std::move(message), ErrorKind::unavailable};
}

}  // namespace convene
