def main():
    try:
        return run()
    finally:
        print("cleanup in finally")
def run():
    raise SystemExit(4)
main()
