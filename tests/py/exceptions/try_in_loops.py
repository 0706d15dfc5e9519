results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("|")
print(results)
def retry(times):
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < times:
                raise ConnectionError(f"attempt {attempts}")
            return f"succeeded after {attempts}"
        except ConnectionError as e:
            print("retrying:", e)
print(retry(3))
