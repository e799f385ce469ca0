replay --format html -I stdlib examples/taf
