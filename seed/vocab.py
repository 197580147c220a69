"""Vocabulary of the demo data: places, people's names, positions (data only, no logic).

Township names, kinds and the confirmed village names come from docs/domain.md; every other
village and person name here is illustrative (made up), which the UI says of the demo.
"""

from __future__ import annotations

PROVINCE = "安徽省"
CITY = "铜陵市"
COUNTY = "枞阳县"

# The 22 townships of 2017 (NBS division list) in docs/domain.md order, with a relative size
# that drives how many villages and problems each gets (the county seat and the large
# river towns more, the five 乡 fewer). Sizes are illustrative.
TOWNSHIPS: tuple[tuple[str, str, float], ...] = (
    ("枞阳镇", "镇", 1.6),
    ("藕山镇", "镇", 1.2),
    ("汤沟镇", "镇", 1.3),
    ("老洲镇", "镇", 0.9),
    ("陈瑶湖镇", "镇", 0.9),
    ("周潭镇", "镇", 0.9),
    ("横埠镇", "镇", 1.4),
    ("项铺镇", "镇", 1.0),
    ("钱桥镇", "镇", 1.1),
    ("麒麟镇", "镇", 0.9),
    ("义津镇", "镇", 1.2),
    ("浮山镇", "镇", 1.0),
    ("会宫镇", "镇", 1.1),
    ("官埠桥镇", "镇", 0.8),
    ("钱铺镇", "镇", 0.8),
    ("金社镇", "镇", 0.8),
    ("白柳镇", "镇", 1.0),
    ("铁铜乡", "乡", 0.55),
    ("凤仪乡", "乡", 0.6),
    ("长沙乡", "乡", 0.6),
    ("白梅乡", "乡", 0.5),
    ("雨坛乡", "乡", 0.55),
)

# Confirmed real village names (docs/domain.md); the flag marks the known poverty villages.
CONFIRMED_VILLAGES: dict[str, tuple[tuple[str, bool], ...]] = {
    "钱桥镇": (
        ("钱桥村", False),
        ("邹姚村", False),
        ("新埠村", False),
        ("高丰村", False),
        ("马塘村", False),
        ("大塘村", False),
        ("宣庄村", False),
        ("洪湾村", False),
        ("兴旺村", False),
        ("朝阳村", False),
        ("石马村", False),
    ),
    "老洲镇": (("高沿村", False), ("红杨村", False), ("同乐村", False), ("罗墩村", True)),
    "陈瑶湖镇": (("虾溪村", True),),
}

# Illustrative village names are <first><second>村, both parts typical of the Yangtze
# plain and hills around Zongyang (湾, 圩, 畈, 冲 ...).
VILLAGE_FIRST = (
    "东", "西", "南", "北", "上", "下", "大", "小", "新", "老", "高", "长", "石", "黄",
    "白", "青", "金", "桂", "枫", "柳", "杨", "松", "竹", "梅", "桃", "莲", "凤", "龙",
    "双", "三", "联", "永", "复", "太", "和", "安", "广", "兴", "洪", "平", "民", "福",
)  # fmt: skip
VILLAGE_SECOND = (
    "湾", "圩", "畈", "冲", "塘", "岭", "山", "河", "湖", "桥", "庄", "岗", "埠", "洲",
    "墩", "店", "林", "园", "岩", "峰", "坂", "溪", "铺", "集", "渡", "丰", "垅", "华",
)  # fmt: skip

# Surnames common in Zongyang (疏, 檀, 光, 汪, 章 ...) and given-name characters.
SURNAMES = (
    "王", "李", "张", "刘", "陈", "吴", "汪", "方", "章", "钱", "周", "许", "何", "姚",
    "江", "朱", "胡", "檀", "疏", "光", "左", "施", "吕", "孙", "邓", "徐", "杨", "叶",
    "程", "查", "丁", "潘", "凤", "齐", "操", "储", "金", "项",
)  # fmt: skip
GIVEN_CHARS = (
    "国", "建", "志", "明", "德", "春", "红", "华", "军", "平", "文", "学", "永", "长",
    "贵", "保", "根", "林", "海", "忠", "安", "庆", "新", "友", "成", "兵", "勇", "峰",
    "霞", "芳", "云", "玲", "桂", "英", "胜", "如", "松", "祥", "和", "传", "家", "正",
)  # fmt: skip

# Positions of people held accountable: the person directly responsible (直接责任) and the
# leader responsible (领导责任, 一案双查). "{kind}" is 镇 or 乡.
DIRECT_POSITIONS = (
    ("村党支部书记", 6),
    ("村委会主任", 5),
    ("村报账员", 3),
    ("村会计", 2),
    ("村监委会主任", 2),
    ("{kind}扶贫专干", 4),
    ("{kind}民政办主任", 2),
    ("{kind}财政所所长", 1),
    ("驻村扶贫工作队队长", 2),
    ("帮扶责任人", 3),
)
LEADER_POSITIONS = (
    ("分管副{kind}长", 6),
    ("{kind}党委副书记", 2),
    ("{kind}长", 2),
    ("{kind}党委书记", 1),
    ("{kind}纪委书记", 2),
    ("包村干部", 2),
)
LEAD_SUBJECT_POSITIONS = (
    ("村党支部书记", 5),
    ("村委会主任", 4),
    ("村报账员", 2),
    ("{kind}扶贫专干", 2),
    ("{kind}财政所工作人员", 1),
    ("{kind}民政办工作人员", 1),
)
LEAD_RECEIVERS = (("县纪委监委", 34), ("县委组织部", 3), ("县扶贫开发领导小组办公室", 3))

GROUP_NAMES = ("第一巡察组", "第二巡察组", "第三巡察组", "第四巡察组")
ROUND_NAME = "2018年脱贫攻坚专项巡察"
ROUND_THEME = "脱贫攻坚专项巡察"  # the round's theme: the app's subtitle on the demo data
