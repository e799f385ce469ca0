help nothing
