#include "gateway/journal/journal_sink.hpp"

namespace ehall {

InteractionLine interaction_line_of(const Row& row) {
    InteractionLine line{.ts_ms = row.integer("ts_ms"),
                         .channel = row.text("channel"),
                         .plugin = row.text("plugin"),
                         .operation = row.text("operation"),
                         .outcome = row.text("outcome"),
                         .code = row.text("code"),
                         .amount_fen = {},
                         .request_id = row.text("request_id")};
    if (!row.is_null("amount_fen"))
        line.amount_fen = row.integer("amount_fen");
    return line;
}

}  // namespace ehall
