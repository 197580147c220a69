"""巡察轮次 (admin rounds): the office's setup; create and edit inspection rounds and their groups;
remove the demo."""

import streamlit as st

from components.admin_office import show_office_settings
from components.admin_rounds import (
    load_rounds,
    pick_round,
    show_create_round,
    show_edit_round,
    show_groups,
    show_notice,
    show_rounds_table,
)
from components.auth import signed_in_user
from components.demo_removal import show_demo_removal
from components.frame import require_frame
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

admin = signed_in_user()
show_notice()
show_demo_removal(admin)
with st.expander(t("pages.admin_rounds.office")):
    show_office_settings(admin)
rounds = load_rounds()
show_rounds_table(rounds)

st.subheader(t("pages.admin_rounds.create"), anchor=False)
show_create_round(admin)

if not rounds.empty:
    st.subheader(t("pages.admin_rounds.edit"), anchor=False)
    current = pick_round(rounds)
    show_edit_round(admin, current)
    st.markdown(f"**{t('pages.admin_rounds.groups')}**")
    show_groups(admin, current)
