# fmt prints the casting word as written: the record comes out byte for byte.
"$QUORATE" fmt tests/regress/fmt-casting-unknown-word/meeting.minutes | cmp - tests/regress/fmt-casting-unknown-word/meeting.minutes && echo "unchanged"
