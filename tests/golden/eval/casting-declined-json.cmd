eval --format json tests/golden/eval/cluster.tor tests/golden/eval/casting-declined.json
