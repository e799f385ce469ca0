eval tests/golden/eval/cluster.tor tests/golden/eval/malformed-values.minutes
