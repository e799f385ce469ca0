# bench/median_cpu.sh: sourced by the benchmark scripts.
#
#   median_cpu DIR RUNS COMMAND...   the median CPU seconds (user + system)
#                                    of RUNS runs of COMMAND (its output and
#                                    status ignored); DIR holds the timings
median_cpu() {
	dir=$1 runs=$2
	shift 2
	r=0
	: > "$dir/times"
	while [ $r -lt "$runs" ]; do
		/usr/bin/time -f '%U %S' -o "$dir/t" "$@" > /dev/null 2>&1 || true
		tail -n 1 "$dir/t" | awk '{ printf "%.3f\n", $1 + $2 }' >> "$dir/times"
		r=$((r + 1))
	done
	sort -n "$dir/times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
