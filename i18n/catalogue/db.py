"""Messages of the database layer (data_access/db.py, data_access/cache.py).

They stay bilingual in both languages: the command line prints them before (or without)
any language choice, and an operator of either language must be able to act on them.
"""


def _both(text: str) -> tuple[str, str]:
    """The same bilingual text for both languages."""
    return (text, text)


MESSAGES: dict[str, tuple[str, str]] = {
    "db.invalid_url": _both("数据库地址无效 / invalid DATABASE_URL (scheme {scheme!r})"),
    "db.unsupported": _both("不支持的数据库类型 / unsupported database: {backend}"),
    "db.cannot_create_folder": _both(
        "无法创建数据库目录 / cannot create the database folder: {reason}"
    ),
    "db.unreachable": _both("无法连接数据库 / cannot reach database {url}: {reason}"),
    "db.error": _both("数据库错误 / database error: {reason}"),
    "db.connection_lost": _both("数据库连接中断 / lost the database connection: {reason}"),
}
