def json_schema(kind: str = "tender") -> dict:  # placeholder
    return {}
