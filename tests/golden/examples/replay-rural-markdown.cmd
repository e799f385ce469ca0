replay --format markdown -I stdlib examples/rural
