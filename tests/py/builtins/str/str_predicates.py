for s in ["abc", "ABC", "Abc", "123", "12.5", "a1", "", " ", "Hello World", "٣", "_x", "x y", "\t"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isupper(), s.islower(), s.isspace(),
          s.istitle(), s.isnumeric(), s.isdecimal(), s.isidentifier(), s.isprintable(), s.isascii())
