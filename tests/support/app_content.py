"""What an AppTest run shows: Markdown, every text at all, charts' data, downloads' text."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import openpyxl
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Element

from components.filter_bar import MORE_KEY

# A backslash escape of components.markdown: the browser shows the character alone.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_XML_TAG = re.compile(r"<[^>]+>")
# Elements whose text is shown as it is (never read as Markdown).
PLAIN_ELEMENTS = frozenset({"text", "code", "json", "arrow_data_frame", "dataframe", "table"})
# Proto fields Streamlit renders as Markdown: bodies, labels, help tooltips.
MARKDOWN_FIELDS = ("body", "label", "help")


def rendered(text: str) -> str:
    """Markdown source as the reader sees it: escaped marks shown without their backslash."""
    return _ESCAPED.sub(r"\1", text)


def _nodes(app: AppTest) -> Iterator[Element | Block]:
    """Every block and element of the last run, the sidebar included."""
    yield from app._tree


def markdown_texts(app: AppTest) -> list[str]:
    """Every text of the run that the browser renders as Markdown."""
    texts: list[str] = []
    for node in _nodes(app):
        proto = getattr(node, "proto", None)  # the tree's root has none
        if proto is None:
            continue
        if isinstance(node, Block):  # expanders, tabs, popovers carry a label
            if "label" in proto.DESCRIPTOR.fields_by_name:
                texts.append(proto.label)
            continue
        if node.type in PLAIN_ELEMENTS:
            continue
        names = {field.name for field, _ in proto.ListFields()}
        texts += [str(getattr(proto, name)) for name in MARKDOWN_FIELDS if name in names]
        if node.type == "radio":
            texts += list(proto.options)
    return texts


def shown_texts(app: AppTest) -> list[str]:
    """Every text of the run: Markdown texts, plain texts, metric values, table cells."""
    texts = markdown_texts(app)
    for node in _nodes(app):
        if isinstance(node, Block) or getattr(node, "proto", None) is None:
            continue
        if node.type in ("arrow_data_frame", "dataframe", "table"):
            frame = node.value
            texts += [str(column) for column in frame.columns]
            texts += [str(cell) for cell in frame.astype(str).to_numpy().ravel()]
        elif node.type in ("text", "code", "metric"):
            texts.append(str(node.value))
        elif node.type in ("multiselect", "selectbox", "radio"):
            texts += [str(option) for option in node.options]
    return texts


def chart_texts(app: AppTest) -> list[str]:
    """Every chart's spec and every cell of its data sets (what its marks and tooltips show)."""
    texts: list[str] = []
    for chart in app.get("arrow_vega_lite_chart"):
        texts.append(chart.proto.spec)
        for dataset in chart.proto.datasets:
            frame = convert_arrow_bytes_to_pandas_df(dataset.data.data)
            texts += [str(column) for column in frame.columns]
            texts += [str(cell) for cell in frame.astype(str).to_numpy().ravel()]
    return texts


def file_text(file_name: str, data: bytes | str) -> str:
    """The text of a downloaded file: CSV, every sheet of a workbook, a Word document's body."""
    if isinstance(data, str):
        return data
    if file_name.endswith(".csv"):
        return data.decode("utf-8-sig")
    if file_name.endswith(".xlsx"):
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        rows = (row for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True))
        return "\n".join(str(value) for row in rows for value in row if value is not None)
    if file_name.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as document:
            return _XML_TAG.sub(" ", document.read("word/document.xml").decode("utf-8"))
    raise ValueError(f"no reader for {file_name}")


def kpis(app: AppTest) -> dict[str, str]:
    """The metric cards on screen: label -> value text."""
    return {metric.label: metric.value for metric in app.metric}


def open_more_filters(app: AppTest) -> AppTest:
    """Open the filter bar's 更多筛选 (its widgets exist only while it is open) and rerun."""
    app.session_state[MORE_KEY] = True
    return app.run()
