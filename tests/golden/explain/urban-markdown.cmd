explain --format markdown -I stdlib examples/urban/terms-v2.tor
