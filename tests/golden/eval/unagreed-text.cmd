eval --format text tests/golden/eval/unagreed.tor tests/golden/eval/unagreed.minutes
