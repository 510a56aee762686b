"""YAML parsing for our data files and the user's actor files.

PyYAML's own parser is written in Python; where PyYAML was built with libyaml, its C parser
reads the same documents into the same values several times faster (the actor knowledge base
loads in about a third of the time). ``yaml.YAMLError`` is raised either way.
"""

from __future__ import annotations

from typing import Any

import yaml

_SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The document in ``text``, built with only YAML's standard types (a safe loader)."""
    return yaml.load(text, Loader=_SAFE_LOADER)
