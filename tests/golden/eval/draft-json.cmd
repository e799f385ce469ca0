eval --format json tests/golden/eval/draft.tor tests/golden/eval/draft.minutes
