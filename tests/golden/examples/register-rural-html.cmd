register --format html -I stdlib examples/rural
