register -I stdlib examples/taf
