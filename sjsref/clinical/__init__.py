"""Pure clinical logic: scores, body-surface area, classification, units.

Nothing here imports Qt, the library or the search. Every threshold, point
value, percentage and factor lives once, as a named constant beside the
citation key of its peer-reviewed source (see ``citations``).
"""
