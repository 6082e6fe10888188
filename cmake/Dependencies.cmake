# Finds every library the kit needs; a missing one stops the build with the Debian
# package that provides it (`make deps` installs them all).

function(mckit_missing what package)
  message(FATAL_ERROR "${what} not found: install it with `sudo apt-get install ${package}` "
                      "(or run `make deps`, which installs everything the kit needs)")
endfunction()

find_package(verilator HINTS $ENV{VERILATOR_ROOT} /usr/share/verilator QUIET)
if(NOT verilator_FOUND)
  mckit_missing("Verilator" "verilator")
endif()

# cmake/generate_fields.py writes the controller's configuration code (docs/fields.md).
find_package(Python3 QUIET COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  mckit_missing("Python 3" "python3")
endif()

find_package(PkgConfig QUIET)
if(NOT PKG_CONFIG_FOUND)
  mckit_missing("pkg-config" "pkg-config")
endif()
pkg_check_modules(SYSTEMC QUIET IMPORTED_TARGET systemc)
if(NOT SYSTEMC_FOUND)
  mckit_missing("SystemC (pkg-config 'systemc')" "libsystemc-dev")
endif()
pkg_check_modules(TLM QUIET IMPORTED_TARGET tlm)
if(NOT TLM_FOUND)
  mckit_missing("SystemC TLM-2.0 (pkg-config 'tlm')" "libsystemc-dev")
endif()

# Boost.JSON first ships with Boost 1.75 and boost::unordered_flat_map (the hash maps of the
# device store and the scoreboard) with 1.81; Debian 12's default Boost is 1.74.
find_package(Boost 1.81 QUIET COMPONENTS json)
if(NOT Boost_FOUND)
  mckit_missing("Boost >= 1.81 with Boost.JSON" "libboost1.81-dev libboost-json1.81-dev")
endif()

# zlib inflates gzip-compressed traces and command logs as they are read.
find_package(ZLIB QUIET)
if(NOT ZLIB_FOUND)
  mckit_missing("zlib" "zlib1g-dev")
endif()

find_package(CLI11 QUIET CONFIG)
if(NOT CLI11_FOUND)
  mckit_missing("CLI11" "libcli11-dev")
endif()

find_package(GTest QUIET)
if(NOT GTest_FOUND)
  mckit_missing("GoogleTest" "libgtest-dev")
endif()
include(GoogleTest)

# The wave tests read the dumps back with GTKWave's fst2vcd; `make test` installs it.
find_program(MCKIT_FST2VCD fst2vcd)
if(NOT MCKIT_FST2VCD)
  message(WARNING "fst2vcd not found: the wave tests (test_rtl_waves) need it: install it with "
                  "`sudo apt-get install gtkwave` (or run `make test`, which installs it)")
endif()
