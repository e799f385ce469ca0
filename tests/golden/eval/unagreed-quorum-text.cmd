eval --format text tests/golden/eval/unagreed-quorum.tor tests/golden/eval/unagreed-quorum.minutes
