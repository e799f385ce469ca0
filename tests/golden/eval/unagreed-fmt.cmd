fmt tests/golden/eval/unagreed.tor
