#include "demo_catalog.hpp"

#include "offer_definition.hpp"

namespace ehall::offers {

namespace {

// DESIGN §3: the 12593 long-distance offer for segment ld_no_12593 and the 3-yuan family
// package, each with a 10% control group.
constexpr const char* kDemoCatalog = R"json(
{
  "offers": [
    {
      "id": "LD12593",
      "title": "12593长途IP优惠",
      "sms_text": "打长途先拨12593，每分钟低至0.1元，回BL LD12593办理",
      "web_text": "拨打国内长途时先拨12593，通话费每分钟低至0.1元，不换号、无月租，办理后即可使用。",
      "segment_tags": ["ld_no_12593"],
      "brands": [],
      "starts_on": "2026-01-01",
      "ends_on": "2027-12-31",
      "priority": 20,
      "target": {"plugin": "offers", "operation": "subscribe_ld", "params": {"product": "12593"}},
      "held_check": "offers.ld_status:subscribed",
      "control_percent": 10
    },
    {
      "id": "FAMILY3",
      "title": "3元亲情包",
      "sms_text": "3元/月亲情包，可设5个亲情号，回BL FAMILY3开通",
      "web_text": "每月3元，最多可设5个本地亲情号码（任意运营商手机或本地固话），每月前50分钟本地互打免费。",
      "segment_tags": [],
      "brands": [],
      "starts_on": "2026-01-01",
      "ends_on": "2027-12-31",
      "priority": 10,
      "target": {"plugin": "family", "operation": "open", "params": {}},
      "held_check": "family.show:packages",
      "control_percent": 10
    }
  ]
}
)json";

}  // namespace

int add_demo_catalog(Store& store, std::int64_t now_ms) {
    return add_missing_offers(store, nlohmann::json::parse(kDemoCatalog), now_ms);
}

}  // namespace ehall::offers
