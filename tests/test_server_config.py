"""The hardened Streamlit server settings of .streamlit/config.toml (issue 5, item 6)."""

from __future__ import annotations

import tomllib

import pytest

from data_access.settings import PROJECT_ROOT, get_settings

CONFIG = PROJECT_ROOT / ".streamlit" / "config.toml"

# (section, option): required value, and why.
HARDENED = {
    ("client", "showErrorDetails"): ("none", "no tracebacks in the browser, only the log"),
    ("client", "toolbarMode"): ("viewer", "no developer menu for readers"),
    ("client", "disableDataExport"): (True, "no unaudited CSV download in table toolbars"),
    ("server", "enableXsrfProtection"): (True, "uploads and forms need the XSRF token"),
    ("server", "enableCORS"): (True, "no cross-origin requests"),
    ("server", "enableStaticServing"): (False, "nothing served from ./static"),
    ("server", "runOnSave"): (False, "no reruns when files change on the server"),
    ("browser", "gatherUsageStats"): (False, "nothing is sent to the internet"),
}


@pytest.fixture(scope="module")
def config() -> dict:
    """The parsed config.toml."""
    with CONFIG.open("rb") as file:
        return tomllib.load(file)


@pytest.mark.parametrize(("option", "expected"), HARDENED.items(), ids=lambda o: str(o))
def test_hardened_option(config: dict, option: tuple[str, str], expected: tuple) -> None:
    """Each hardening option has its safe value."""
    section, name = option
    assert config[section][name] == expected[0], expected[1]


def test_upload_limit_matches_the_ingest_limit(config: dict, monkeypatch) -> None:
    """The server refuses bigger uploads than the importer accepts (UPLOAD_MAX_MB default)."""
    monkeypatch.delenv("UPLOAD_MAX_MB", raising=False)
    assert config["server"]["maxUploadSize"] == get_settings().upload_max_mb
    assert 0 < config["server"]["maxUploadSize"] <= 50


def test_server_listens_only_locally_by_default(config: dict) -> None:
    """Without a reverse proxy in front, the app is not reachable from other machines."""
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["headless"] is True


def test_no_full_garbage_collection_after_every_run(config: dict) -> None:
    """A gc.collect(2) after each rerun doubled a warm click's server CPU (docs/performance.md)."""
    assert config["runner"]["postScriptGC"] is False
