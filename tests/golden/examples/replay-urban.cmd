replay -I stdlib examples/urban
