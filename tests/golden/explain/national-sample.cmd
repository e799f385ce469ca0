explain -I stdlib stdlib/templates/national-sample.tor
