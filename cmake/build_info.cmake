# Writes build_info.hpp from build_info.hpp.in with the current git revision. Runs at every build
# (target unrest_build_info), and rewrites the header only when its content changes, so that the
# revision in `unrest --version` and in every manifest is the one built, not the one configured.
# Inputs: SOURCE_DIR, INPUT, OUTPUT, GIT_EXECUTABLE, PROJECT_VERSION, CMAKE_BUILD_TYPE,
# CMAKE_CXX_COMPILER_ID, CMAKE_CXX_COMPILER_VERSION, UNREST_BUILD_FLAGS.
set(UNREST_GIT_REVISION "unknown")
if(GIT_EXECUTABLE)
    execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --abbrev=12
                    WORKING_DIRECTORY ${SOURCE_DIR}
                    OUTPUT_VARIABLE _rev OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                    RESULT_VARIABLE _rc)
    if(_rc EQUAL 0 AND _rev)
        set(UNREST_GIT_REVISION "${_rev}")
    endif()
endif()
configure_file(${INPUT} ${OUTPUT}.new @ONLY)
file(READ ${OUTPUT}.new _new)
set(_old "")
if(EXISTS ${OUTPUT})
    file(READ ${OUTPUT} _old)
endif()
if(NOT _new STREQUAL _old)
    file(RENAME ${OUTPUT}.new ${OUTPUT})
else()
    file(REMOVE ${OUTPUT}.new)
endif()
