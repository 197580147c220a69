"""A category cell as offices write it: numbering, 方面/问题 endings, the demo's short names."""

from __future__ import annotations

import pytest

from data_access.ingest.category_words import category_key, category_name
from tests.support.ledger_files import PROBLEMS, Parse, problem_records, sheet, xlsx_bytes


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("一、党的政治建设方面", "党的政治建设方面"),
        ("（二）选人用人方面", "选人用人方面"),
        ("(3)意识形态工作方面：", "意识形态工作方面"),
        ("2.党风廉政建设方面问题", "党风廉政建设方面问题"),
        ("10、基层党建", "基层党建"),
        ("一、（一）政治建设", "政治建设"),
        ("①作风建设", "作风建设"),
        ("2018年专项整治", "2018年专项整治"),  # a year is no numbering
        ("三农工作", "三农工作"),  # nor a numeral inside a word
    ],
)
def test_numbering_is_not_part_of_the_name(written: str, name: str) -> None:
    assert category_name(written) == name


def test_a_trailing_fang_mian_or_wen_ti_makes_no_difference() -> None:
    keys = {category_key(w) for w in ("党的政治建设", "党的政治建设方面", "党的政治建设方面问题")}
    assert keys == {"党的政治建设"}
    assert category_key("问题") == "问题"  # never folded to nothing


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("扶贫工作主体责任落实", "main_responsibility"),
        ("一、主体责任", "main_responsibility"),
        ("（二）监督责任方面", "supervision_responsibility"),
        ("任务推进", "task_progress"),
        ("4.资金项目方面问题", "funds_projects"),
        ("四风", "work_style"),
        ("扶贫领域“四风”", "work_style"),
        ('扶贫领域"四风"问题', "work_style"),
        ("funds_projects", "funds_projects"),
        ("Funds and projects", "funds_projects"),
        (None, ""),  # 未分类
    ],
)
def test_the_demo_round_takes_its_areas_by_name_code_or_short_name(
    parse: Parse, word: str | None, code: str
) -> None:
    records = problem_records(1)
    records[0].update({"问题类别": word, "问题子类": None})
    parsed = parse(xlsx_bytes(sheet(PROBLEMS.name, records)))
    assert parsed.errors == [] and parsed.is_valid, parsed.pending_consents
    assert parsed.problems["focus_area"].tolist() == [code]


def test_a_category_the_demo_round_lacks_waits_on_a_yes(parse: Parse) -> None:
    records = problem_records(3)
    records[1].update({"问题类别": "五、基层党建方面", "问题子类": None})
    data = xlsx_bytes(sheet(PROBLEMS.name, records))
    parsed = parse(data)
    assert parsed.errors == [] and not parsed.is_valid
    assert [c.name for c in parsed.categories.waiting] == ["基层党建方面"]
    assert "“基层党建方面”（第 3 行）" in parsed.pending_consents[0].message
    assert parse(data, accept_new_categories=True).is_valid
    mapped = parse(data, category_map={"基层党建": "扶贫工作主体责任落实"})
    assert mapped.is_valid and mapped.problems["focus_area"][1] == "main_responsibility"
