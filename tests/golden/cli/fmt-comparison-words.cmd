fmt tests/golden/cli/fmt-comparison-words.tor
