diff --format json -I stdlib examples/fiftyplus/terms-v1.tor examples/fiftyplus/terms-v2.tor --history examples/fiftyplus/minutes
