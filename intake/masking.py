"""Masking of personal data for printed receipts and screens that do not need full values."""

from __future__ import annotations


def mask_name(name: str) -> str:
    """张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明; works by code point, so rare
    characters outside the BMP count as one character."""
    chars = list(name.strip())
    if len(chars) <= 1:
        return "".join(chars)
    if len(chars) == 2:
        return chars[0] + "*"
    return chars[0] + "*" * (len(chars) - 2) + chars[-1]


def mask_id_number(number: str) -> str:
    """4301**********1234: the first and last four characters stay."""
    if len(number) <= 8:
        return number[:1] + "*" * max(len(number) - 1, 0)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_phone(phone: str) -> str:
    """138****5678 for mobile numbers; other numbers keep their last four digits."""
    digits = phone.strip()
    if len(digits) == 11:
        return digits[:3] + "****" + digits[7:]
    if len(digits) <= 4:
        return digits
    return "*" * (len(digits) - 4) + digits[-4:]
