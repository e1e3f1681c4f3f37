"""Product calculators: ready-made LCC methods for the product groups procurers evaluate.

Each calculator is a module with the same interface:

- ``alternative(name, **inputs) -> lcc.Alternative`` turns the figures the
  buyer and a bidder supply into cost items (unit counts become
  :attr:`lcc.Alternative.quantity`); unknown, missing, misplaced or invalid
  inputs raise :class:`lcc.LCCError` naming the calculator, the input and
  what was expected; inputs that are multiplied together reach the model as
  an :class:`lcc.Product`, so each may be a :class:`lcc.Parameter`; the
  alternative records the call in :attr:`lcc.Alternative.calculator` (a
  tender file writes it as ``template`` and ``inputs``);
- ``INPUTS``, a tuple of :class:`Input` records: every input with its role
  (buyer or bidder), unit, meaning, source, whether it is required, its
  default, an example, and whether a :class:`lcc.Parameter` is accepted (so
  sensitivity analysis reaches it);
- ``NAME``, ``TITLE`` and ``METHOD`` (the method in words); the title, the
  method and each input's ``label``, ``meaning`` and ``source`` are catalogue
  messages, shown with :func:`lcc._i18n.tr` in the reader's language.

Registry:

- :data:`CALCULATORS` maps each name to its module;
- :func:`get` returns one module by name;
- :func:`list_calculators` returns a table of every calculator's inputs (one
  row per input) for the command line and for bid forms.

The calculators: ``indoor_lighting``, ``street_lighting``, ``dishwasher``,
``fridge_freezer``, ``vehicles`` (also :func:`~lcc.templates.vehicles.clean_vehicles_directive`
and :func:`~lcc.templates.vehicles.vehicle_alternative`), ``it_equipment``,
``pump_motor``, ``reusable_vs_single_use`` and ``refurbished_vs_new``.

Examples
--------
>>> from lcc import templates
>>> templates.get("dishwasher").TITLE
'Dishwashers (household): price, energy and water from the EU energy label'
>>> table = templates.list_calculators()
>>> table[table.calculator == "dishwasher"]["input"].tolist()[:3]
['price', 'energy', 'water']
"""

from lcc.templates._inputs import Input
from lcc.templates._registry import CALCULATORS, COLUMNS, get, list_calculators

__all__ = ["CALCULATORS", "COLUMNS", "Input", "get", "list_calculators"]
