eval --format json -I stdlib examples/anytown/terms.tor examples/anytown/2024-05-14.minutes
