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

user = signed_in_user()
show_notice()
st.caption(
    "先下载模板（或当前台账）填写，再上传。提交前会列出每一处新增、变更和错误；提交后可在“导入记录”页撤销。"
)
show_downloads(user)
round_id = round_choice()
uploaded = upload_widget()
if uploaded is None:
    st.stop()
st.text(f"文件：{uploaded.name}")
preview = preview_for(uploaded.name, uploaded.getvalue(), round_id=round_id, scope=user.scope)
if preview.refusal is not None:
    st.error("文件被拒绝，未写入任何数据。", icon=":material/block:")
    st.text(preview.refusal)
    st.stop()
show_preview(preview)
show_commit(preview, user)
