"""Error and warning codes of the devices package → Chinese text (CLI, translators' reference).

The desktop translates by code through Qt's translation files; this table is what the CLI
prints and what translators start from. A test checks every code the package can raise has
an entry here.
"""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES_ZH: Mapping[str, str] = {
    # card: the reader is fine, the card is missing, moved or refused
    "card.not_found": "读卡器上没有证件，请放好证件",
    "card.lift_required": "证件已读取，请拿起证件后重新放置",
    "card.removed": "读卡过程中证件被移动，请重新放置证件后再读",
    "card.select_failed": "选卡失败，请重新放置证件",
    "card.read_failed": "读卡失败，请重新放置证件后再读",
    "card.auth_failed": "证件认证失败（证件可能损坏或非法）",
    "card.verify_failed": "证件信息校验失败",
    "card.unknown_type": "无法识别的证件类型",
    "card.text_length": "证件文字信息长度错误",
    "card.tlv": "证件数据格式错误",
    "card.date_invalid": "证件上的日期无法识别，请人工核对",
    "card.expired": "证件已过有效期",
    "card.error": "证件错误",
    # SAM: the reader's security module
    "sam.command_checksum": "读卡器收到的指令校验和错误",
    "sam.command_length": "读卡器收到的指令长度错误",
    "sam.bad_command": "读卡器不支持该指令",
    "sam.unauthorised": "读卡器拒绝越权操作",
    "sam.unknown_error": "读卡器报告未知错误",
    "sam.auth_failed": "证件未能认证安全模块（SAM）",
    "sam.random_failed": "安全模块取随机数失败",
    "sam.self_test_failed": "安全模块（SAM）自检失败，请联系设备维护",
    "sam.not_authorised": "安全模块（SAM）未授权，请联系设备维护",
    "sam.unknown_status": "读卡器返回未知状态码",
    "sam.error": "安全模块错误",
    # the serial line
    "frame.checksum": "读卡器数据校验错误，请重新读卡",
    "frame.length": "读卡器数据长度错误，请重新读卡",
    "frame.timeout": "读卡器无响应，请检查连接线和端口",
    "frame.truncated": "读卡器数据不完整，请重新读卡",
    "frame.error": "读卡器通信错误",
    # the reader itself
    "reader.not_found": "未找到读卡器，请检查连接和设置",
    "reader.unplugged": "读卡器已断开，请重新连接（系统会自动重连）",
    "reader.permission": "无权访问串口（请将用户加入 dialout 组或配置 udev 规则）",
    "reader.busy": "串口被其他程序占用",
    "reader.not_open": "读卡器未打开",
    "reader.error": "读卡器故障",
    # PC/SC and the social security card
    "pcsc.no_service": "智能卡服务未运行（Linux：pcscd；Windows：Smart Card 服务）",
    "pcsc.unavailable": "未安装智能卡支持组件（pyscard）",
    "pcsc.error": "智能卡读卡器错误",
    "pcsc.not_social_security": "该卡不是社会保障卡",
    "pcsc.pin_required": "需要输入社保卡密码",
    "pcsc.pin_failed": "社保卡密码校验失败",
    "pcsc.pin_format": "社保卡密码应为 6 至 8 位数字",
    "pcsc.pin_blocked": "社保卡密码已锁定，请到社保经办机构解锁",
    # vendor SDK
    "vendor.library": "无法加载厂商读卡库（检查路径与 CPU 架构）",
    "vendor.symbol": "厂商读卡库缺少必要的接口",
    # configuration and internal
    "device.config": "读卡设备配置错误",
    "device.internal": "读卡模块内部错误",
    "device.error": "读卡设备错误",
    # warnings from the identity rules (intake) a card can carry
    "id.checksum": "证件号码校验位错误",
    "id.length": "证件号码长度错误",
    "id.format": "证件号码格式错误",
    "id.birth_date": "证件号码中的出生日期无效",
    "id.future_birth": "证件号码中的出生日期晚于今天",
    "id.region": "证件号码中的地址码不存在",
    "id.kind": "证件号码与证件类型不符",
    "id.empty": "证件号码为空",
    "identity.name_empty": "姓名为空",
    "identity.number_empty": "证件号码为空",
    "identity.sex": "性别代码无效",
    "identity.ethnicity": "民族代码无效",
}


def message_zh(code: str, fallback: str = "") -> str:
    """The Chinese text for ``code``; ``fallback`` (the English message) if there is none."""
    return MESSAGES_ZH.get(code, fallback or code)
