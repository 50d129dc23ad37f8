// What the gateway needs of its store beyond the SDK's Store, whichever engine runs it:
// the engine's name, a section no other instance on the same database runs at the same
// time (migrations), and periodic upkeep.
#pragma once

#include <functional>
#include <string_view>

#include <ehall/store.hpp>

namespace ehall {

class HostStore : public Store {
  public:
    virtual std::string_view engine() const = 0;  // "sqlite" or "postgresql"
    // Runs `work` while no other process on this database runs an exclusive section: the
    // first instance to start migrates, the others wait and then find nothing to do.
    virtual void exclusively(const std::function<void()>& work) = 0;
    // Called about once a second by the gateway.
    virtual void upkeep() {}
};

}  // namespace ehall
