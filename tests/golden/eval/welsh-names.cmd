eval tests/golden/eval/welsh-names.tor tests/golden/eval/welsh-names.minutes
