replay --format text tests/golden/published/approval.tor tests/golden/published/approval-history
