"""轮次对比 (rounds): this round against the previous one, completion rate by township."""

from components.empty import stop_if_empty
from components.filter_state import current_filter
from components.frame import require_frame
from components.round_comparison import show_round_comparison
from data_access.cache import cached_query
from data_access.queries.rounds import fetch_round_comparison, fetch_round_totals
from i18n import t

require_frame()  # first: no page runs outside the frame (components/frame.py)

flt = current_filter()
totals = cached_query(fetch_round_totals, flt)
stop_if_empty(totals.empty, t("pages.rounds.empty"))
show_round_comparison(cached_query(fetch_round_comparison, flt), totals)
