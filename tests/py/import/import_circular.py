import _circular_a
print(_circular_a.use_b(), _circular_a._circular_b.use_a())
