eval --format json tests/golden/eval/cluster.tor tests/golden/eval/not-in-force.minutes
