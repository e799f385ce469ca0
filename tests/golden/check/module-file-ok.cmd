check stdlib/std/majorities.tor
