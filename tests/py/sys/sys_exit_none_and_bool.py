import sys
print("exiting with True")
raise SystemExit(True)
