eval --format json tests/golden/eval/unagreed.tor tests/golden/eval/unagreed.minutes
