# Startup benchmark placeholder: bench/run.py measures `-c pass` directly.
pass
