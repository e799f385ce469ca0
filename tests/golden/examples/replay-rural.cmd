replay -I stdlib examples/rural
