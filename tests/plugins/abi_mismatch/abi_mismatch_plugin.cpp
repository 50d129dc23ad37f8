// A module built for a future plugin ABI: the host must refuse it with a clear log line
// and carry on without it.
#include <ehall/plugin.hpp>

extern "C" __attribute__((visibility("default"))) const EhallPluginDescriptor*
ehall_plugin_entry() {
    static const EhallPluginDescriptor descriptor{EHALL_PLUGIN_ABI_VERSION + 98, "abi_mismatch",
                                                  nullptr, nullptr};
    return &descriptor;
}
