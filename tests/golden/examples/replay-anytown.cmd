replay -I stdlib examples/anytown
