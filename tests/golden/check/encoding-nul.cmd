check tests/golden/check/encoding-nul.tor
