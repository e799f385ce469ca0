check -I stdlib examples/anytown/terms.tor
