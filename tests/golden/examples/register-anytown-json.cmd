register --format json -I stdlib examples/anytown
