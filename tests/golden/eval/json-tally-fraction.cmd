eval tests/golden/eval/cluster.tor tests/golden/eval/json-tally-fraction.json
