"""allegiance: news in, the system of actors it describes out.

>>> import allegiance
>>> extractor = allegiance.Extractor()
>>> extraction = extractor.extract_one(allegiance.Article(id="a1", text="..."))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance._lazy import lazy_exports
from allegiance.models import Actor, Amount, Article, Event, Extraction, Location, Mention
from allegiance.settings import Settings
from allegiance.version import __version__

if TYPE_CHECKING:
    from allegiance.analysis import open
    from allegiance.pipeline import Extractor

# spaCy and pandas load only when these are first used, so `allegiance --help` starts fast
__getattr__ = lazy_exports(
    __name__, {"Extractor": "allegiance.pipeline", "open": "allegiance.analysis"}
)

__all__ = [
    "Actor",
    "Amount",
    "Article",
    "Event",
    "Extraction",
    "Extractor",
    "Location",
    "Mention",
    "Settings",
    "__version__",
    "open",
]
