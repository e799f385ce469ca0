eval --format html tests/golden/eval/unagreed.tor tests/golden/eval/unagreed.minutes
