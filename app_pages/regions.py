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

user = signed_in_user()
show_regions_notice()
st.caption(
    "每个村一行（乡镇各列重复），只登记乡镇时“村”留空。上传只新增和修改，不删除；"
    "乡镇撤并时填写停用日期和“并入”，原乡镇的历史问题仍按原名显示。"
)
show_template_download(user)
uploaded = regions_uploader()
if uploaded is None:
    st.stop()
st.text(f"文件：{uploaded.name}")
upload = upload_for(uploaded.name, uploaded.getvalue())
if upload.refusal is not None:
    st.error("文件被拒绝，未写入任何数据。", icon=":material/block:")
    st.text(upload.refusal)
    st.stop()
show_regions_preview(upload)
show_regions_commit(upload, user)
