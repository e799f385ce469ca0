eval --format markdown tests/golden/eval/unagreed.tor tests/golden/eval/unagreed.minutes
