replay --format json -I stdlib examples/rural
