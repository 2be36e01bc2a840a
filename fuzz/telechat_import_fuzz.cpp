// libFuzzer target: an informal telechat agenda page as someone pastes it,
// through import_markdown (cmark-gfm's parser and the walk over its tree).
// A crash, a sanitizer report, an escaping exception, a leak, or an error
// message longer than a few hundred bytes plus the input is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "convene/telechat/import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view page(reinterpret_cast<const char*>(data), size);
  auto telechat = convene::telechat::import_markdown(page);
  if (!telechat.ok() && telechat.error().message.size() > 2'000 + size) std::abort();
  return 0;
}
