eval --format json tests/golden/eval/cluster.tor tests/golden/eval/smaller-truths.minutes
