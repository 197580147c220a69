"""会议模式 (meeting mode): a prepared drill path on a projector, one view per screen.

/meeting opens the default path for the current filter; /meeting?path=NAME&step=2 opens a
saved path at its second screen.
"""

from components.live import watch_data_version
from components.presenter import (
    fetch_step,
    hide_chrome,
    requested_path,
    show_top_bar,
    show_view,
    step_number,
)

hide_chrome()
path = requested_path()
number = step_number(len(path.steps))
show_top_bar(path, number)
watch_data_version(defer=True)  # new data waits, with a notice, for the presenter's next step
show_view(fetch_step(path.steps[number - 1]), key=f"meeting_{number}")
