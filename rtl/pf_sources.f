mc_pkg.sv
mc_prio_enc.sv
pf_lru.sv
pf_cam.sv
pf_cand_fifo.sv
