check tests/syntax/class-no-require.tor
