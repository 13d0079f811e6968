"""The portal: server-rendered pages in French and English, a JSON API, analysts' review."""

from suivi.web.app import create_app

__all__ = ["create_app"]
