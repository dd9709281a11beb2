"""Where the files shipped with the app are: the one module that resolves them.

The QML views (``ui/`` in the repository) and the resources (``resources/``: built-in presets,
sim profiles, cue sounds, the icon) are installed inside the package as the data packages
``treadmill_ctl.ui`` and ``treadmill_ctl.resources`` (``pyproject.toml`` maps them), so they
are found with ``importlib.resources`` wherever the app is installed: a wheel in a venv, pipx,
or the editable install of a checkout (where they resolve to the checkout's folders).

Each function returns a real folder or file on disk: Qt loads QML from a path, and the wheel
is never installed zipped (the folders are plain directories in site-packages).
"""

from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path
from typing import Final

from treadmill_ctl.errors import TreadmillError

UI_PACKAGE: Final = "treadmill_ctl.ui"
RESOURCES_PACKAGE: Final = "treadmill_ctl.resources"
ICON_NAME: Final = "treadmill-ctl.svg"


@functools.cache
def _folder(package: str) -> Path:
    found = files(package)
    # A regular package on disk resolves to a pathlib.Path; anything else (a zip import) would
    # need extracting, which the app never does at run time.
    if not isinstance(found, Path) or not found.is_dir():
        raise TreadmillError(f"{package} is not a folder on disk ({found!r}); reinstall the app")
    return found


def ui_dir() -> Path:
    """The QML views (``Main.qml`` and the screens)."""
    return _folder(UI_PACKAGE)


def main_qml() -> Path:
    """The window's QML file."""
    return ui_dir() / "Main.qml"


def resources_dir() -> Path:
    """The shipped resources folder."""
    return _folder(RESOURCES_PACKAGE)


def presets_dir() -> Path:
    """The built-in presets (``*.toml``)."""
    return resources_dir() / "presets"


def plans_dir() -> Path:
    """The built-in training plans (``*.toml``; docs/plans.md)."""
    return resources_dir() / "plans"


def sim_profiles_dir() -> Path:
    """The virtual treadmill's shipped profiles (``*.toml``)."""
    return resources_dir() / "sim_profiles"


def sounds_dir() -> Path:
    """The cue clips and tones (``*.wav``)."""
    return resources_dir() / "sounds"


def icon_file() -> Path:
    """The app's icon (SVG), for the desktop entry."""
    return resources_dir() / "icons" / ICON_NAME


def translations_dir() -> Path:
    """The compiled translations (``treadmill_ctl_<lang>.qm``; docs/translations.md)."""
    return resources_dir() / "translations"
