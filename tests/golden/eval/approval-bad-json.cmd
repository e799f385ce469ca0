eval tests/golden/published/approval.tor tests/golden/eval/approval-bad.json
