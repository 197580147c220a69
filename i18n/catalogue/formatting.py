"""Messages of number formatting (data_access/formatting.py): money with its unit."""

MESSAGES: dict[str, tuple[str, str]] = {
    "formatting.yuan": ("{amount} 元", "¥{amount}"),
    # 万 is a Chinese reader's unit: English shows "formatting.yuan" instead of these two.
    "formatting.yuan_wan": ("{amount} 万元", "{amount} × ¥10k"),
    "formatting.yuan_in_full": ("{yuan} 元（{wan} 万元）", "¥{yuan} ({wan} × ¥10k)"),
}
