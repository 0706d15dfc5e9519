try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E1, E2) as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
except* (E1, E2) as eg:
    pass
else:
    pass
finally:
    pass
try:
    pass
except E as e:
    raise
except F:
    raise X
except G:
    raise X from Y
