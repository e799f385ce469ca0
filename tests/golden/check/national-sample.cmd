check -I stdlib stdlib/templates/national-sample.tor
