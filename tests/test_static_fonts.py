"""The vendored fonts: there, WOFF2, small, licensed, declared in newsdiff.css, and covering
every icon the screens use (so that a machine without symbol fonts shows no empty boxes)."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "static" / "newsdiff" / "fonts"
CSS = ROOT / "static" / "newsdiff" / "css" / "newsdiff.css"
# Each font file, and the license that covers it.
FONT_FILES = {
    "noto-naskh-arabic-400.woff2": "OFL.txt",
    "noto-naskh-arabic-700.woff2": "OFL.txt",
    "noto-sans-symbols-2-icons.woff2": "OFL-noto-sans-symbols-2.txt",
    "noto-sans-math-icons.woff2": "OFL-noto-sans-math.txt",
}
MAX_BYTES = 150 * 1024
# Unicode blocks of arrows, mathematical operators, technical and geometric symbols, dingbats:
# characters that Latin UI fonts often lack.
SYMBOL_BLOCKS = (
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
    (0x2300, 0x23FF),
    (0x25A0, 0x25FF),
    (0x2600, 0x26FF),
    (0x2700, 0x27BF),
    (0x27F0, 0x27FF),
    (0x2900, 0x297F),
    (0x2980, 0x29FF),
)
FONT_FACE = re.compile(r"@font-face\s*\{(?P<body>[^}]*)\}")


def font_faces() -> list[dict[str, str]]:
    faces = []
    for match in FONT_FACE.finditer(CSS.read_text(encoding="utf-8")):
        declarations = (d.split(":", 1) for d in match["body"].split(";") if ":" in d)
        faces.append({name.strip(): value.strip() for name, value in declarations})
    return faces


def code_points(unicode_range: str) -> set[int]:
    points: set[int] = set()
    for part in unicode_range.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def shown_text(path: Path) -> str:
    """What of a file may reach a screen: a template, stylesheet or script whole, only the
    string literals of Python (a comment's arrow is shown to no one)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return text
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    kinds = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    return "".join(t.string for t in tokens if t.type in kinds)


@pytest.mark.parametrize(("name", "license_name"), FONT_FILES.items())
def test_font_file_is_small_woff2_with_its_license(name: str, license_name: str) -> None:
    data = (FONTS / name).read_bytes()
    assert data[:4] == b"wOF2"
    assert len(data) < MAX_BYTES
    assert "SIL Open Font License" in (FONTS / license_name).read_text(encoding="utf-8")


def test_every_font_file_is_declared_once_with_swap_and_a_unicode_range() -> None:
    faces = font_faces()
    sources = [face["src"] for face in faces]
    for name in FONT_FILES:
        assert sum(f'url("../fonts/{name}") format("woff2")' in src for src in sources) == 1
    for face in faces:
        assert face["font-display"] == "swap"
        assert code_points(face["unicode-range"])
    assert not set(FONTS.glob("*.woff2")) - {FONTS / name for name in FONT_FILES}


def test_arabic_face_covers_arabic_and_its_presentation_forms() -> None:
    arabic = [face for face in font_faces() if face["font-family"] == '"Newsdiff Arabic"']
    assert sorted(face["font-weight"] for face in arabic) == ["400", "700"]
    for face in arabic:
        points = code_points(face["unicode-range"])
        # Letters, Arabic-Indic digits, the Arabic comma and question mark, ligatures.
        assert {ord(c) for c in "عربي٠١٢٣٤٥٦٧٨٩،؛؟"} <= points
        assert {0xFB50, 0xFDFF, 0xFE70, 0xFEFC} <= points
        assert not {ord(c) for c in "Aa1.,"} & points  # Latin stays in the system font
        assert face["size-adjust"].endswith("%")


def test_families_come_first_in_the_page_font() -> None:
    css = CSS.read_text(encoding="utf-8")
    stack = re.search(r":root\s*\{[^}]*?\s+font-family:\s*(?P<stack>[^;]+);", css)
    assert stack is not None
    assert stack["stack"].startswith('"Newsdiff Icons", "Newsdiff Arabic", system-ui')


def test_every_icon_the_screens_use_is_in_the_icon_font() -> None:
    icons: set[int] = set()
    for face in font_faces():
        if face["font-family"] == '"Newsdiff Icons"':
            icons |= code_points(face["unicode-range"])
    sources = [
        *ROOT.joinpath("templates").rglob("*.html"),
        *ROOT.joinpath("newsdiff").rglob("*.py"),
        *ROOT.joinpath("static", "newsdiff", "css").glob("*.css"),
        *ROOT.joinpath("static", "newsdiff", "js").glob("*.js"),
    ]
    used = {
        (char, path.relative_to(ROOT).as_posix())
        for path in sources
        for char in shown_text(path)
        if any(first <= ord(char) <= last for first, last in SYMBOL_BLOCKS)
    }
    assert used, "no icon found: the scan is broken"
    assert sorted((c, p) for c, p in used if ord(c) not in icons) == []
