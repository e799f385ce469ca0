eval tests/golden/eval/amendments.tor tests/golden/eval/amendments-early.minutes
