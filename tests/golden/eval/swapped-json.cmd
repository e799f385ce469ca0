eval -I stdlib examples/json/anytown-2024-05-14.json examples/anytown/terms.tor
