replay --format json -I stdlib examples/fiftyplus
