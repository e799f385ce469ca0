explain tests/golden/published/approval.tor
