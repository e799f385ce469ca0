diff --bogus a b
