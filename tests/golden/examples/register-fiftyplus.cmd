register -I stdlib examples/fiftyplus
