diff --format json -I stdlib examples/rural/terms-v1.tor examples/rural/terms-v2.tor --history examples/rural/minutes
