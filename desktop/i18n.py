"""Translations: Qt's own zh_CN (dialog buttons, context menus) and ours, zh_CN by default.

English is the source language; ``desktop/i18n/windowdesk_zh_CN.ts`` is kept in the repo and
the set-up builds the ``.qm`` next to it (``make`` runs ``pyside6-lrelease``).
``WINDOWDESK_LANG=en`` shows the English source strings (developers, screenshots for docs).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
HERE = Path(__file__).parent / "i18n"
TS_FILE = HERE / "windowdesk_zh_CN.ts"
QM_FILE = HERE / "windowdesk_zh_CN.qm"


def language() -> str:
    return os.environ.get("WINDOWDESK_LANG", "zh_CN")


def set_default_locale() -> None:
    """Before the QApplication exists (the virtual keyboard and number formats read it)."""
    if language() != "en":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def install(app: QApplication) -> list[QTranslator]:
    """Load the translators; keep the returned list alive as long as the app."""
    if language() == "en":
        return []
    loaded: list[QTranslator] = []
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load("qtbase_zh_CN", qt_dir):
        app.installTranslator(qt)
        loaded.append(qt)
    else:
        log.warning("Qt's own zh_CN translation was not found in %s", qt_dir)
    ours = QTranslator(app)
    if ours.load(str(QM_FILE)):
        app.installTranslator(ours)
        loaded.append(ours)
    else:
        log.error("%s is missing: run the set-up (make) to build the translations", QM_FILE)
    return loaded
