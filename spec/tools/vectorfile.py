"""Writing a vector file of spec/vectors/ the way every generator here writes it."""
import json, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def write(area, version, description, tests, notes=None):
    """spec/vectors/<area>.json: the header, `notes` (an object) and `tests`, one-space indented."""
    doc = {"area": area, "version": version, "description": description, "notes": notes or {}, "tests": tests}
    (ROOT / f"spec/vectors/{area}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    print(len(tests), "cases")
