eval tests/golden/eval/parentheses.tor tests/golden/eval/parentheses.minutes
