register --format json -I stdlib examples/fiftyplus
