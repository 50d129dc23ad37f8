// The smallest complete ehall plugin: id `hello`, operation `greet` (no customer needed,
// parameter `name`), SMS keyword NH, offered on every channel. It keeps one setting in a
// table of its own, changed by ops through its admin operation `set_greeting`.
#include <ehall/clock.hpp>
#include <ehall/plugin.hpp>
#include <ehall/store.hpp>

namespace {

using namespace ehall;

const char* const kSchema = R"sql(
CREATE TABLE hello_greeting (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    text TEXT NOT NULL,
    changed_at_ms INTEGER NOT NULL
);
)sql";

class HelloPlugin : public SyncPlugin {
  public:
    Manifest manifest() const override {
        Manifest m;
        m.id = "hello";
        m.name = "问候";
        m.version = "1.0.0";
        m.operations = {
            {.name = "greet",
             .title = "问候",
             .business = "other",
             .params =
                 {{.name = "name", .type = ParamType::text, .label = "姓名", .max_length = 20}},
             .needs_customer = false,
             .reads_only = true,
             .sms_keywords = {"NH", "你好"},
             .sms_reply = "{{greeting}}"}};
        m.admin_operations = {
            {.name = "set_greeting",
             .title = "修改问候语",
             .params =
                 {{.name = "text", .type = ParamType::text, .label = "问候语", .max_length = 20}},
             .changes_state = true}};
        m.labels = {{"greeting", "问候语"}};
        m.migrations = {{1, kSchema}};
        return m;
    }

    void start(PluginContext& context) override {
        if (!context.config().empty())
            throw std::invalid_argument("takes no settings");
        store_ = &context.store();
    }

    ServiceResult run(const ServiceRequest& request) override {
        std::string greeting = "你好";
        store_->read([&](Transaction& tx) {
            auto rows = tx.query("SELECT text FROM hello_greeting WHERE id = 1", {});
            if (!rows.empty())
                greeting = rows.front().text("text");
        });
        return ServiceResult::ok(
            {{"greeting", greeting + "，" + request.params["name"].get<std::string>() + "！"}});
    }

    void invoke_admin(const ServiceRequest& request, Done done) override {
        const std::string text = request.params["text"].get<std::string>();
        store_->write([&](Transaction& tx) {
            tx.execute(
                "INSERT INTO hello_greeting (id, text, changed_at_ms) VALUES (1, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET text = excluded.text, "
                "changed_at_ms = excluded.changed_at_ms",
                {text, now_ms()});
        });
        done(ServiceResult::ok({{"greeting", text}}));
    }

  private:
    Store* store_ = nullptr;
};

}  // namespace

EHALL_DEFINE_PLUGIN(HelloPlugin, "hello")
