// libFuzzer's driver, linked in by `-sanitize=fuzzer` (Scripts/fuzz); declared here so that a Swift `main` can run
// it, because SwiftPM gives every executable its own `main`. Only the FUZZING build of assay-fuzz calls it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
