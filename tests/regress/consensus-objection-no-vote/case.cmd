eval -I stdlib tests/regress/consensus-objection-no-vote/terms.tor tests/regress/consensus-objection-no-vote/meeting.minutes
