"""Once per server process, before any session: import the app, then freeze what is alive.

Every full run of Python's cycle collector walks every tracked object. The app's own code
(its modules, pandas, SQLAlchemy, Altair's schema classes, Streamlit: about 380,000 objects)
is never garbage, yet each full collection walked it again, and an import or a briefing
triggers many. gc.freeze() sets what is alive now aside for good; everything made later,
every session's objects included, is collected exactly as before, so no session waits on
another (the import used to pause the collector for the whole process; figures:
docs/performance.md). The imports would otherwise happen in the first session's run.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil

APP_PACKAGES = ("i18n", "data_access", "charts", "components")  # pages are scripts, run later


def import_app() -> list[str]:
    """Import every module of the app's packages (not the command-line entry points)."""
    names = []
    for package in APP_PACKAGES:
        root = importlib.import_module(package)
        for module in pkgutil.walk_packages(root.__path__, f"{package}."):
            if not module.name.endswith(".__main__"):
                importlib.import_module(module.name)
                names.append(module.name)
    return names


def freeze_app_heap() -> int:
    """Import the app, collect once, and move every object alive now out of the collector's reach.

    Returns how many objects the collector will no longer walk.
    """
    import_app()
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
