#include "gateway/host/start_order.hpp"

#include <algorithm>
#include <cassert>

#include "gateway/config/config.hpp"

namespace ehall {

namespace {

enum class Mark { unvisited, visiting, done };

class Ordering {
  public:
    explicit Ordering(const std::vector<PluginDependencies>& plugins)
        : plugins_(plugins), marks_(plugins.size(), Mark::unvisited) {}

    std::vector<std::size_t> run() {
        for (std::size_t i = 0; i < plugins_.size(); ++i)
            visit(i);
        assert(order_.size() == plugins_.size());
        return order_;
    }

  private:
    std::size_t index_of(const std::string& id) const {
        auto it = std::find_if(plugins_.begin(), plugins_.end(),
                               [&](const PluginDependencies& p) { return p.id == id; });
        return static_cast<std::size_t>(it - plugins_.begin());
    }

    // Depth first; `path_` holds the plugins being visited, to name a cycle.
    void visit(std::size_t i) {
        if (marks_[i] == Mark::done)
            return;
        if (marks_[i] == Mark::visiting) {
            std::string cycle;
            auto from = std::find(path_.begin(), path_.end(), i);
            for (auto it = from; it != path_.end(); ++it)
                cycle.append(plugins_[*it].id).append(" -> ");
            throw ConfigError(
                "config key 'plugins.modules': plugins depend on each other in a "
                "cycle: " +
                cycle + plugins_[i].id);
        }
        marks_[i] = Mark::visiting;
        path_.push_back(i);
        for (const auto& dependency : plugins_[i].depends_on) {
            std::size_t d = index_of(dependency);
            if (d == plugins_.size()) {
                throw ConfigError("config key 'plugins.modules': plugin " + plugins_[i].id +
                                  " depends on " + dependency + ", which is not loaded");
            }
            visit(d);
        }
        path_.pop_back();
        marks_[i] = Mark::done;
        order_.push_back(i);
    }

    const std::vector<PluginDependencies>& plugins_;
    std::vector<Mark> marks_;
    std::vector<std::size_t> path_;
    std::vector<std::size_t> order_;
};

}  // namespace

std::vector<std::size_t> start_order(const std::vector<PluginDependencies>& plugins) {
    return Ordering(plugins).run();
}

}  // namespace ehall
