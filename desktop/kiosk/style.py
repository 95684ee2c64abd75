"""The kiosk's look: touch-sized targets and large type; the elder mode (适老化) is the same
screens in high contrast with larger type still, one tap away on every screen."""

from __future__ import annotations

#: The smallest touch target (px): a finger, not a mouse pointer.
TOUCH_MIN = 64

NORMAL = f"""
QWidget#kiosk {{ background: #f3f6fa; color: #1a1a1a; font-size: 22px; }}
QWidget#kiosk QLabel {{ font-size: 22px; color: #1a1a1a; }}
QWidget#kiosk QPushButton {{
    min-height: {TOUCH_MIN}px; min-width: {TOUCH_MIN}px; font-size: 24px; padding: 6px 18px;
    border-radius: 10px; background: #ffffff; border: 2px solid #1f5fa8; color: #1f5fa8;
}}
QWidget#kiosk QPushButton[primary="true"] {{ background: #1f5fa8; color: #ffffff; }}
QWidget#kiosk QPushButton[tile="true"] {{ min-height: 90px; font-size: 30px; font-weight: bold; }}
QWidget#kiosk QPushButton:checked {{ background: #1f5fa8; color: #ffffff; }}
QWidget#kiosk QLineEdit, QWidget#kiosk QComboBox, QWidget#kiosk QPlainTextEdit {{
    min-height: {TOUCH_MIN}px; font-size: 24px; background: #ffffff; color: #1a1a1a;
}}
QWidget#kiosk QLabel#kioskTitle {{ font-size: 34px; font-weight: bold; color: #1f5fa8; }}
QWidget#kiosk QLabel#kioskBig {{ font-size: 96px; font-weight: bold; color: #1f5fa8; }}
QWidget#kiosk QLabel#countdown {{
    background: #b00020; color: #ffffff; font-size: 30px; padding: 12px; border-radius: 10px;
}}
QWidget#kiosk QLabel#kioskProblem {{ color: #b00020; font-size: 22px; }}
QWidget#kiosk QTextBrowser {{ font-size: 22px; background: #ffffff; }}
QWidget#kiosk QCheckBox::indicator {{ width: 40px; height: 40px; }}
QWidget#kiosk QScrollBar:vertical {{ width: 28px; }}
"""

ELDER = f"""
QWidget#kiosk {{ background: #000000; color: #ffffff; font-size: 30px; }}
QWidget#kiosk QLabel {{ font-size: 30px; color: #ffffff; }}
QWidget#kiosk QScrollArea, QWidget#kiosk QScrollArea > QWidget > QWidget {{ background: #000000; }}
QWidget#kiosk QPushButton {{
    min-height: {TOUCH_MIN + 24}px; min-width: {TOUCH_MIN + 24}px; font-size: 34px;
    padding: 8px 10px; border-radius: 10px; background: #000000; border: 3px solid #ffd400;
    color: #ffd400;
}}
QWidget#kiosk QPushButton[primary="true"] {{ background: #ffd400; color: #000000; }}
QWidget#kiosk QPushButton[tile="true"] {{ min-height: 100px; font-size: 40px; font-weight: bold; }}
QWidget#kiosk QPushButton:checked {{ background: #ffd400; color: #000000; }}
QWidget#kiosk QLineEdit, QWidget#kiosk QComboBox, QWidget#kiosk QPlainTextEdit {{
    min-height: {TOUCH_MIN + 24}px; font-size: 34px; background: #ffffff; color: #000000;
}}
QWidget#kiosk QLabel#kioskTitle {{ font-size: 40px; font-weight: bold; color: #ffd400; }}
QWidget#kiosk QLabel#kioskBig {{ font-size: 120px; font-weight: bold; color: #ffd400; }}
QWidget#kiosk QLabel#countdown {{
    background: #ffd400; color: #000000; font-size: 38px; padding: 14px; border-radius: 10px;
}}
QWidget#kiosk QLabel#kioskProblem {{ color: #ff8080; font-size: 30px; }}
QWidget#kiosk QTextBrowser {{ font-size: 30px; background: #000000; color: #ffffff; }}
QWidget#kiosk QCheckBox::indicator {{ width: 52px; height: 52px; }}
QWidget#kiosk QScrollBar:vertical {{ width: 40px; }}
"""
