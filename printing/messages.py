"""Error code → the Chinese message a clerk sees.

The desktop translates through Qt, but the CLI, the kiosk's fallback screen and the job list
need a plain table too; keep it complete: a test checks every code in ``printing.errors``.
"""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: Mapping[str, str] = {
    "print.error": "打印失败，请重试。",
    "print.unexpected": "打印时发生内部错误，作业已保留，请联系技术支持后重试。",
    "print.job_not_retryable": "该打印作业不能重试（已完成或已取消）。",
    "font.not_found": "未找到可用的中文字体，请安装文泉驿微米黑或在设置中指定字体文件。",
    "font.unusable": "字体文件无法使用（不是 TrueType 字体或已损坏），请更换字体。",
    "font.missing_glyph": (
        "部分生僻字在已安装字体中缺失，打印件可能无法正确显示，请核对或安装补充字体。"
    ),
    "document.not_applicable": "该办件当前状态不适用此文书。",
    "document.unknown_kind": "未知的文书类型。",
    "document.bad_template": "查询链接模板配置有误，请检查站点设置。",
    "printer.not_found": "找不到指定的打印机，请检查打印机名称或连接。",
    "printer.offline": "打印机未就绪（已停用、脱机或未开机），作业已保留，可稍后重打。",
    "printer.paper_out": "打印机缺纸，请装纸后重打。",
    "printer.rejecting": "打印机当前拒绝接收作业，请检查打印队列。",
    "printer.timeout": "打印机长时间未确认完成，作业已保留，请检查打印机后重打。",
    "printer.failed": "打印机报告错误，作业已保留，可稍后重打。",
    "printer.unsupported_document": "该打印机不支持此类文书（如热敏小票机不能打印 A4 通知书）。",
    "printer.backend_unavailable": "本机缺少该打印方式所需的系统组件。",
}


def message_for(code: str) -> str:
    """The Chinese message for ``code``; unknown codes fall back to the generic one, never empty."""
    return MESSAGES.get(code) or MESSAGES["print.error"]
