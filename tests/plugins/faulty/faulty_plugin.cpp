// A plugin that misbehaves on request, to show that a throwing or slow operation costs
// only its own request: `boom` throws, `slow` answers after `ms` milliseconds, `never`
// does not answer at all, `echo` returns its parameters.
#include <chrono>
#include <thread>

#include <ehall/plugin.hpp>

namespace {

class FaultyPlugin : public ehall::Plugin {
  public:
    ehall::Manifest manifest() const override {
        ehall::Manifest m;
        m.id = "faulty";
        m.name = "Faulty test plugin";
        m.version = "0.0.1";
        ehall::ParamSpec ms{.name = "ms",
                            .type = ehall::ParamType::integer,
                            .required = false,
                            .label = "delay",
                            .min = 0,
                            .max = 60000};
        ehall::ParamSpec text{.name = "text",
                              .type = ehall::ParamType::text,
                              .required = false,
                              .label = "text",
                              .max_length = 200};
        m.operations = {
            {.name = "boom", .title = "throws", .business = "other", .needs_customer = false},
            {.name = "slow",
             .title = "sleeps",
             .business = "other",
             .params = {ms},
             .needs_customer = false},
            {.name = "never",
             .title = "never answers",
             .business = "other",
             .needs_customer = false},
            {.name = "echo",
             .title = "echoes",
             .business = "other",
             .params = {text},
             .needs_customer = false},
        };
        m.migrations = {
            {1, "CREATE TABLE faulty_calls (id INTEGER PRIMARY KEY, op TEXT NOT NULL)"}};
        return m;
    }

    void start(ehall::PluginContext& context) override {
        for (const auto& [key, value] : context.config().items()) {
            if (key != "greeting" || !value.is_string()) {
                throw std::invalid_argument("unknown key '" + key + "'");
            }
        }
        store_ = &context.store();
    }

    void invoke(const ehall::ServiceRequest& request, Done done) override {
        store_->write([&](ehall::Transaction& tx) {
            tx.execute("INSERT INTO faulty_calls (op) VALUES (?)", {request.operation});
        });
        if (request.operation == "boom")
            throw std::runtime_error("boom, as requested");
        if (request.operation == "slow") {
            std::this_thread::sleep_for(std::chrono::milliseconds(request.params.value("ms", 0)));
            return done(ehall::ServiceResult::ok({{"slept_ms", request.params.value("ms", 0)}}));
        }
        if (request.operation == "never")
            return;  // drops `done`: only the deadline answers
        done(ehall::ServiceResult::ok({{"params", request.params}}));
    }

  private:
    ehall::Store* store_ = nullptr;
};

}  // namespace

EHALL_DEFINE_PLUGIN(FaultyPlugin, "faulty")
