// The directory's use cases: the secretariat keeps areas and groups; anyone
// reads them. Each runs in the caller's transaction and records its audit
// entry through the Auditor it is given.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "convene/audit/audit.h"
#include "convene/auth/auth.h"
#include "convene/directory/directory.h"

namespace convene {

// Creates or updates area `a` (check_area). Errors: forbidden (not the
// secretariat), bad_value. Records "area.save" on "area:<acronym>".
Result<Area> save_area(DirectoryRepository& directory, const Auditor& audit, const Person& who, const Area& a);

// Creates or updates group `g` (check_group against the stored areas).
// Errors: forbidden (not the secretariat), bad_value. Records "group.save"
// on "group:<acronym>".
Result<Group> save_group(DirectoryRepository& directory, const Auditor& audit, const Person& who, const Group& g);

// The group with `acronym`, or group_unknown (not found).
Result<Group> find_group(DirectoryRepository& directory, const std::string& acronym);

// JSON: the API's shapes, and their strict readers (json_fields codes:
// missing_field, bad_type, bad_value). The readers check the rules that need
// no stored data.
nlohmann::json to_json(const Group& g);
nlohmann::json to_json(const Area& a);
Result<Group> group_from_json(const nlohmann::json& body);
Result<Area> area_from_json(const nlohmann::json& body);

}  // namespace convene
