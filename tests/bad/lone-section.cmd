check tests/bad/lone-section.tor
