check -I stdlib tests/golden/check/context-votes-in-quorum.tor
