eval tests/golden/published/approval.tor tests/golden/published/approval-errors.minutes
