eval tests/golden/eval/amendments.tor tests/golden/eval/amendments-late.minutes
