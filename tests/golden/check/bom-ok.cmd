check -I stdlib tests/golden/check/bom-ok.tor
