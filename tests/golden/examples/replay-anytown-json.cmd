replay --format json -I stdlib examples/anytown
