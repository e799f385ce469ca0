check tests/golden/check/meeting-record.tor
