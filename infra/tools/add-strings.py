#!/usr/bin/env python3
"""Add or update UI strings in the four resource files at once.

Usage: infra/tools/add-strings.py STRINGS.tsv
Each line of the TSV: key<TAB>English<TAB>French<TAB>Spanish<TAB>Arabic. Lines starting with # are ignored.
The .resx files stay the source of truth (a test fails when a key is missing in any language);
this only saves editing four XML files by hand.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "src/RightsAcademy.Web/Resources"
FILES = {"en": "SharedResource.resx", "fr": "SharedResource.fr.resx", "es": "SharedResource.es.resx", "ar": "SharedResource.ar.resx"}
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
"""


def load(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def save(path: Path, strings: dict[str, str]) -> None:
    root = ET.fromstring(HEADER)
    for key in sorted(strings):
        data = ET.SubElement(root, "data", {"name": key, "xml:space": "preserve"})
        ET.SubElement(data, "value").text = strings[key]
    ET.indent(root, space="  ")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    tables = {lang: load(RESOURCES / name) for lang, name in FILES.items()}
    for number, line in enumerate(Path(sys.argv[1]).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 5:
            print(f"{sys.argv[1]}:{number}: expected 5 tab-separated columns, got {len(parts)}")
            return 1
        key, *texts = parts
        for lang, text in zip(FILES, texts):
            tables[lang][key] = text.replace("\\n", "\n")
    for lang, name in FILES.items():
        save(RESOURCES / name, tables[lang])
    return 0


if __name__ == "__main__":
    sys.exit(main())
