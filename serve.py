"""The server: `streamlit run serve.py` serves dashboard.py behind the project's own HTTP layer.

Streamlit 1.67 answers GET /_stcore/metrics on every app, to anyone, without sign-in
(session counts, cache sizes and, when configured, per-user labels) and has no setting to
turn it off. Run through st.App (Streamlit's ASGI form of the same app), a middleware
answers 404 there before Streamlit sees the request. Everything else, dashboard.py and its
pages included, is served exactly as `streamlit run dashboard.py` would.

At start the app's modules are imported and set aside from the cycle collector
(startup.freeze_app_heap), and a thread warms up chart images (vl-convert's engine and the
CJK font), so the first briefing or PNG after a restart does not pay that second.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import streamlit as st
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse

from charts.images import warm_up_images
from startup import freeze_app_heap

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]
CLOSED_SUFFIXES = ("/_stcore/metrics",)  # under any server.baseUrlPath


class ClosedEndpoints:
    """ASGI middleware: 404 for the endpoints the dashboard does not offer."""

    def __init__(self, app: ASGIApp) -> None:
        """Wrap the app that serves everything else."""
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        """Refuse a closed endpoint; pass every other request on."""
        path = str(scope.get("path", "")).rstrip("/")
        if scope["type"] == "http" and path.endswith(CLOSED_SUFFIXES):
            await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)
            return
        await self.app(scope, receive, send)


freeze_app_heap()  # before the first session: the collector no longer walks the code
app = st.App("dashboard.py", middleware=[Middleware(ClosedEndpoints)])
threading.Thread(target=warm_up_images, name="warm-up-chart-images", daemon=True).start()
