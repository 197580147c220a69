"""The upload page's mapping step: the file's own headers, samples, and the field of each.

When the reader is unsure (a header it recognised only by its words, two fields that fit
one header, a required field no header names), the uploader sees every header with sample
values and picks its field or "not imported". The choice re-checks the file at once and is
saved with the import, so the next file of that shape goes in by itself. Consents (data
that would be left out) wait on a checkbox here too. File text is shown only through
st.dataframe and st.text, never as Markdown.
"""

from __future__ import annotations

import streamlit as st

from data_access.ingest.columns import normalise_header
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.preview import column_title, sheet_title
from data_access.ingest.read import RawSheet
from i18n import t

MAPPING_KEY = "upload_mapping"  # folded header -> field chosen on the page, per file digest
SKIPS_KEY = "upload_accept_skips"
SAVE_AS_KEY = "upload_save_mapping_as"
SAMPLES = 3


def page_choices(digest: str) -> dict:
    """The ImportOptions fields the uploader chose for the file with digest."""
    kept = st.session_state.get(MAPPING_KEY)
    mapping = kept[1] if isinstance(kept, tuple) and kept[0] == digest else {}
    return {
        "mapping": mapping,
        "accept_skips": bool(st.session_state.get(SKIPS_KEY, False)),
        "save_mapping_as": str(st.session_state.get(SAVE_AS_KEY, "") or ""),
    }


def show_mapping_step(parsed: ParsedLedger, digest: str) -> None:
    """The mapping form of each header shape the reader was unsure of."""
    shapes = {sheet.signature: sheet for sheet in parsed.sheets if _unsure(sheet)}
    if not shapes:
        return
    troubled = any(e.row == s.header_row for s in shapes.values() for e in parsed.errors)
    with st.expander(t("upload.mapping.title"), expanded=troubled, icon=":material/table_edit:"):
        st.caption(t("upload.mapping.intro"))
        with st.form("column_mapping", border=False):
            chosen: dict[str, str | None] = {}
            for sheet in shapes.values():
                chosen |= _sheet_form(sheet)
            st.text_input(t("upload.mapping.save_as"), key=SAVE_AS_KEY)
            if st.form_submit_button(t("upload.mapping.apply"), icon=":material/sync:"):
                st.session_state[MAPPING_KEY] = (digest, chosen)
                st.rerun()


def _unsure(sheet: RawSheet) -> bool:
    """True when any header was named by words only, or names nothing."""
    return any(not g.known for g in sheet.guesses)


def _sheet_form(sheet: RawSheet) -> dict[str, str | None]:
    """One sheet's headers, samples and a field choice each; folded header -> field."""
    fields = [None, *(c.field for c in sheet.spec.columns)]
    titles = {c.field: column_title(sheet.spec.key, c) for c in sheet.spec.columns}
    st.text(t("upload.mapping.sheet", sheet=sheet.name, kind=sheet_title(sheet.spec.key)))
    for column, key in zip(st.columns((2, 3, 2)), ("header", "samples", "field"), strict=True):
        column.caption(t(f"upload.mapping.{key}"))
    chosen: dict[str, str | None] = {}
    for guess in sheet.guesses:
        current = guess.field if guess.field in sheet.columns else None
        header, samples, choice = st.columns((2, 3, 2), vertical_alignment="center")
        header.text(guess.cell.label)
        samples.text(_samples(sheet, guess.cell.index) or "—")
        chosen[normalise_header(guess.cell.label)] = choice.selectbox(
            t("upload.mapping.field_of", header=guess.cell.label),
            fields,
            index=fields.index(current),
            format_func=lambda f: titles[f] if f else t("upload.mapping.not_imported"),
            key=f"mapping_{sheet.signature}_{guess.cell.index}",
            label_visibility="collapsed",
        )
    return chosen


def _samples(sheet: RawSheet, index: int) -> str:
    """The first few values of a column, as text."""
    values = [row[index] for row in sheet.rows if index < len(row) and row[index] not in (None, "")]
    return " | ".join(str(v) for v in values[:SAMPLES])


def show_consents(parsed: ParsedLedger) -> None:
    """Data the file would leave out: listed, with the checkbox that allows it."""
    skips = [c for c in parsed.consents if c.kind == "skips"]
    if not skips:
        return
    with st.container(border=True):
        st.warning(t("upload.consent.skips_title"), icon=":material/visibility_off:")
        for consent in skips:
            st.text(consent.message)
        st.checkbox(t("upload.consent.accept_skips"), key=SKIPS_KEY)
