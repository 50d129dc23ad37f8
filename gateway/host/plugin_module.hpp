// One plugin module loaded from disk: the dlopen handle, the plugin object it created and
// its manifest. Destroying it destroys the plugin, then unloads the module.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <ehall/plugin.hpp>

namespace ehall {

class PluginModule {
  public:
    // Throws std::runtime_error with a clear reason: missing file, no entry point, ABI
    // version mismatch, id mismatch.
    static std::unique_ptr<PluginModule> load(const std::filesystem::path& file,
                                              const std::string& expected_id);
    ~PluginModule();
    PluginModule(const PluginModule&) = delete;
    PluginModule& operator=(const PluginModule&) = delete;

    Plugin& plugin() { return *plugin_; }
    const Manifest& manifest() const { return manifest_; }

  private:
    PluginModule() = default;

    void* handle_ = nullptr;
    const EhallPluginDescriptor* descriptor_ = nullptr;
    Plugin* plugin_ = nullptr;
    Manifest manifest_;
};

// `<id>.so` in the first of `module_dirs` (':'-separated) that has it; the first directory's
// when none has (load then names that path).
std::filesystem::path find_module_file(const std::filesystem::path& module_dirs,
                                       const std::string& id);

}  // namespace ehall
