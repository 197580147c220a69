"""Settings: read from the environment when asked, sensible defaults, every one documented."""

from __future__ import annotations

import dataclasses

import pytest

from data_access.settings import PROJECT_ROOT, Settings, get_settings

README = PROJECT_ROOT / "README.md"
# A field names its variable in metadata when the upper-cased name would not do.
SETTING_VARIABLES = [
    field.metadata.get("env", field.name.upper()) for field in dataclasses.fields(Settings)
]


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No setting variable in the environment, whatever the shell running the tests had."""
    for name in SETTING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults_use_the_embedded_sqlite_file(clean_environment: pytest.MonkeyPatch) -> None:
    """Without configuration the app uses data/dashboard.db of the project."""
    settings = get_settings()
    assert settings.database_url == f"sqlite:///{PROJECT_ROOT / 'data' / 'dashboard.db'}"
    assert settings.upload_max_mb == 20
    assert settings.sqlite_busy_timeout_ms == 15000


def test_empty_database_url_means_the_default(clean_environment: pytest.MonkeyPatch) -> None:
    """DATABASE_URL= (set but empty, as in many .env files) falls back to the SQLite file."""
    clean_environment.setenv("DATABASE_URL", "")
    assert get_settings().database_url.endswith("/data/dashboard.db")


def test_environment_is_read_at_call_time(clean_environment: pytest.MonkeyPatch) -> None:
    """Changing the environment changes the next get_settings() without any reload."""
    first = get_settings()
    clean_environment.setenv("DATABASE_URL", "postgresql+psycopg://u@db.example/prod")
    clean_environment.setenv("UPLOAD_MAX_MB", "5")
    clean_environment.setenv("SQLITE_BUSY_TIMEOUT_MS", "250")
    assert get_settings() == Settings(
        database_url="postgresql+psycopg://u@db.example/prod",
        upload_max_mb=5,
        sqlite_busy_timeout_ms=250,
    )
    assert first.database_url != get_settings().database_url


def readme_section(title_word: str) -> str:
    """The text of the README's level-2 section whose heading contains title_word."""
    sections = README.read_text(encoding="utf-8").split("\n## ")[1:]
    matching = [section for section in sections if title_word in section.splitlines()[0]]
    assert matching, f"README.md has no section about {title_word}"
    return matching[0]


@pytest.mark.parametrize("variable", SETTING_VARIABLES)
def test_every_setting_is_documented_in_the_readme(variable: str) -> None:
    """Each Settings field has its environment variable in the README's configuration section."""
    assert f"`{variable}`" in readme_section("配置"), f"README.md does not document {variable}"
