register -I stdlib examples/rural
