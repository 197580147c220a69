"""台账上传 (upload): template, upload, preview of every change, then one all-or-nothing commit."""

import streamlit as st

from components.auth import signed_in_user
from components.upload_preview import (
    preview_for,
    round_choice,
    show_commit,
    show_downloads,
    show_notice,
    show_preview,
    upload_widget,
)
from i18n import t

user = signed_in_user()
show_notice()
st.caption(t("pages.upload.intro"))
show_downloads(user)
round_id = round_choice()
uploaded = upload_widget()
if uploaded is None:
    st.stop()
st.text(t("pages.file", name=uploaded.name))
preview = preview_for(uploaded.name, uploaded.getvalue(), round_id=round_id, scope=user.scope)
if preview.refusal is not None:
    st.error(t("pages.file_refused"), icon=":material/block:")
    st.text(preview.refusal)
    st.stop()
show_preview(preview)
show_commit(preview, user)
