diff examples/rural/terms-v1.tor examples/rural/terms-v2.tor --history
