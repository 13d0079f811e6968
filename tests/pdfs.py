"""Small PDF files made for the tests with pypdf's writer.

pypdf writes no text by itself: each page gets a content stream drawing its lines in
Helvetica, a font every PDF reader has. Characters outside ASCII are written as octal escapes
of their WinAnsi (CP1252) code, so the whole file is ASCII, as many generated PDFs are.
"""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def _literal(line: str) -> bytes:
    out = []
    for byte in line.encode("cp1252"):
        char = chr(byte)
        if char in "\\()":
            out.append("\\" + char)
        elif byte < 32 or byte > 126:
            out.append(f"\\{byte:03o}")
        else:
            out.append(char)
    return ("(" + "".join(out) + ")").encode("ascii")


def pdf_bytes(pages: list[str], *, title: str | None = None, compress: bool = False) -> bytes:
    """A PDF with one page per text of ``pages``, one drawn line per line of each text.

    ``compress`` deflates the pages' drawing, as most PDFs do (the file is then binary).
    """
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    for text in pages:
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        drawn = [b"BT /F1 11 Tf 14 TL 50 800 Td"]
        drawn += [_literal(line) + b" Tj T*" for line in text.split("\n")]
        drawn.append(b"ET")
        stream = DecodedStreamObject()
        stream.set_data(b"\n".join(drawn))
        page.replace_contents(stream)
        if compress:
            page.compress_content_streams()
    if title:
        writer.add_metadata({"/Title": title})
    out = BytesIO()
    writer.write(out)
    # pypdf marks the file as binary with a comment of four high bytes on its second line;
    # the same number of ASCII bytes keeps every offset of the cross-reference table true.
    data = out.getvalue()
    header, marker, rest = data.split(b"\n", 2)
    return b"\n".join([header, b"%" + b"a" * (len(marker) - 1), rest])
