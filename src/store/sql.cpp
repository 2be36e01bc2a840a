// What the SQL layer shares between backends: transactions and the few
// fragments where the dialects differ.
#include "convene/store/sql.h"

namespace convene::store {

std::string Connection::json_strings() const {
  return dialect() == Dialect::sqlite ? "SELECT value FROM json_each(?)"
                                      : "SELECT json_array_elements_text(CAST(? AS json)) AS value";
}

std::string Connection::insertion_order() const { return dialect() == Dialect::sqlite ? "rowid" : "seq"; }

std::string Connection::skip_locked() const {
  return dialect() == Dialect::sqlite ? "" : " FOR UPDATE SKIP LOCKED";
}

std::string Connection::text_parameter() const {
  return dialect() == Dialect::sqlite ? "CAST(? AS TEXT)" : "CAST(? AS TEXT) COLLATE \"C\"";
}

Transaction::Transaction(Connection& c, bool write) : c_(c) { c_.begin(write); }

Transaction::~Transaction() {
  if (!done_) {
    try {
      c_.exec("ROLLBACK");
    } catch (...) {
    }
  }
}

void Transaction::commit() {
  c_.exec("COMMIT");
  done_ = true;
}

}  // namespace convene::store
