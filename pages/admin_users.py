"""用户管理 (admin users): list accounts, create one, change role, scope, state or password."""

import streamlit as st

from components.admin_users import (
    load_users,
    show_create_form,
    show_manage_user,
    show_notice,
    show_user_table,
)
from components.auth import signed_in_user
from components.frame import require_frame
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

admin = signed_in_user()
show_notice()
users = load_users()
show_user_table(users)

st.subheader(t("pages.admin_users.edit"))
show_manage_user(admin, users)

st.subheader(t("pages.admin_users.create"))
show_create_form(admin)
