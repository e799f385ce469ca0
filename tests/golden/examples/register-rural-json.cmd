register --format json -I stdlib examples/rural
