import json
data = {"name": "adder", "version": [3, 11], "ok": True, "none": None, "pi": 3.14, "nested": {"a": [1, {"b": "c"}]}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(s) == data, json.loads('[1, 2.5, "x", null, true]'), json.dumps("é"), json.dumps("é", ensure_ascii=False))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
