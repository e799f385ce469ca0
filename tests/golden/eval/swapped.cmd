eval -I stdlib examples/anytown/2024-05-14.minutes examples/anytown/terms.tor
