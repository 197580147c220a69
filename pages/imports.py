"""导入记录 (imports): every import batch with its counts and uploader; undo, newest first."""

from components.auth import signed_in_user
from components.frame import require_frame
from components.import_history import load_history, show_history_table, show_notice, show_undo
from components.live import show_linked_batch

require_frame()  # first: no page runs outside the frame (components/frame.py)

user = signed_in_user()
show_notice()
history = load_history(user)
show_linked_batch(history)
show_history_table(history)
show_undo(history, user)
