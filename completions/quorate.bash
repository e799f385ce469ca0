# bash completion for quorate: subcommands, each command's options, and
# file names of the kinds each command reads.  Installed by `make install`
# as PREFIX/share/bash-completion/completions/quorate (loaded on demand by
# the bash-completion package), or source it from ~/.bashrc.
#
# The commands, options and --format values are read from `quorate help`
# and `quorate help COMMAND`, so this file never falls behind the program.

_quorate_commands()
{
	quorate help 2>/dev/null | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p'
}

# _quorate_files PATTERN: files matching the extended pattern, and directories
_quorate_files()
{
	local IFS=$'\n'
	COMPREPLY+=($(compgen -d -- "$cur"))
	COMPREPLY+=($(compgen -f -X "!$1" -- "$cur"))
}

_quorate()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[1]} usage i positional=0
	COMPREPLY=()
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "$(_quorate_commands) help --help --version" -- "$cur"))
		return
	fi
	if [ "$cmd" = help ]; then
		[ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "$(_quorate_commands)" -- "$cur"))
		return
	fi
	usage=$(quorate help "$cmd" 2>/dev/null) || return
	case $prev in
	-I|--include)
		local IFS=$'\n'
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--format)
		COMPREPLY=($(compgen -W "$(printf '%s\n' "$usage" | sed -n 's/.*--format \([a-z|]*\).*/\1/p' |
			head -n 1 | tr '|' ' ')" -- "$cur"))
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(printf '%s\n' "$usage" | grep -o -- '--[a-z][a-z-]*' | sort -u) -I --help --no-color" -- "$cur"))
		return
	fi
	# which positional argument is this (for eval: terms first, then a record)?
	for ((i = 2; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-I|--include|--format) ((i++)) ;;
		-*) ;;
		*) ((positional++)) ;;
		esac
	done
	shopt -s extglob
	case $cmd in
	check|explain|test|conform) _quorate_files '*.tor' ;;
	eval)
		if [ $positional -eq 0 ]; then _quorate_files '*.tor'; else _quorate_files '*.@(minutes|json)'; fi ;;
	diff) _quorate_files '*.@(tor|minutes|json)' ;;
	replay|register) _quorate_files '*.@(tor|minutes|json)' ;;
	fmt) _quorate_files '*.@(tor|minutes)' ;;
	lsp) ;;
	*) _quorate_files '*' ;;
	esac
}

complete -o filenames -F _quorate quorate
