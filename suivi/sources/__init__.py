"""Sources: files, folders, URLs and feeds read into articles."""

from suivi.sources.reader import ReadOptions, read_inputs

__all__ = ["ReadOptions", "read_inputs"]
