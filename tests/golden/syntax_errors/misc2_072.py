a.b.c d
