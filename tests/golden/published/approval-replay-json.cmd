replay --format json tests/golden/published/approval.tor tests/golden/published/approval-history
