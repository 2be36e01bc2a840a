# convene_add_test(NAME SOURCES... LIBS ... [POSTGRESQL_ONLY] [PREFIX p] [COST c]):
# one GoogleTest binary, registered with CTest (POSTGRESQL_ONLY: only its
# PostgreSQL run, see convene_add_postgresql_variant; PREFIX: CTest names
# start with p, e.g. "agenda.", so that `ctest -R agenda` finds them; COST:
# CTest's COST of each of its tests, in both runs, so that `ctest -j` starts
# a slow binary first even in a clean clone, which has no timings yet).
# Tests run from the repository root so they can reach ../shared/data as ${CONVENE_SHARED}.
#
# With CONVENE_TEST_PER_BINARY (scripts/test.sh, CI) a binary is one CTest
# test, named PREFIX + NAME (and "postgresql." + NAME), that runs all of its
# cases in one process; otherwise each case is a CTest test of its own, for
# `ctest -R Case` at a desk. A process per case cost 0.2 s of start and exit
# on the plain build and 0.35 s under ASan, for 920 cases.
option(CONVENE_TEST_PER_BINARY "Register each GoogleTest binary as one CTest test, not one per case" OFF)

# convene_register_tests(NAME PREFIX COST [properties...]): NAME's tests in
# CTest, one per case or one for the binary (CONVENE_TEST_PER_BINARY).
function(convene_register_tests name prefix cost)
  if(CONVENE_TEST_PER_BINARY)
    add_test(NAME ${prefix}${name} COMMAND ${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(${prefix}${name} PROPERTIES COST ${cost} ${ARGN})
  else()
    gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60
      TEST_PREFIX "${prefix}" PROPERTIES COST ${cost} ${ARGN})
  endif()
endfunction()

function(convene_add_test name)
  cmake_parse_arguments(T "POSTGRESQL_ONLY" "PREFIX;COST" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE
    CONVENE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    CONVENE_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  set(cost 0)
  if(T_COST)
    set(cost ${T_COST})
  endif()
  set_property(TARGET ${name} PROPERTY CONVENE_TEST_COST ${cost})
  if(T_POSTGRESQL_ONLY)
    convene_add_postgresql_variant(${name})
  else()
    convene_register_tests(${name} "${T_PREFIX}" ${cost})
  endif()
endfunction()

# convene_add_postgresql_variant(NAME): registers test binary NAME's tests a
# second time, prefixed "postgresql.", on PostgreSQL (CONVENE_TEST_BACKEND,
# convene/testing/test_database.h): a throwaway server started by the CTest
# fixture `postgres` (scripts/pg-cluster.sh) and stopped after the last of
# them, whatever happens.
function(convene_add_postgresql_variant name)
  get_property(cost TARGET ${name} PROPERTY CONVENE_TEST_COST)
  if(NOT cost)
    set(cost 0)
  endif()
  convene_register_tests(${name} "postgresql." ${cost}
    ENVIRONMENT CONVENE_TEST_BACKEND=postgresql FIXTURES_REQUIRED postgres LABELS postgresql)
endfunction()
