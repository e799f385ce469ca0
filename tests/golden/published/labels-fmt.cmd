fmt tests/golden/published/labels.tor
