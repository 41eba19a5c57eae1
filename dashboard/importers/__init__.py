"""Importers for the public North Korean missile test databases.

Each external format has a pure `parse(path) -> Copy` module (`cns`, `nagix`) that turns one
row per missile into `Missile` facts: KST date and time, site, class, name, apogee, range,
bearing, landing area, outcome, confirmation. Free text (CNS "Additional Information", nagix
"description") is never read into a fact. `merge` turns the facts of every imported copy,
together with the reviewed records, into generated YAML records; `command` runs the whole
import and refuses bad input before anything is written.

Grouping rule (the one the reviewed 2021-22 records follow): missiles fired on the same KST
date, from the same launch site and of the same class form one launch event, with a count.
"""
