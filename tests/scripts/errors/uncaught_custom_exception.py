# errors: an uncaught user-defined exception with a multi-argument message
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
class Form:
    def validate(self, data):
        if "email" not in data:
            raise ValidationError("email", "is required")
Form().validate({"name": "x"})
