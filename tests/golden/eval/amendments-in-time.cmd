eval tests/golden/eval/amendments.tor tests/golden/eval/amendments-in-time.minutes
