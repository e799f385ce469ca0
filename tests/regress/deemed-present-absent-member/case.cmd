eval -I stdlib tests/regress/deemed-present-absent-member/terms.tor tests/regress/deemed-present-absent-member/meeting.minutes
