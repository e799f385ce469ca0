register --format json -I stdlib examples/urban
