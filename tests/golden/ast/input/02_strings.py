a = 'single' "double" '''triple''' """triple double"""
b = r'raw\n' R"raw", rb'raw bytes\x00' BR"x" Rb'y' bR'z'
c = u'unicode' U'upper'
d = b'bytes\x00\xff\n\t\\' b"it's"
e = '\n\t\r\a\b\f\v\\\'\"\0\12\123\x41\u00e9\U0001F600'
f = '\N{BULLET} \N{EM DASH} \N{LATIN SMALL LETTER E WITH ACUTE}'
g = 'unknown \q escape \d'
h = 'line one\
line two'
i = """multi
line
string"""
j = 'a' 'b' \
    'c'
k = ("implicit"
     "concatenation")
l = 'quote " in single', "quote ' in double", 'both \' and "'
m = 'é ü 中文 😀'
n = '\x7f\x80\x9f\xa0\xad'
o = ''
p = b''
