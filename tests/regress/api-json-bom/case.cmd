eval -I stdlib tests/regress/api-json-bom/terms.tor tests/regress/api-json-bom/meeting.json
