"""乡镇对比 (townships): placeholder until issue 3 builds it."""

from components.placeholder import planned_page

planned_page(
    3,
    "各乡镇问题数、完成率、逾期、挽回损失和问责人数的排名与对比，点击图表筛选，逐级下钻到村和问题。",
)
