check --strict -I stdlib examples/anytown/terms.tor
