eval --format json tests/golden/eval/amendments.tor tests/golden/eval/amendments-late.json
