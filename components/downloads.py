"""Download buttons under tables and charts, and the briefing: role-checked and audited.

Only roles with "export" see them (deny by default, data_access.roles); every download
writes an audit row before the file leaves (components.audit_log.audited_download_button).
Files are made only when clicked, on Streamlit's download thread, so pages render as fast
as before; what needs the page run (user, filter names, notices) is gathered first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from charts.images import chart_png, chart_svg
from components.audit_log import audited_download_button
from components.auth import CurrentUser, signed_in_user
from components.briefing import BriefingRequest, briefing_file, briefing_title
from components.chart_specs import ChartSpec
from components.filter_bar import filter_options
from components.filter_chips import filter_chips
from components.filter_state import current_filter
from components.frame import demo_notice
from components.markdown import escape_markdown
from components.scope import scope_line
from components.view_parts import column_labels, number_formats
from data_access.cache import cached_engine, cached_query
from data_access.db import session_scope
from data_access.exports.briefing import Briefing, filter_line
from data_access.exports.docx import write_briefing_docx
from data_access.exports.fonts import CjkFontMissingError, system_cjk_font
from data_access.exports.pdf import write_briefing_pdf
from data_access.exports.tables import (
    TableExport,
    csv_file_stem,
    table_export,
    write_table_csv,
    write_table_xlsx,
)
from data_access.filters import Filter
from data_access.formatting import format_date, local_today
from data_access.meeting.paths import VIEW_KINDS, Step
from data_access.models import utc_now
from data_access.queries import is_demo_data
from data_access.roles import can
from i18n import t

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG_MIME = "image/png"
SVG_MIME = "image/svg+xml"
PDF_MIME = "application/pdf"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CHIP_SEPARATOR = re.compile("：|: ")  # between a filter chip's field and its value
FILE_NAME_FORBIDDEN = str.maketrans(dict.fromkeys('\\/:*?"<>|', "_"))


def masked_note() -> str:
    """The line saying that names in the file are masked."""
    return t("download.masked_note")


def exporting_user() -> CurrentUser | None:
    """The signed-in user when their role may export, else None."""
    user = signed_in_user()
    return user if can(user.role, "export") else None


def as_of_text(flt: Filter) -> str:
    """The day the figures describe: the as-of filter, or today's current data."""
    if flt.as_of:
        return format_date(flt.as_of)
    return t("download.as_of_today", day=format_date(local_today()))


def filter_lines(flt: Filter) -> list[str]:
    """The active filters as "字段：值、值" lines (the chips' texts, grouped by field)."""
    # Not the as-of chip: exports state the as-of day on a line of its own.
    as_of_removed = flt.with_(as_of=None) if flt.as_of else None
    grouped: dict[str, list[str]] = {}
    for chip in filter_chips(flt, filter_options(flt)):
        if chip.without != as_of_removed:
            name, *value = CHIP_SEPARATOR.split(chip.label, maxsplit=1)
            grouped.setdefault(name, []).append("".join(value))
    separator = t("download.list_separator")
    scope = scope_line()  # a limited account's figures are its townships': the file says so
    return [
        *([scope] if scope else []),
        *(
            t("download.filter_item", name=name, values=separator.join(values))
            for name, values in grouped.items()
        ),
    ]


def as_of_line(flt: Filter) -> str:
    """ "数据截至：…" for flt."""
    return t("download.as_of", as_of=as_of_text(flt))


def caption_lines(flt: Filter) -> list[str]:
    """The caption of an exported chart: its filters and the as-of day."""
    return [filter_line(filter_lines(flt)), as_of_line(flt)]


def export_notes(role: str) -> list[str]:
    """Lines every export carries: the demo-data notice, and that names are masked."""
    notes = [demo_notice()] if cached_query(is_demo_data, None) else []
    if not can(role, "see_full_names"):
        notes.append(masked_note())
    return notes


def file_stem(title: str) -> str:
    """A file name stem: the title (without characters file systems refuse) and today."""
    return f"{title.translate(FILE_NAME_FORBIDDEN)}_{local_today():%Y%m%d}"


def audit_detail(title: str, flt: Filter) -> str:
    """What the audit row says was exported: the title and the Filter's URL parameters."""
    params = "&".join(f"{name}={value}" for name, value in flt.to_params().items())
    return t("download.audit_detail", title=title, params=params or t("download.no_filter"))


@dataclass(frozen=True)
class DownloadFile:
    """One file a button hands out: its label, file suffix, MIME type, and how it is made."""

    label: str
    suffix: str
    mime: str
    make: Callable[[], bytes]


def download_buttons(
    files: Sequence[DownloadFile],
    *,
    key: str,
    stem: str,
    flt: Filter,
    title: str,
    stems: Mapping[str, str] | None = None,
    permission: str = "export",
) -> None:
    """An audited download button per file; the audit row names the title and the Filter.

    stems: a file name stem of its own for some suffixes (the CSV's carries its context).
    """
    detail = audit_detail(title, flt)
    for file in files:
        audited_download_button(
            file.label,
            file.make,
            file_name=f"{(stems or {}).get(file.suffix, stem)}.{file.suffix}",
            mime=file.mime,
            key=f"{key}_{file.suffix}",
            detail=detail,
            permission=permission,
        )


