"""dangjian-extract: typed, offset-exact governance metrics from Chinese local Party-building reports.

>>> from dangjian_extract import extract
>>> [m.text for m in extract("成立75个院落党支部,总投资达到15亿元。").metrics]
['75个', '15亿元']
"""

from .models import EntityRef, Extraction, Metric
from .pipeline import build, extract, load, records_from_doc

__version__ = "0.1.0"
__all__ = ["EntityRef", "Extraction", "Metric", "build", "extract", "load", "records_from_doc", "__version__"]
