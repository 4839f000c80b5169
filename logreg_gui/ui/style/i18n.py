"""Languages: English (the source) and Chinese (zh_CN), through Qt's translation system.

Every string a person reads is marked in the source — ``self.tr("…")`` in Qt classes,
``translate("Context", "…")`` elsewhere, ``QT_TRANSLATE_NOOP`` for constants — so that
``pyside6-lupdate`` collects them into ``resources/translations/logreg_gui_zh_CN.ts``; the
compiled ``logreg_gui_zh_CN.qm`` ships in the package (``resources/translations/update.py``
remakes both). The core's messages come through the same translator:
:func:`install` gives :func:`logreg_gui.core.i18n.set_translator` Qt's.

The language follows the system's unless the person chose one (View ▸ Language); a choice
applies from the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ...core.i18n import QT_TRANSLATE_NOOP  # one marker for the core and the window

__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "chosen_language",
    "install",
    "language_in_use",
    "set_language",
    "translate",
    "translations_dir",
]

#: The languages offered (View ▸ Language): code → name, each in its own language.
LANGUAGES = {"system": "System / 系统", "en": "English", "zh_CN": "中文（简体）"}
_SETTING = "ui/language"
#: Labels of Qt's own file dialog that Qt's Chinese translation lacks (Qt 6 gave their
#: sources a mnemonic "&"): translated in logreg-gui's file, which Qt asks after its own.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
_installed = []


def translate(context, text) -> str:
    """``text`` in the language in use (``context``: the class or module it belongs to)."""
    return QCoreApplication.translate(context, text)


def translations_dir() -> Path:
    """Where the compiled translations (.qm) are, inside the package."""
    return Path(__file__).resolve().parents[2] / "translations"


def chosen_language() -> str:
    """The language chosen in View ▸ Language: a code of :data:`LANGUAGES`."""
    code = QSettings().value(_SETTING, "system") or "system"
    return code if code in LANGUAGES else "system"


def set_language(code) -> None:
    """Keep ``code`` (a key of :data:`LANGUAGES`) for the next start."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    QSettings().setValue(_SETTING, code)


def language_in_use(code=None) -> str:
    """``"zh_CN"`` or ``"en"``: the chosen language, or the system's for ``"system"``."""
    code = chosen_language() if code is None else code
    if code == "system":
        code = "zh_CN" if QLocale.system().name().startswith("zh") else "en"
    return code


_speaking = "en"


def speaking() -> str:
    """The language installed (``"en"`` or ``"zh_CN"``): what the window speaks now."""
    return _speaking


def install(app, code=None) -> str:
    """Load the translation of ``code`` (default: as chosen) into ``app`` — logreg-gui's
    and Qt's own (standard dialogs' buttons) — and route the core's messages through it.
    Returns the language in use."""
    from ...core.i18n import set_translator

    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language_in_use(code)
    global _speaking
    _speaking = language
    if language != "en":
        ours = QTranslator(app)
        if ours.load(f"logreg_gui_{language}", str(translations_dir())):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        QLocale.setDefault(QLocale(language))
    else:
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
    set_translator(QCoreApplication.translate)
    return language
