eval tests/golden/eval/cluster.tor tests/golden/eval/notice.minutes
