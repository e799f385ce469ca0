#!/bin/sh
# tests/differential/run.sh BUILD [N]: N (default 2000) random meetings judged
# by BUILD/quorate eval and by the reference model (tests/differential/model.py),
# with explain's table of N/4 of their terms and diff's examples of N/4
# amendments; any difference in an outcome, the quorum, the class, a count,
# the casting vote, a votes-needed cell or a diff example is a failure, printed
# with the scenario's files (and saved under build/differential/failures/).  SEED=S repeats a run; DIFF_JOBS=J runs J
# processes at once (default 2).  Ends with "N passed, N failed".
set -u
build=${1:?usage: sh tests/differential/run.sh BUILD [N]}
n=${2:-2000}
if [ ! -f tests/differential/model.py ]; then
	echo "differential: run me from the repository root" >&2
	exit 2
fi
exec python3 tests/differential/gen.py "$build" "$n" ${SEED:+--seed "$SEED"} --jobs "${DIFF_JOBS:-2}"
