class ConfigError(Exception):
    pass
def read():
    try:
        open("/nonexistent/adder/config.ini")
    except OSError as exc:
        raise ConfigError("cannot read configuration") from exc
read()
