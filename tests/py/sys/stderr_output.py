import sys
sys.stderr.write("warning: something\n")
print("stdout line")
sys.stderr.write("final stderr line\n")
