"""Messages of number formatting (data_access/formatting.py): money with its unit."""

MESSAGES: dict[str, tuple[str, str]] = {
    "formatting.yuan": ("{amount} 元", "¥{amount}"),
    # 万 is a Chinese reader's unit: English shows "formatting.yuan" instead of these two.
    "formatting.yuan_wan": ("{amount} 万元", "{amount} × ¥10k"),
    "formatting.points": ("{amount} 个百分点", "{amount} pp"),  # a rate's change
    "formatting.unchanged": ("持平", "no change"),
    "formatting.yuan_in_full": ("{yuan} 元（{wan} 万元）", "¥{yuan} ({wan} × ¥10k)"),
}
