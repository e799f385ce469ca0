diff tests/golden/eval/unagreed.tor tests/golden/diff/unagreed-agreed.tor
