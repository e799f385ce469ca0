check tests/golden/check/dup-setting.tor
