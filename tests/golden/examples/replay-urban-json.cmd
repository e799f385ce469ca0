replay --format json -I stdlib examples/urban
