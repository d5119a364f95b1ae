"""A font with Chinese glyphs for the PDFs the tests generate."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def find_cjk_font() -> str | None:
    """$ASSISTANT_TEST_CJK_FONT, the pip package paperang-p2-fonts-cjk (WenQuanYi Micro Hei),
    or any fontconfig font for zh-cn (e.g. Debian's fonts-wqy-microhei)."""
    env = os.environ.get("ASSISTANT_TEST_CJK_FONT")
    if env and Path(env).is_file():
        return env
    try:
        from importlib.resources import files

        f = files("paperang_p2_fonts_cjk") / "fonts" / "wqy-microhei.ttc"
        if f.is_file():
            return str(f)
    except ImportError:
        pass
    fc_list = shutil.which("fc-list")
    if fc_list:
        out = subprocess.run([fc_list, ":lang=zh-cn", "file"], capture_output=True, text=True).stdout
        for line in sorted(out.splitlines()):
            f = line.split(":")[0].strip()
            if f.lower().endswith((".ttf", ".ttc", ".otf")):
                return f
    return None


CJK_FONT = find_cjk_font()
needs_cjk_font = pytest.mark.skipif(
    CJK_FONT is None,
    reason="no CJK font to make test PDFs: `pip install paperang-p2-fonts-cjk` "
           "(or `apt-get install fonts-wqy-microhei`)")
