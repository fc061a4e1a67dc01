"""The base of every configuration schema: unknown fields are errors, text is trimmed.

A typo in a municipality or norms file ("telefoon" for "phone") must stop start-up, not be
silently ignored."""

from pydantic import BaseModel, Extra


class Strict(BaseModel):
    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True
