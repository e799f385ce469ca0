register --format markdown -I stdlib examples/anytown
