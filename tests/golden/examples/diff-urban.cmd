diff -I stdlib examples/urban/terms-v1.tor examples/urban/terms-v2.tor --history examples/urban/minutes
