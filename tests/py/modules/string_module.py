import string
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits)
t = string.Template("$who likes ${what}")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(string.capwords("hello   world foo"))
