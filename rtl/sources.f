mc_pkg.sv
mc_addr_map.sv
mc_req_queue.sv
mc_timing.sv
mc_refresh.sv
mc_scheduler.sv
mc_rsp_path.sv
mc_top.sv
