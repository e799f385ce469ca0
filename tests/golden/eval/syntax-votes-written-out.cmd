eval examples/anytown/terms.tor tests/syntax/votes-written-out.minutes
