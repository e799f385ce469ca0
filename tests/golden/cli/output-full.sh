# Output is complete or the run fails: every command whose standard output
# cannot be written (/dev/full: "no space left on device") exits 2 with
# "cannot write the output", whatever it would have said otherwise.
full() {
	"$QUORATE" "$@" >/dev/full 2>"$CASE_TMP/err"
	st=$?
	echo "$* -> exit $st: $(grep -c 'cannot write the output' "$CASE_TMP/err") message"
}
full --version
full --help
full check --help
full check examples/anytown/terms.tor
full check --format json examples/anytown/terms.tor
full explain examples/anytown/terms.tor
full explain --format json examples/anytown/terms.tor
full eval examples/anytown/terms.tor examples/anytown/2024-05-14.minutes
full eval --format html examples/anytown/terms.tor examples/anytown/2024-05-14.minutes
full diff examples/rural/terms-v1.tor examples/rural/terms-v2.tor
full test examples/anytown/terms.tor
full fmt examples/anytown/terms.tor
full replay examples/rural
full replay --format json examples/rural
full replay --format markdown examples/rural
full replay --format html examples/rural
full replay --summary examples/rural
