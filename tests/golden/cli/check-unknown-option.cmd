check --frobnicate tests/golden/check/defaults.tor
