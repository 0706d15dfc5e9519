try:
  pass
except
