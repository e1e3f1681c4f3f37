"""Limits on the size of an input, the same for Python objects and tender files.

A file holding more is refused before it is read (a hostile file stays small); an object
holding more is refused when it is built, so a tender built in Python can always be saved
and read back.
"""

#: Years of the longest study (Study.period), and of the longest service life or interval:
#: a life beyond every study changes nothing but the residual value credited.
MAX_YEARS = 500
#: Hours in a leap year (24 × 366): the most operating hours a year has.
MAX_HOURS_PER_YEAR = 8784.0
#: Characters of a text: a name, a label, a description.
MAX_TEXT = 20_000
#: Values of a per-year sequence (a study has at most 500 years).
MAX_SEQUENCE = 1000
#: Cost items of one alternative.
MAX_ITEMS = 500
#: Alternatives of one tender.
MAX_ALTERNATIVES = 500
#: Parameters in one table of a tender or an assumption set.
MAX_PARAMETERS = 1000
