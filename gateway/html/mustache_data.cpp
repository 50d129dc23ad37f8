#include "gateway/html/mustache_data.hpp"

namespace ehall {

namespace mustache = kainjow::mustache;

mustache::data to_mustache_data(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data object{mustache::data::type::object};
            for (const auto& [key, item] : value.items())
                object.set(key, to_mustache_data(item));
            return object;
        }
        case nlohmann::json::value_t::array: {
            mustache::data list{mustache::data::type::list};
            for (const auto& item : value)
                list.push_back(to_mustache_data(item));
            return list;
        }
        case nlohmann::json::value_t::string:
            // As in mustache.js, an empty string is false to a section: `{{#flash}}<p
            // class="notice">{{flash}}</p>{{/flash}}` shows no empty box. As a variable a
            // false renders nothing, like the empty string it stands for.
            if (value.get_ref<const std::string&>().empty())
                return mustache::data(false);
            return mustache::data(value.get<std::string>());
        case nlohmann::json::value_t::boolean:
            return mustache::data(value.get<bool>());
        case nlohmann::json::value_t::null:
        case nlohmann::json::value_t::discarded:
            return mustache::data(false);
        default:
            return mustache::data(value.dump());
    }
}

}  // namespace ehall
