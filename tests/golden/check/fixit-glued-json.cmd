check --format json tests/golden/check/fixit-glued.tor
