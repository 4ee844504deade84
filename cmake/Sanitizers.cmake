# Build system: CHAIPY_SANITIZE turns on GCC sanitizers for every target (compile and link).
if(NOT CHAIPY_SANITIZE)
  return()
endif()

if(NOT CHAIPY_SANITIZE MATCHES "^(address,undefined|undefined,address|address|undefined|thread)$")
  message(FATAL_ERROR "CHAIPY_SANITIZE='${CHAIPY_SANITIZE}': use address,undefined or thread "
                      "(ThreadSanitizer cannot be combined with AddressSanitizer)")
endif()

message(STATUS "chaipy: building with -fsanitize=${CHAIPY_SANITIZE}")
# Recovery off: a sanitizer report must fail the test that triggered it, not scroll past.
add_compile_options(-fsanitize=${CHAIPY_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=${CHAIPY_SANITIZE})
