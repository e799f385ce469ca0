replay --format markdown -I stdlib examples/taf
