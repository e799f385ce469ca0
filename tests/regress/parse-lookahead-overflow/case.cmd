check tests/regress/parse-lookahead-overflow/terms.tor
