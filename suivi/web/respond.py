"""JSON answers, serialised once: a page's data goes out as ``json.dumps`` writes it.

The API's routes still declare their response models, for the OpenAPI description; the data
they answer is built for that shape and not validated again, field by field, on the way out.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import Response


def as_json(data: Any, status_code: int = 200) -> Response:
    """``data`` as a JSON response (UTF-8, non-ASCII characters as they are)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return Response(body, status_code=status_code, media_type="application/json")
