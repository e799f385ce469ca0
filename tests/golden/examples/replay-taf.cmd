replay -I stdlib examples/taf
