"""allegiance: news in, the system of actors it describes out.

>>> import allegiance
>>> extractor = allegiance.Extractor()
>>> extraction = extractor.extract_one(allegiance.Article(id="a1", text="..."))
"""

from allegiance.analysis import open
from allegiance.models import Actor, Amount, Article, Event, Extraction, Location, Mention
from allegiance.pipeline import Extractor
from allegiance.settings import Settings

__version__ = "0.1.0"

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
