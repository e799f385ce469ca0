eval examples/anytown/terms.tor tests/syntax/tally-reversed.minutes
