#include "tlm/payload_pool.h"

namespace mckit::tlm_models {

tlm::tlm_generic_payload* PayloadPool::acquire() {
  Entry* e;
  if (free_.empty()) {
    all_.push_back(std::make_unique<Entry>(this, data_bytes_));
    e = all_.back().get();
  } else {
    e = free_.back();
    free_.pop_back();
  }
  e->set_data_ptr(e->data.data());
  e->set_data_length(unsigned(data_bytes_));
  e->set_streaming_width(unsigned(data_bytes_));
  e->set_byte_enable_ptr(nullptr);
  e->set_byte_enable_length(0);
  e->set_dmi_allowed(false);
  e->set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  e->acquire();
  return e;
}

unsigned char* PayloadPool::use_byte_enables(tlm::tlm_generic_payload* payload) {
  Entry* e = static_cast<Entry*>(payload);
  e->set_byte_enable_ptr(e->byte_enables.data());
  e->set_byte_enable_length(unsigned(e->byte_enables.size()));
  return e->byte_enables.data();
}

void PayloadPool::free(tlm::tlm_generic_payload* payload) {
  payload->reset();  // drops extensions
  free_.push_back(static_cast<Entry*>(payload));
}

}  // namespace mckit::tlm_models
