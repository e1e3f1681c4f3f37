"""The ``lcc`` command line.

::

    lcc evaluate TENDER            LCC of every alternative, by category
    lcc compare TENDER             ranking and the NIST measures against the baseline
    lcc sensitivity TENDER KIND    tornado | break-even | monte-carlo | sobol | scenarios
    lcc explain TENDER             the full calculation trace
    lcc report TENDER -o FILE      HTML, Excel or Markdown report
    lcc bid-form TENDER -o FILE    Excel bid form for the bidders
    lcc import-bids TENDER FORM…   read filled bid forms back as alternatives
    lcc calculators [NAME]         the product calculators and their inputs
    lcc schema [WHAT]              the JSON Schema of tender files, or of a command's
                                   JSON output (lcc schema compare)
    lcc portfolio PLAN [ACTION]    follow-up of a procurement plan against its targets

Exit codes: 0 success, 2 bad input (one message per problem on stderr, no
traceback), 1 internal error.
"""

from lcc.cli._main import main

__all__ = ["main"]
