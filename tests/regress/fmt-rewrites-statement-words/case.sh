# fmt prints the words as written: the record comes out byte for byte.
"$QUORATE" fmt tests/regress/fmt-rewrites-statement-words/meeting.minutes | cmp - tests/regress/fmt-rewrites-statement-words/meeting.minutes && echo "unchanged"
