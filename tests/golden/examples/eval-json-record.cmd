eval -I stdlib examples/anytown/terms.tor examples/json/anytown-2024-05-14.json
