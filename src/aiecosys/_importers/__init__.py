"""Importing Crunchbase exports: one module per export format, one shared builder.

``_detect`` recognises each file by its content; ``_crunchbase_2013``, ``_crunchbase_2016``,
``_crunchbase_v4_json``, ``_crunchbase_pro_csv`` and ``_crunchbase_v4_bulk`` read one export
each into the ``_builder``, which validates every record where it is made, merges what
several files say of one record, and reports every row it passes over; ``_agreement`` then
checks the result against the provider's own figures. ``_table`` reads CSV files, ``_cells``
single cells, ``_v4_entities`` single API entities, ``_common`` the row steps several formats
share, and ``_report`` holds the result types. The public names are re-exported by
``aiecosys``.
"""

from ._read import read_crunchbase
from ._report import CrunchbaseImport, ImportReport, ProviderCheck, ProviderDifference, RowNote

__all__ = [
    "CrunchbaseImport",
    "ImportReport",
    "ProviderCheck",
    "ProviderDifference",
    "RowNote",
    "read_crunchbase",
]
