check tests/golden/check/fixit-glued.tor
