"""Product calculators: ready-made methods for common procurement cases.

Each template turns the figures a buyer and the bidders supply for one product
group into costs the way a published method prescribes (e.g.
:func:`lcc.templates.vehicles.clean_vehicles_directive`, the operational
lifetime cost of Directive 2009/33/EC).
"""
