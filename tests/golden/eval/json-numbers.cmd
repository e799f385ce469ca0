eval tests/golden/eval/cluster.tor tests/golden/eval/json-numbers.json
