"""dangjian-extract: typed, offset-exact governance metrics from Chinese local Party-building reports.

>>> from dangjian_extract import extract
>>> [m.text for m in extract("成立75个院落党支部,总投资达到15亿元。").metrics]
['75个', '15亿元']
"""

from typing import TYPE_CHECKING, Any

from .batch import extract_many
from .frames import to_dataframe
from .models import EntityMention, EntityRef, Extraction, Metric, Period, Section, TextSpan
from .pipeline import build, extract, load, records_from_doc

if TYPE_CHECKING:
    from .arrow import to_arrow

__version__ = "0.1.0"
__all__ = ["EntityMention", "EntityRef", "Extraction", "Metric", "Period", "Section", "TextSpan", "build",
           "extract", "extract_many", "load", "records_from_doc", "to_arrow", "to_dataframe", "__version__"]


def __getattr__(name: str) -> Any:
    # to_arrow is looked up on first use: its module stays unimported (and pyarrow with it) until then
    if name == "to_arrow":
        from .arrow import to_arrow

        return to_arrow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
