eval --format json examples/anytown/terms.tor tests/golden/eval/attribute-misspelt.minutes
