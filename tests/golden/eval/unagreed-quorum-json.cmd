eval --format json tests/golden/eval/unagreed-quorum.tor tests/golden/eval/unagreed-quorum.minutes
