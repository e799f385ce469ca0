check tests/bad/odd-dates.tor
