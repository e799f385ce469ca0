replay --format json -I stdlib examples/taf
