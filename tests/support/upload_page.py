"""The upload and import-history pages in AppTest: open signed in, upload a file, press a button."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.signin import open_app

UPLOAD_PAGE, IMPORTS_PAGE = "pages/upload.py", "pages/imports.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def open_page(page: str, username: str = "uploader") -> AppTest:
    """The dashboard signed in as username, on page."""
    app = open_app(username, page)
    assert not app.exception, app.exception
    return app


def metrics(app: AppTest) -> dict[str, str]:
    """The metric cards: label -> value."""
    return {metric.label: metric.value for metric in app.metric}


def button(app: AppTest, label: str):
    """The one button with this label."""
    found = [b for b in app.button if b.label == label]
    assert len(found) == 1, [b.label for b in app.button]
    return found[0]


def upload(app: AppTest, name: str, data: bytes) -> AppTest:
    """Put a file into the page's uploader and rerun."""
    app.file_uploader[0].upload(name, data, XLSX)
    app.run()
    assert not app.exception, app.exception
    return app
