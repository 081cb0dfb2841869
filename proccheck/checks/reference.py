"""The checks reference page, generated from the registry so it cannot drift from the code.

`python -m proccheck.checks.reference > docs/checks.md` rewrites it; a test fails when the
committed page differs from what the registry says.
"""

from __future__ import annotations

from proccheck.checks import SECTIONS, all_checks

_KINDS = {
    "set": "Requirement sets (`proccheck sets validate`)",
    "spec": "Specifications (`proccheck spec check`)",
    "answers": "Vendor answers (`proccheck answers check`)",
    "probe": "API descriptions (`proccheck probe`)",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def reference_markdown() -> str:
    """Every check: an index table per kind, then each check's documentation."""
    checks = all_checks()
    out = [
        "# proccheck checks",
        "",
        "Generated from the check registry (`python -m proccheck.checks.reference`); do not edit.",
        "`proccheck checks explain CODE` shows the same text, in Swedish with `--lang sv`.",
        "",
    ]
    for kind, heading in _KINDS.items():
        members = [c for c in checks.values() if c.kind == kind]
        out += [f"## {heading}", "", "| code | name | title | severity | decides at best |"]
        out.append("|---|---|---|---|---|")
        for check in members:
            best = check.ceiling + (" (public URL only)" if check.public_only else "")
            out.append(
                f"| [{check.code}](#{check.code.lower().replace('.', '')}) | `{check.name}` | "
                f"{_cell(check.title.en)} | {check.severity} | {best} |"
            )
        out.append("")
    for check in checks.values():
        out += [f"### {check.code}", "", f"`{check.name}`: {check.title.en}", ""]
        notes = [f"applies to: {check.kind}", f"default severity: {check.severity}"]
        if check.verdict:
            notes.append("decides its requirement outright (verdict check)")
        if check.dimension:
            notes.append(f"probe score dimension: {check.dimension}")
        if not check.decides:
            notes.append("advisory: does not decide the requirement's outcome")
        out += ["; ".join(notes) + ".", ""]
        sections = check.sections()
        for section in SECTIONS:
            out += [f"**{section}**", "", sections.get(section, "").strip(), ""]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(reference_markdown(), end="")
