explain -I stdlib examples/anytown/terms.tor
