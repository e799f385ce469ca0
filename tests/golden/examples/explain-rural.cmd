explain -I stdlib examples/rural/terms-v2.tor
