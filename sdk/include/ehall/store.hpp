// The store's SQL surface as plugins and gateway modules see it: transactions over rows
// of typed values. Pure virtual so a plugin module uses it without linking the host, and
// so the SQLite store can be swapped for another engine (DESIGN §9).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ehall {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using SqlParams = std::vector<SqlValue>;

// Thrown by the store. `constraint` is set when a UNIQUE/CHECK/FK constraint refused the
// statement (e.g. a repeated idempotency key), so callers can tell it from a broken disk.
class StoreError : public std::runtime_error {
  public:
    StoreError(const std::string& what, bool constraint)
        : std::runtime_error(what), constraint_(constraint) {}
    bool constraint() const noexcept { return constraint_; }

  private:
    bool constraint_;
};

class Row {
  public:
    Row(std::shared_ptr<const std::vector<std::string>> names, std::vector<SqlValue> values)
        : names_(std::move(names)), values_(std::move(values)) {}

    bool is_null(std::string_view column) const {
        return std::holds_alternative<std::nullptr_t>(at(column));
    }
    std::int64_t integer(std::string_view column) const {
        const SqlValue& v = at(column);
        if (auto* i = std::get_if<std::int64_t>(&v))
            return *i;
        if (auto* d = std::get_if<double>(&v))
            return static_cast<std::int64_t>(*d);
        if (std::holds_alternative<std::nullptr_t>(v))
            return 0;
        throw StoreError("column " + std::string(column) + " is not an integer", false);
    }
    std::string text(std::string_view column) const {
        const SqlValue& v = at(column);
        if (auto* s = std::get_if<std::string>(&v))
            return *s;
        if (auto* i = std::get_if<std::int64_t>(&v))
            return std::to_string(*i);
        if (auto* d = std::get_if<double>(&v))
            return std::to_string(*d);
        return {};
    }
    const SqlValue& at(std::string_view column) const {
        for (std::size_t i = 0; i < names_->size(); ++i) {
            if ((*names_)[i] == column)
                return values_[i];
        }
        throw StoreError("no column " + std::string(column) + " in result", false);
    }

  private:
    std::shared_ptr<const std::vector<std::string>> names_;
    std::vector<SqlValue> values_;
};

using Rows = std::vector<Row>;

// One open transaction. Statements use positional `?` parameters; never build SQL from
// input.
class Transaction {
  public:
    virtual ~Transaction() = default;
    virtual Rows query(std::string_view sql, const SqlParams& params = {}) = 0;
    // Returns the number of rows changed.
    virtual std::int64_t execute(std::string_view sql, const SqlParams& params = {}) = 0;
    virtual std::int64_t last_insert_id() = 0;
};

class Store {
  public:
    virtual ~Store() = default;
    // Runs `work` in a read transaction (a consistent snapshot).
    virtual void read(const std::function<void(Transaction&)>& work) = 0;
    // Runs `work` in a write transaction; when write() returns, the transaction is committed
    // durably. If `work` throws, everything it did is rolled back and the exception passes on.
    virtual void write(const std::function<void(Transaction&)>& work) = 0;
};

}  // namespace ehall
