register -I stdlib examples/urban
