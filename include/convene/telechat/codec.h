// A lossless JSON form of a Telechat and of SeriesSettings, for the store
// layer (it may keep the agenda as one JSON column). Not an API format: it
// includes private call details. decode(encode(x)) == x.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"
#include "convene/telechat/model.h"
#include "convene/telechat/series.h"

namespace convene::telechat {

nlohmann::json encode(const Telechat& t);
// Errors: "bad_stored_telechat" (kind internal) naming what is wrong.
Result<Telechat> decode_telechat(const nlohmann::json& j);

nlohmann::json encode(const SeriesSettings& s);
Result<SeriesSettings> decode_series(const nlohmann::json& j);

}  // namespace convene::telechat
