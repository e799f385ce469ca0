check tests/golden/check/threshold-over-100.tor
