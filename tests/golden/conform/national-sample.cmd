conform -I stdlib --model stdlib/models/national-sample.tor examples/anytown/terms.tor examples/rural/terms-v2.tor examples/urban/terms-v2.tor examples/fiftyplus/terms-v2.tor
