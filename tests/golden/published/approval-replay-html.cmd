replay --format html tests/golden/published/approval.tor tests/golden/published/approval-history
