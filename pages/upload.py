"""台账上传 (upload): template, upload, preview of every change, then one all-or-nothing commit."""

import streamlit as st

from components.auth import signed_in_user
from components.category_choice import category_options, show_category_choices
from components.column_mapping import page_choices, show_consents, show_mapping_step
from components.frame import require_frame
from components.upload_preview import (
    file_digest,
    preview_for,
    round_choice,
    show_commit,
    show_downloads,
    show_notice,
    show_preview,
    upload_widget,
)
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

user = signed_in_user()
show_notice()
st.caption(t("pages.upload.intro"))
show_downloads(user)
round_id = round_choice()
uploaded = upload_widget()
if uploaded is None:
    st.stop()
st.text(t("pages.file", name=uploaded.name))
data = uploaded.getvalue()
digest = file_digest(uploaded.name, data)
choices = category_options(data) | page_choices(digest)
preview = preview_for(uploaded.name, data, round_id=round_id, scope=user.scope, **choices)
parsed = preview.parsed
if preview.refusal is not None or parsed is None:  # a file is either refused or parsed
    st.error(t("pages.file_refused"), icon=":material/block:")
    st.text(preview.refusal or "")
    st.stop()
show_mapping_step(parsed, digest)
show_consents(parsed)
show_preview(preview)
show_category_choices(parsed.categories, data)
show_commit(preview, user)
