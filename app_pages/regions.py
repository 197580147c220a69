"""行政区划 (regions): download the template, upload the office's places, preview, commit."""

import streamlit as st

from components.auth import signed_in_user
from components.regions_upload import (
    regions_uploader,
    show_regions_commit,
    show_regions_notice,
    show_regions_preview,
    show_template_download,
    upload_for,
)
from i18n import t

user = signed_in_user()
show_regions_notice()
st.caption(t("pages.regions.intro"))
show_template_download(user)
uploaded = regions_uploader()
if uploaded is None:
    st.stop()
st.text(t("pages.file", name=uploaded.name))
upload = upload_for(uploaded.name, uploaded.getvalue())
if upload.refusal is not None:
    st.error(t("pages.file_refused"), icon=":material/block:")
    st.text(upload.refusal)
    st.stop()
show_regions_preview(upload)
show_regions_commit(upload, user)
