# The controller's configuration fields and enum encodings, declared once in
# models/ctrl/controller_fields.json, generated into ${MCKIT_FIELDS_DIR} by
# cmake/generate_fields.py (docs/fields.md):
#   sv/    mc_pkg's enum types and configuration structs, mc_top's cfg_*_i ports and registers
#          (included)
#   ctrl/  ctrl::ControllerParams; the ctrl enums (Scheduler, ..., RowClass) and their names
#   dram/  dram::Command and its names
#   rtl/   a Verilated Vmc_top's cfg ports set from ControllerParams; the waves' config ports
# The target mckit_fields brings them up to date; whatever reads them depends on it.

set(MCKIT_FIELDS_DECLARATION ${PROJECT_SOURCE_DIR}/models/ctrl/controller_fields.json)
set(MCKIT_FIELDS_SCRIPT ${PROJECT_SOURCE_DIR}/cmake/generate_fields.py)
set(MCKIT_FIELDS_DIR ${CMAKE_BINARY_DIR}/generated)
set(MCKIT_FIELDS_OUTPUTS
  ${MCKIT_FIELDS_DIR}/sv/mc_enum_types.svh
  ${MCKIT_FIELDS_DIR}/sv/mc_cfg_types.svh
  ${MCKIT_FIELDS_DIR}/sv/mc_top_cfg_ports.svh
  ${MCKIT_FIELDS_DIR}/sv/mc_top_cfg_regs.svh
  ${MCKIT_FIELDS_DIR}/ctrl/controller_params_struct.h
  ${MCKIT_FIELDS_DIR}/ctrl/encodings.h
  ${MCKIT_FIELDS_DIR}/dram/encodings.h
  ${MCKIT_FIELDS_DIR}/rtl/mc_top_cfg.h
  ${MCKIT_FIELDS_DIR}/rtl/mc_top_cfg_waves.h)

# Verilator reads the RTL when the build is configured (verilate()), so the files must exist
# then (in a build directory made before a file was added too); afterwards the build
# regenerates them whenever the declaration or the script changes.
set(fields_present TRUE)
foreach(output ${MCKIT_FIELDS_DIR}/stamp ${MCKIT_FIELDS_OUTPUTS})
  if(NOT EXISTS ${output})
    set(fields_present FALSE)
  endif()
endforeach()
if(NOT fields_present)
  execute_process(
    COMMAND ${Python3_EXECUTABLE} ${MCKIT_FIELDS_SCRIPT} ${MCKIT_FIELDS_DECLARATION}
            ${MCKIT_FIELDS_DIR}
    RESULT_VARIABLE fields_result)
  if(NOT fields_result EQUAL 0)
    message(FATAL_ERROR "generate_fields.py failed on ${MCKIT_FIELDS_DECLARATION}")
  endif()
  file(TOUCH ${MCKIT_FIELDS_DIR}/stamp)
endif()

# The script leaves a file whose text is unchanged alone (nothing behind it is rebuilt); the
# stamp says when it last ran.
add_custom_command(
  OUTPUT ${MCKIT_FIELDS_DIR}/stamp
  BYPRODUCTS ${MCKIT_FIELDS_OUTPUTS}
  COMMAND ${Python3_EXECUTABLE} ${MCKIT_FIELDS_SCRIPT} ${MCKIT_FIELDS_DECLARATION}
          ${MCKIT_FIELDS_DIR}
  COMMAND ${CMAKE_COMMAND} -E touch ${MCKIT_FIELDS_DIR}/stamp
  DEPENDS ${MCKIT_FIELDS_DECLARATION} ${MCKIT_FIELDS_SCRIPT}
  COMMENT "Generating the controller's configuration fields"
  VERBATIM)
add_custom_target(mckit_fields DEPENDS ${MCKIT_FIELDS_DIR}/stamp)
