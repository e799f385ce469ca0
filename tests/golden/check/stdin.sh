# `-` reads standard input; diagnostics name it <stdin>.
"$QUORATE" check - < tests/golden/check/dup-role.tor
