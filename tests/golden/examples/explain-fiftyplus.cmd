explain -I stdlib examples/fiftyplus/terms-v2.tor
