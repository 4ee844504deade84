# lang: user-defined exception classes: hierarchy, extra attributes, custom __str__
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason
class RetryableError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts
    def __str__(self):
        return f"failed after {self.attempts} attempts"
try:
    raise ConfigError("port", "not a number")
except AppError as e:
    print(type(e).__name__, e, e.args, e.key, repr(e))
try:
    raise RetryableError(3)
except AppError as e:
    print(str(e), repr(e), e.args)
print(ConfigError.__mro__)
print(issubclass(ConfigError, Exception), issubclass(RetryableError, ConfigError))
class WithDefault(Exception):
    def __init__(self, message="default message"):
        super().__init__(message)
print(WithDefault(), repr(WithDefault()), WithDefault("custom"))
def handle(exc):
    try:
        raise exc
    except ConfigError:
        return "config"
    except AppError:
        return "app"
    except Exception:
        return "other"
print(handle(ConfigError("a", "b")), handle(RetryableError(1)), handle(ValueError()))
class MultiArg(Exception):
    pass
print(MultiArg(1, 2), repr(MultiArg(1, 2)), str(MultiArg()), repr(MultiArg("x")))
class CustomLookup(KeyError):
    pass
try:
    raise CustomLookup("missing")
except LookupError as e:
    print(type(e).__name__, e)
