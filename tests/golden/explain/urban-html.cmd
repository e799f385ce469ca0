explain --format html -I stdlib examples/urban/terms-v2.tor
