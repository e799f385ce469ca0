register --format markdown -I stdlib examples/urban
