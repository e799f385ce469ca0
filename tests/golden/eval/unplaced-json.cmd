eval --format json -I stdlib examples/anytown/terms.tor tests/regress/misspelt-member/meeting.minutes
