explain -I stdlib examples/taf/terms.tor
