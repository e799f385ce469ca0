register -I stdlib examples/anytown
