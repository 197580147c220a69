"""审计日志 (audit log): sign-ins, imports, undos, downloads and user changes, filtered."""

from components.audit_log import show_audit_events, show_audit_filters
from components.frame import require_frame

require_frame()  # first: no page runs outside the frame (components/frame.py)

show_audit_events(show_audit_filters())
