eval tests/golden/eval/versions.tor tests/golden/eval/versions.minutes
