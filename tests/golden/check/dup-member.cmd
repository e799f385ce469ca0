check tests/golden/check/dup-member.tor
