check tests/bad/only-comments.tor
