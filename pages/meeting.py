"""会议模式 (meeting mode): a prepared drill path on a projector, one view per screen.

/meeting opens the default path for the current filter; /meeting?path=NAME&step=2 opens a
saved path at its second screen.
"""

from components.frame import require_frame
from components.live import watch_data_version
from components.meeting import (
    fetch_step,
    fetch_step_changes,
    hide_chrome,
    requested_path,
    show_top_bar,
    show_view,
    step_number,
)
from components.notice import show_notice

require_frame()  # first: no page runs outside the frame (components/frame.py)

hide_chrome()
path = requested_path()
number = step_number(len(path.steps))
step = path.steps[number - 1]
show_top_bar(path, number)
show_notice(step.flt, key=f"meeting_notice_{number}")
watch_data_version(defer=True)  # new data waits, with a notice, for the presenter's next step
show_view(fetch_step(step), key=f"meeting_{number}", compared=fetch_step_changes(step))
