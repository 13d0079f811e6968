"""The portal: server-rendered pages in French and English, a JSON API, analysts' review."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from suivi.web.app import create_app


def __getattr__(name: str) -> Any:
    # The app (FastAPI, templates) loads on first use, not whenever a command imports
    # suivi.cli.portal: `suivi stats` should not pay for the portal.
    if name == "create_app":
        from suivi.web.app import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["create_app"]
