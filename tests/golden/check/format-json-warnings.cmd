check --format json tests/golden/check/fifty-plus-one.tor
