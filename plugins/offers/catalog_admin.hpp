// The offer catalog's admin operations (POST /admin/v1/plugins/offers/ops/<name>, audited by
// the host; offer_definition.hpp has the JSON shape of an offer):
//   list                       every offer, highest priority first
//   create  {offer}            a new offer (already_exists when the id is taken)
//   update  {id, changes}      the given keys replace the stored ones (not_found, bad_request)
//   pause   {id} / resume {id} stop / restart pushing and accepting it
#pragma once

#include <ehall/plugin.hpp>

namespace ehall::offers {

std::vector<OperationSpec> catalog_admin_operations();

ServiceResult run_catalog_admin(Store& store, const ServiceRequest& request);

}  // namespace ehall::offers
