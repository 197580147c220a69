"""mypy plugin: a SQLModel table's class attributes are SQLAlchemy columns, as at run time.

SQLModel declares `Problem.status` as `str`, so mypy sees `str` where the code (and SQLAlchemy at
run time) has an InstrumentedAttribute: `Problem.status.in_(...)`, `select(Problem.id)`. The
library's answer is wrapping every use in `col()`; this plugin instead types a table class's
field, read on the class, as `InstrumentedAttribute[<field type>]` (what SQLAlchemy's own
`Mapped[...]` gives), and declares `__table__: ClassVar[Table]` on table classes. Instances
keep the plain field types. Configured in pyproject.toml ([tool.mypy] plugins).
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ClassDef, Import, ImportAll, ImportFrom, MypyFile, NameExpr, TypeInfo, Var
from mypy.plugin import AttributeContext, ClassDefContext, Plugin
from mypy.plugins.common import add_attribute_to_class
from mypy.types import Instance, Type

SQLMODEL = "sqlmodel.main.SQLModel"
ATTRIBUTE = "sqlalchemy.orm.attributes.InstrumentedAttribute"
TABLE = "sqlalchemy.sql.schema.Table"
MARK = "sqlmodel_table"  # TypeInfo.metadata key (kept in mypy's cache with the class)
# modules whose importers may read a table class's fields (the models and what re-exports them)
MODEL_PACKAGES = ("sqlmodel", "data_access")


def _imported(file: MypyFile) -> set[str]:
    """The modules a file imports (top-level and nested import statements)."""
    names: set[str] = set()
    for node in file.imports:
        if isinstance(node, Import):
            names.update(name for name, _ in node.ids)
        elif isinstance(node, ImportFrom | ImportAll):
            names.add(node.id)
    return names


def _is_table(defn: ClassDef) -> bool:
    """Whether the class statement says `table=True`."""
    flag = defn.keywords.get("table")
    return isinstance(flag, NameExpr) and flag.fullname == "builtins.True"


def _mark_table(ctx: ClassDefContext) -> None:
    """Remember a table class and give it `__table__` (SQLModel sets it at class creation)."""
    if not _is_table(ctx.cls):
        return
    table = ctx.api.named_type_or_none(TABLE)
    if table is None:  # sqlalchemy not analysed yet: come back in a later pass
        if not ctx.api.final_iteration:
            ctx.api.defer()
        return
    ctx.cls.info.metadata[MARK] = {}
    add_attribute_to_class(ctx.api, ctx.cls, "__table__", table, is_classvar=True)


class SQLModelColumns(Plugin):
    """Class-level access to a SQLModel table field is typed as its SQLAlchemy attribute."""

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        """Make the attribute and Table classes known where table classes may be read."""
        if not any(name.split(".")[0] in MODEL_PACKAGES for name in _imported(file)):
            return []
        return [(10, ATTRIBUTE.rpartition(".")[0], -1), (10, TABLE.rpartition(".")[0], -1)]

    def get_base_class_hook(self, fullname: str) -> Callable[[ClassDefContext], None] | None:
        """Mark classes that derive from SQLModel directly with table=True."""
        return _mark_table if fullname == SQLMODEL else None

    def get_class_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        """Retype the fields (not ClassVars, dunders or methods) of marked table classes."""
        owner, _, name = fullname.rpartition(".")
        if name.startswith("_"):
            return None
        symbol = self.lookup_fully_qualified(owner)
        if symbol is None or not isinstance(symbol.node, TypeInfo):
            return None
        info = symbol.node
        field = info.names.get(name)
        if MARK not in info.metadata or field is None or not isinstance(field.node, Var):
            return None
        return None if field.node.is_classvar else self._column

    def _column(self, ctx: AttributeContext) -> Type:
        """The field read on the class: an InstrumentedAttribute of the field's type."""
        attribute = self.lookup_fully_qualified(ATTRIBUTE)
        if attribute is None or not isinstance(attribute.node, TypeInfo):
            return ctx.default_attr_type
        return Instance(attribute.node, [ctx.default_attr_type])


def plugin(version: str) -> type[Plugin]:
    """mypy's entry point."""
    return SQLModelColumns