def fetch_now(function: Callable[..., pd.DataFrame], flt: Filter, **kwargs) -> pd.DataFrame:
    """function(session=..., flt=flt, **kwargs) on a session of its own (for download threads)."""
    with session_scope(cached_engine()) as session:
        return function(session=session, flt=flt, **kwargs)


def table_downloads(
    data: pd.DataFrame | Callable[[], pd.DataFrame],
    *,
    key: str,
    title: str,
    column_config: Mapping[str, object],
    name_columns: Sequence[str] = (),
) -> None:
    """CSV and XLSX buttons for a table (data, or a callable making it on click)."""
    user = exporting_user()
    if user is None:
        return
    flt = current_filter()
    filters, notes = filter_lines(flt), [as_of_line(flt), *export_notes(user.role)]

    def build(writer: Callable[[TableExport], bytes]) -> bytes:
        """The file, made on click: the rows (fetched then if data is a callable), written."""
        frame = data() if callable(data) else data
        table = table_export(
            frame,
            column_labels(column_config),
            title=title,
            filters=filters,
            notes=notes,
            role=user.role,
            name_columns=name_columns,
            exported_at=utc_now(),
            number_formats=number_formats(column_config),
        )
        return writer(table)

    files = [
        DownloadFile(t("download.csv"), "csv", CSV_MIME, partial(build, write_table_csv)),
        DownloadFile(t("download.xlsx"), "xlsx", XLSX_MIME, partial(build, write_table_xlsx)),
    ]
    # The CSV has no room for its context but its name: filters, who, when.
    stems = {"csv": csv_file_stem(title, filters, user.username, utc_now())}
    with st.container(horizontal=True, gap="small", key=f"export_{key}"):
        download_buttons(
            files, key=f"export_{key}", stem=file_stem(title), flt=flt, title=title, stems=stems
        )


def chart_image_menu(chart: ChartSpec, *, key: str) -> None:
    """A small "保存图片" popover under a chart: PNG and SVG with its title and filters.

    The images are drawn from the Altair chart, built again on click.
    """
    user = exporting_user()
    if user is None:
        return
    flt = current_filter()
    caption = caption_lines(flt)
    title = str(chart.title or key)

    def png() -> bytes:
        return chart_png(chart.rebuild(), caption=caption)

    def svg() -> bytes:
        return chart_svg(chart.rebuild(), caption=caption)

    files = [
        DownloadFile(t("download.png"), "png", PNG_MIME, png),
        DownloadFile(t("download.svg"), "svg", SVG_MIME, svg),
    ]
    menu = t("download.save_image")
    with st.popover(menu, icon=":material/image:", type="tertiary", key=f"image_{key}"):
        download_buttons(files, key=f"image_{key}", stem=file_stem(title), flt=flt, title=title)


def show_static_chart(chart: ChartSpec, *, key: str) -> None:
    """A chart without click filtering, and its "保存图片" menu."""
    st.vega_lite_chart(chart.spec, width="stretch", key=key)
    chart_image_menu(chart, key=key)


def briefing_request(steps: Sequence[Step], role: str, title: str) -> BriefingRequest:
    """What a briefing of steps needs from the page run: filter texts, notices, times."""
    return BriefingRequest(
        title=title,
        steps=tuple(steps),
        step_filters=tuple(tuple(filter_lines(step.flt)) for step in steps),
        role=role,
        as_of=as_of_text(steps[0].flt),
        generated_at=utc_now(),
        notices=tuple(export_notes(role)),
    )


def briefing_downloads(steps: Sequence[Step], *, key: str, title: str | None = None) -> None:
    """PDF and Word buttons for the briefing of steps (made on click, audited).

    title: the briefing's title (default: the usual one in the UI language).
    """
    user = signed_in_user()  # leaders (viewers) too: the briefing of what they see
    if not can(user.role, "briefing") or not steps:
        return
    title = title or briefing_title()
    try:
        system_cjk_font()
    except CjkFontMissingError as error:
        st.error(escape_markdown(error), icon=":material/font_download_off:")
        return
    request = briefing_request(steps, user.role, title)

    def build(writer: Callable[[Briefing], bytes]) -> bytes:
        """The document, made on click."""
        with session_scope(cached_engine()) as session:
            return briefing_file(request, writer, session=session)

    files = [
        DownloadFile(
            t("download.briefing_pdf"), "pdf", PDF_MIME, partial(build, write_briefing_pdf)
        ),
        DownloadFile(
            t("download.briefing_docx"), "docx", DOCX_MIME, partial(build, write_briefing_docx)
        ),
    ]
    with st.container(horizontal=True, gap="small", key=f"briefing_{key}"):
        download_buttons(
            files,
            key=f"briefing_{key}",
            stem=file_stem(title),
            flt=steps[0].flt,
            title=title,
            permission="briefing",
        )


def view_steps(kind: str) -> list[Step]:
    """The page's own view (kind) under the current Filter, as a briefing's one step."""
    return [Step(kind, current_filter(), VIEW_KINDS[kind])]


def view_briefing(kind: str, *, key: str) -> None:
    """Briefing buttons for the page's own view (kind) under the current Filter."""
    briefing_downloads(view_steps(kind), key=key)
