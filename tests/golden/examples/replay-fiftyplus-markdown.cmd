replay --format markdown -I stdlib examples/fiftyplus
