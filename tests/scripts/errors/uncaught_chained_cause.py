# errors: traceback chaining for `raise ... from ...` (explicit cause)
class ConfigError(Exception):
    pass
def parse_port(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ConfigError(f"bad port {text!r}") from exc
parse_port("80")
parse_port("eighty")
