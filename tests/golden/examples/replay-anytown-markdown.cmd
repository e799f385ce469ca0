replay --format markdown -I stdlib examples/anytown
