check tests/bad/binary-garbage.tor
