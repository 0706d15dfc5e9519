import time, datetime
t0 = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - t0 >= 0.005, isinstance(time.time(), float), time.monotonic() > 0)
d = datetime.date(2024, 2, 28) + datetime.timedelta(days=2)
print(d, d.weekday(), d.isoformat(), datetime.datetime(2020, 1, 1, 12, 30).strftime("%Y/%m/%d %H:%M"))
print(datetime.timedelta(hours=25, minutes=3), datetime.date(2024, 1, 1) < datetime.date(2024, 1, 2))
