explain --format json -I stdlib examples/rural/terms-v2.tor
