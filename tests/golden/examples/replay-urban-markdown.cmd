replay --format markdown -I stdlib examples/urban
