fmt tests/golden/eval/casting-declined.minutes
