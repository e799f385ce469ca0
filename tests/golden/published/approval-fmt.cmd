fmt tests/golden/published/approval.tor
