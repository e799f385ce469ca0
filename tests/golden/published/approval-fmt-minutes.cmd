fmt tests/golden/published/approval.minutes
