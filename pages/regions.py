"""行政区划 (regions): the office's places (template, upload, preview, commit), then the
townships' boundaries for the map."""

import streamlit as st

from components.auth import signed_in_user
from components.boundaries import show_boundaries
from components.frame import require_frame
from components.regions_upload import show_regions_import
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

user = signed_in_user()
st.caption(t("pages.regions.intro"))
show_regions_import(user)
show_boundaries(user)
