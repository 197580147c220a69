"""审计日志 (audit log): sign-ins, imports, undos, downloads and user changes, filtered."""

from components.audit_log import show_audit_events, show_audit_filters

show_audit_events(show_audit_filters())
