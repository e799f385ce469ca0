check tests/golden/published/approval-errors.tor
