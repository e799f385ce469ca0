check -I stdlib tests/golden/check/module-file-errors.tor
