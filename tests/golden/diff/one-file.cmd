diff examples/rural/terms-v1.tor
