check -I
