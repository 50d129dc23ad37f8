#include "gateway/host/plugin_module.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace ehall {

std::unique_ptr<PluginModule> PluginModule::load(const std::filesystem::path& file,
                                                 const std::string& expected_id) {
    std::unique_ptr<PluginModule> module(new PluginModule);
    // RTLD_LOCAL keeps each module's symbols to itself; RTLD_NOW fails at load, not mid-request.
    module->handle_ = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module->handle_) {
        const char* why = dlerror();
        throw std::runtime_error("cannot load " + file.string() + ": " + (why ? why : "unknown"));
    }
    auto entry =
        reinterpret_cast<EhallPluginEntry>(dlsym(module->handle_, EHALL_PLUGIN_ENTRY_SYMBOL));
    if (!entry) {
        throw std::runtime_error(file.string() + " exports no " EHALL_PLUGIN_ENTRY_SYMBOL);
    }
    const EhallPluginDescriptor* descriptor = entry();
    if (!descriptor)
        throw std::runtime_error(file.string() + " returned no descriptor");
    // Only the version is read before it is checked: the rest of the layout may differ.
    if (descriptor->abi_version != EHALL_PLUGIN_ABI_VERSION) {
        throw std::runtime_error(file.string() + " was built for plugin ABI version " +
                                 std::to_string(descriptor->abi_version) + ", this host has " +
                                 std::to_string(EHALL_PLUGIN_ABI_VERSION) + "; rebuild it");
    }
    if (!descriptor->id || expected_id != descriptor->id) {
        throw std::runtime_error(file.string() + " holds plugin '" +
                                 (descriptor->id ? descriptor->id : "") + "', expected '" +
                                 expected_id + "'");
    }
    module->descriptor_ = descriptor;
    module->plugin_ = descriptor->create();
    if (!module->plugin_)
        throw std::runtime_error(file.string() + " created no plugin");
    module->manifest_ = module->plugin_->manifest();
    if (module->manifest_.id != expected_id) {
        throw std::runtime_error(file.string() + " manifest id '" + module->manifest_.id +
                                 "' differs from '" + expected_id + "'");
    }
    return module;
}

PluginModule::~PluginModule() {
    if (plugin_ && descriptor_)
        descriptor_->destroy(plugin_);
    if (handle_)
        dlclose(handle_);
}

std::filesystem::path find_module_file(const std::filesystem::path& module_dirs,
                                       const std::string& id) {
    const std::string dirs = module_dirs.string();
    std::size_t start = 0;
    std::filesystem::path first;
    while (start <= dirs.size()) {
        std::size_t colon = dirs.find(':', start);
        if (colon == std::string::npos)
            colon = dirs.size();
        std::filesystem::path candidate =
            std::filesystem::path(dirs.substr(start, colon - start)) / (id + ".so");
        if (first.empty())
            first = candidate;
        if (std::filesystem::exists(candidate))
            return candidate;
        start = colon + 1;
    }
    return first;
}

}  // namespace ehall
