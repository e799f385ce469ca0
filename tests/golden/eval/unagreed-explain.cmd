explain tests/golden/eval/unagreed.tor
