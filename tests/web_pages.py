"""Reading the portal's pages in tests: a page parsed, and the text of nodes."""

from __future__ import annotations

import lxml.html
from fastapi.testclient import TestClient


def page(client: TestClient, url: str, status: int = 200) -> lxml.html.HtmlElement:
    """The page at ``url``, answered with ``status`` as HTML, parsed."""
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def texts(tree: lxml.html.HtmlElement, xpath: str) -> list[str]:
    """The text of each node ``xpath`` finds, its spacing collapsed."""
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]
