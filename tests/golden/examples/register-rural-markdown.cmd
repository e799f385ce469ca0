register --format markdown -I stdlib examples/rural
