register --format markdown -I stdlib examples/fiftyplus
