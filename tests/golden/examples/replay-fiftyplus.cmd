replay -I stdlib examples/fiftyplus
