"""PDF articles: their text read with pypdf, their bytes archived as given."""

from __future__ import annotations

import logging
import warnings
from io import BytesIO

from suivi.errors import SourceError
from suivi.models import Article
from suivi.sources.text import text_article

# pypdf reports what it repairs in a damaged file through logging and warnings; without a
# handler, Python's last-resort handler would print them under the one line of an input.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


#: What a PDF file starts with (readers accept it anywhere in the first kilobyte).
PDF_HEADER = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF."""
    return PDF_HEADER in data[:1024]


def read_pdf(
    data: bytes, source: str, name: str, *, max_chars: int, url: str | None = None
) -> Article:
    """An article from a PDF file's bytes, or :class:`SourceError` naming ``source``.

    The text is read page after page in the order the file draws it (pypdf's plain mode,
    which keeps a column's lines together); line ends stay where the PDF puts them.
    """
    if not is_pdf(data):
        raise SourceError(source, "not a PDF (its bytes do not start with %PDF-)")
    return text_article(
        data,
        source,
        name,
        "\n\n".join(_pages(data, source, max_chars)),
        media_type="application/pdf",
        url=url,
        empty="no article text in this PDF (a scanned PDF needs text recognition first)",
    )


def _pages(data: bytes, source: str, max_chars: int) -> list[str]:
    from pypdf import PasswordType, PdfReader

    pages: list[str] = []
    size = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(BytesIO(data))
            if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise SourceError(source, "encrypted PDF: its text needs a password")
            for page in reader.pages:
                text = page.extract_text() or ""
                size += len(text)
                if size > max_chars:
                    raise SourceError(
                        source,
                        f"too much text (over {max_chars} characters; set SUIVI_MAX_BYTES)",
                    )
                pages.append(text)
    except SourceError:
        raise
    except Exception as error:  # pypdf fails on damaged files with many kinds of errors
        raise SourceError(source, f"damaged PDF ({type(error).__name__}: {error})") from error
    return pages
