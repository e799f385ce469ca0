eval --format json -I stdlib examples/anytown/terms.tor tests/golden/eval/terms-name-misspelt.minutes
