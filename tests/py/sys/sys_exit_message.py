import sys
print("about to fail")
sys.exit("fatal: configuration not found")
