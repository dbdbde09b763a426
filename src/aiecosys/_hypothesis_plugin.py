"""The ``hypothesis`` entry point: registers strategies so ``st.from_type(Company)`` works.

Hypothesis calls `_register` when it is imported. It only registers strategies: it
reads no data and draws nothing. Each strategy is deferred, because ``aiecosys.strategies``
itself imports hypothesis (and so may be half-imported when this runs).
"""

from __future__ import annotations

import importlib
from typing import Any


def _register() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - only when hypothesis loads us

    from aiecosys import _dates, _ecosystem, _model, _money  # noqa: PLC0415

    def deferred(name: str, **options: Any) -> st.SearchStrategy[Any]:
        def build() -> st.SearchStrategy[Any]:
            module = importlib.import_module("aiecosys.strategies")
            return getattr(module, name)(**options)  # type: ignore[no-any-return]

        return st.deferred(build)

    st.register_type_strategy(_money.Money, deferred("money"))
    st.register_type_strategy(_dates.PartialDate, deferred("partial_dates"))
    st.register_type_strategy(_model.Source, deferred("sources"))
    st.register_type_strategy(_model.Person, deferred("people"))
    st.register_type_strategy(_model.Company, deferred("companies"))
    st.register_type_strategy(_model.Investor, deferred("investors"))
    st.register_type_strategy(
        _model.Round, deferred("rounds", investor_ids=("investor:a", "investor:b"))
    )
    st.register_type_strategy(_ecosystem.Ecosystem, deferred("ecosystems"))
