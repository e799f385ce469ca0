/*
** quorate eval TERMS MEETING: placeholder until the evaluator lands.
*/
#include "cli/cli.h"

int cmd_eval(struct cli *c, int argc, char **argv)
{
	(void)c; (void)argc; (void)argv;
	return EXIT_BAD_INPUT;
}
