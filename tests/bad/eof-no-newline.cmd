check tests/bad/eof-no-newline.tor
