eval tests/golden/eval/cluster.tor tests/golden/eval/consensus-objection.minutes
