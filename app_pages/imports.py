"""导入记录 (imports): every import batch with its counts and uploader; undo, newest first."""

from components.auth import signed_in_user
from components.import_history import load_history, show_history_table, show_notice, show_undo
from components.live import show_linked_batch

user = signed_in_user()
show_notice()
history = load_history()
show_linked_batch(history)
show_history_table(history)
show_undo(history, user)
