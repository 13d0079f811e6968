"""JSON answers, serialised once: a page's data goes out as ``json.dumps`` writes it.

The API's routes still declare their response models, for the OpenAPI description; the data
they answer is built for that shape and not validated again, field by field, on the way out.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import Response

# orjson writes UTF-8 bytes directly, several times faster than the standard library for
# the lists and records the API answers; numbers as keys (facet years) are written as text.
_OPTIONS = orjson.OPT_NON_STR_KEYS


def as_json(data: Any, status_code: int = 200) -> Response:
    """``data`` as a JSON response (UTF-8, non-ASCII characters as they are)."""
    body = orjson.dumps(data, default=str, option=_OPTIONS)
    return Response(body, status_code=status_code, media_type="application/json")
