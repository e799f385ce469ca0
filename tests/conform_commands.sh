# tests/conform_commands.sh: the `quorate conform` runs of the reliability
# scripts (tests/alloc_sweep.sh, tests/valgrind.sh), each given to their
# `add`: a health board's model against clusters in every format, --exact,
# a search cut short by its bound, the national sample's model, and a
# conflicted member's vote counted locally (its meeting is looked for apart).
# Sourced from the repository root.

conform_commands() {
	[ -f examples/board/model.tor ] || return 0
	for f in text markdown json; do
		add conform --format $f -I stdlib --model examples/board/model.tor examples/anytown/terms.tor examples/urban/terms-v2.tor
	done
	add conform --exact -I stdlib --model examples/board/model.tor examples/fiftyplus/terms-v2.tor
	add conform --bound=1000 -I stdlib --model examples/board/model.tor examples/rural/terms-v2.tor
	add conform -I stdlib --model stdlib/models/national-sample.tor examples/rural/terms-v1.tor
	add conform --model tests/golden/conform/board-model.tor tests/golden/conform/conflicted-votes.tor
}
