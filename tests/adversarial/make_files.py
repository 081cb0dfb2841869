"""Write the hostile input corpus of tests/adversarial deterministically.

Run `python tests/adversarial/make_files.py` from anywhere; it (re)writes every generated file
next to itself. Outputs are byte-for-byte reproducible (fixed zip timestamps, no randomness other
than a seeded generator) and each stays under 1 MB. Files too large to commit are made at test
time in tests/test_adversarial.py instead.
"""

from __future__ import annotations

import json
import random
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES: dict[str, bytes] = {}


def put(name: str, content: str | bytes) -> None:
    FILES[name] = content.encode("utf-8") if isinstance(content, str) else content


# --- helpers --------------------------------------------------------------------------------

SET_HEAD = """id: hostile
version: "1.0"
title: {sv: Fientlig, en: Hostile}
"""


def set_file(requirements: str, head: str = SET_HEAD) -> str:
    return head + "requirements:\n" + requirements


REQ = """  {rid}:
    level: must
    principle: open-apis
    title: {{sv: "{title}", en: "{title}"}}
    text: {{sv: "Systemet ska ha ett öppet API.", en: "The system shall have an open API."}}
"""


def zip_bytes(entries: list[tuple[str, bytes]], *, flag_bits: int = 0, level: int = 9) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=level)
    raw = out.getvalue()
    if flag_bits:  # patch the general-purpose flag of every local and central header
        raw = bytearray(raw)
        for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            start = 0
            while (found := raw.find(sig, start)) != -1:
                raw[found + offset] |= flag_bits
                start = found + 4
        raw = bytes(raw)
    return raw


XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def content_types(*parts: tuple[str, str]) -> bytes:
    """[Content_Types].xml: the two defaults of every package, and the type of each main part."""
    lines = [
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        *(
            f'<Override PartName="{part}" ContentType="application/vnd.openxmlformats-officedocument.{kind}+xml"/>'
            for part, kind in parts
        ),
        "</Types>",
    ]
    return (XML_DECLARATION + "\n".join(lines)).encode()


def relationships(kind: str, target: str) -> bytes:
    """A .rels part with its one relationship."""
    return (
        XML_DECLARATION
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\n'
        f'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>\n'
        "</Relationships>"
    ).encode()


XLSX_CT = content_types(
    ("/xl/workbook.xml", "spreadsheetml.sheet.main"),
    ("/xl/worksheets/sheet1.xml", "spreadsheetml.worksheet"),
)
XLSX_RELS = relationships("officeDocument", "xl/workbook.xml")
XLSX_WB_RELS = relationships("worksheet", "worksheets/sheet1.xml")


def workbook_xml(sheet_name: str = "Svar") -> bytes:
    return (
        XML_DECLARATION
        + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ).encode()


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sheet_xml(rows: list[list[str]], dimension: str | None = None, prolog: str = "") -> bytes:
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{xml_escape(v)}</t></is></c>'
            for c, v in enumerate(row)
        )
        body.append(f'<row r="{r}">{cells}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        XML_DECLARATION
        + prolog
        + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dim}<sheetData>{''.join(body)}</sheetData></worksheet>"
    ).encode()


def xlsx(sheet: bytes, *, sheet_name: str = "Svar", extra: list[tuple[str, bytes]] = ()) -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", XLSX_CT),
            ("_rels/.rels", XLSX_RELS),
            ("xl/workbook.xml", workbook_xml(sheet_name)),
            ("xl/_rels/workbook.xml.rels", XLSX_WB_RELS),
            ("xl/worksheets/sheet1.xml", sheet),
            *extra,
        ]
    )


DOCX_CT = content_types(("/word/document.xml", "wordprocessingml.document.main"))
DOCX_RELS = relationships("officeDocument", "word/document.xml")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(document: bytes) -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", DOCX_CT),
            ("_rels/.rels", DOCX_RELS),
            ("word/document.xml", document),
        ]
    )


def docx_paragraphs(paragraphs: list[str], prolog: str = "") -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (
        XML_DECLARATION
        + prolog
        + f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    ).encode()


HOSTILE_TEXT = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [klick](javascript:alert(3)) "
    '![bild](http://evil.example/x.png) =HYPERLINK("http://evil.example","Ja") '
    "<!-- kommentar --> @SUM(1+1) +cmd -2+3 www.evil.example https://evil.example/a?b=c"
)

# --- YAML alias bombs ------------------------------------------------------------------------

laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for level in range(1, 9):
    prev, name = chr(96 + level), chr(97 + level)
    laughs.append(f"{name}: &{name} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
put("alias-bomb-billion-laughs.yaml", SET_HEAD + "\n".join(laughs) + "\nrequirements: {}\n")

mapping = ["requirements:", "  R-1: &m0 {level: must, x0: a, x1: b, x2: c, x3: d}"]
for level in range(1, 10):
    keys = ", ".join(f"k{i}: *m{level - 1}" for i in range(10))
    mapping.append(f"  R-{level + 1}: &m{level} {{{keys}}}")
put("alias-bomb-mappings.yaml", SET_HEAD + "\n".join(mapping) + "\n")

merge = ["base0: &b0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}"]
for level in range(1, 9):
    merge.append(
        f"base{level}: &b{level} "
        + "{"
        + ", ".join(f"k{i}: *b{level - 1}" for i in range(8))
        + f", <<: [*b{level - 1}, *b{level - 1}]"
        + "}"
    )
put("alias-bomb-merge-keys.yaml", "\n".join(merge) + "\n")

wide = "pool: &p [" + ",".join(f'"v{i}"' for i in range(1000)) + "]\n"
wide += (
    "vendor: Bomb AB\nanswers:\n  - requirement: K1\n    answer: ["
    + ",".join("*p" for _ in range(6000))
    + "]\n"
)
put("alias-bomb-wide-answers.yaml", wide)

under = "pool: &p [" + ",".join(f'"Ja{i}"' for i in range(1000)) + "]\n"
under = (
    "vendor: Nästan bomb AB\nanswers:\n  - requirement: K1\n    answer: Ja\n    comment: &c ["
    + ",".join(f'"ord{i} ska bör"' for i in range(1000))
    + "]\n"
    + "".join(
        f"  - requirement: K{i}\n    answer: Ja\n    comment: [{','.join('*c' for _ in range(90))}]\n"
        for i in range(2, 9)
    )
)
put("alias-near-limit-answers.yaml", under)

put("alias-unknown.yaml", SET_HEAD + "requirements: *nowhere\n")
put("alias-as-key.yaml", SET_HEAD + "x: &k id\nrequirements:\n  *k : 1\n")

# --- deep nesting ---------------------------------------------------------------------------

put("nesting-flow-30000.yaml", "[" * 30000 + "]" * 30000 + "\n")
put("nesting-flow-mapping-20000.yaml", "{a: " * 20000 + "1" + "}" * 20000 + "\n")
put("nesting-block-sequence-5000.yaml", "- " * 5000 + "x\n")
put(
    "nesting-block-mapping-400.yaml",
    "".join(" " * i + "a:\n" for i in range(400)) + " " * 400 + "b: 1\n",
)
put("nesting-json-100k.json", "[" * 100_000 + "]" * 100_000)
put(
    "nesting-json-objects-600.json",
    '{"vendor": "x", "answers": [{"requirement": "K1", "answer": '
    + '{"a": ' * 600
    + "1"
    + "}" * 600
    + "}]}",
)
put(
    "nesting-json-list-950.json",
    '{"vendor": "x", "answers": [{"requirement": "K1", "answer": ' + "[" * 950 + "]" * 950 + "}]}",
)

# --- malformed scalars and tags -------------------------------------------------------------

put(
    "scalar-date-feb30.yaml",
    SET_HEAD.replace('"1.0"', "2025-02-30")
    + "requirements:\n"
    + REQ.format(rid="API-X1", title="Datum 2025-02-30"),
)
put(
    "tag-timestamp-feb30.yaml",
    SET_HEAD.replace('"1.0"', "!!timestamp 2025-02-30") + "requirements: {}\n",
)
put("tag-float-empty.yaml", SET_HEAD.replace('"1.0"', '!!float ""') + "requirements: {}\n")
put("tag-timestamp-nope.yaml", SET_HEAD.replace('"1.0"', "!!timestamp nope") + "requirements: {}\n")
put(
    "tag-python-object.yaml",
    SET_HEAD.replace('"1.0"', '!!python/object/apply:os.system ["touch /tmp/proccheck-pwned"]')
    + "requirements: {}\n",
)
put("tag-python-name.yaml", "vendor: !!python/name:os.system\nanswers: []\n")
put("tag-binary-set.yaml", "vendor: !!binary aGVsbG8=\nanswers: !!set {a, b}\n")
put("tag-int-huge.yaml", SET_HEAD.replace('"1.0"', "!!int 0x" + "f" * 5000) + "requirements: {}\n")
put("tag-local-vendor.yaml", "vendor: !vendor/cmd rm -rf /\nanswers: []\n")

# --- YAML 1.1 surprises (accepted with strings intact) --------------------------------------

put(
    "yaml11-surprises-set.yaml",
    "id: yaml11\nversion: 1.10\ntitle: {sv: no, en: on}\nrequirements:\n"
    + "".join(
        REQ.format(rid=k, title=t)
        for k, t in (
            ("no", "0701234567"),
            ("on", "8:30"),
            ("yes", "1.10"),
            ("01", "off"),
            ("1", "0o17"),
        )
    ),
)
put(
    "yaml11-surprises-answers.yaml",
    "vendor: 0701234567\nprocurement: KS 1\nanswers:\n"
    "  - {requirement: K1, answer: no, comment: on}\n"
    "  - {requirement: K2, answer: yes, comment: 1.10}\n"
    "  - {requirement: K3, answer: off}\n"
    "  - {requirement: K4, answer: y}\n"
    "  - {requirement: K5, answer: Ja, evidence: [0701234567, 8:30, 1e3, .nan, .inf]}\n"
    "  - {requirement: K6, answer: ON}\n"
    "  - {requirement: K7, answer: 2025-02-30}\n"
    "  - {requirement: K8, answer: ~}\n",
)

# --- duplicate keys -------------------------------------------------------------------------

put(
    "dup-key-set.yaml",
    set_file(REQ.format(rid="API-X1", title="a") + REQ.format(rid="API-X1", title="b")),
)
put("dup-key-flow.yaml", "vendor: {name: a, name: b}\nanswers: []\n")
put("dup-key-quoted-plain.yaml", 'vendor: a\n"vendor": b\nanswers: []\n')
put(
    "dup-key-answers.json",
    '{"vendor": "A", "answers": [{"requirement": "K1", "answer": "Nej", "answer": "Ja"}]}',
)
put("dup-key-escaped.json", '{"vendor": "A", "vend\\u006fr": "B", "answers": []}')

# --- NaN, infinity, surrogates, huge numbers ------------------------------------------------

put("json-nan.json", '{"vendor": "A", "answers": [{"requirement": "K1", "answer": NaN}]}')
put(
    "json-infinity.json", '{"vendor": "A", "answers": [{"requirement": "K1", "answer": -Infinity}]}'
)
put(
    "json-huge-exponent.json",
    '{"vendor": "A", "answers": [{"requirement": "K1", "answer": 1e999}]}',
)
put("yaml-tag-float-nan.yaml", SET_HEAD.replace('"1.0"', "!!float .nan") + "requirements: {}\n")
put("json-lone-surrogate.json", '{"vendor": "A\\ud800", "answers": []}')
put("json-lone-low-surrogate-after-hex.json", '{"vendor": "ab\\udc00", "answers": []}')
put(
    "json-escaped-backslash-u.json",
    '{"vendor": "C:\\\\ud800\\\\dir", "answers": [{"requirement": "K1", "answer": "Ja"}]}',
)
put(
    "yaml-lone-surrogate.yaml",
    'vendor: "A\\ud800"\nanswers:\n  - {requirement: K1, answer: "Ja \\udc00"}\n',
)
put(
    "json-int-5000-digits.json",
    '{"vendor": "A", "answers": [{"requirement": "K1", "answer": ' + "9" * 5000 + "}]}",
)
put(
    "yaml-int-5000-digits.yaml",
    "vendor: A\nanswers:\n  - {requirement: K1, answer: " + "9" * 5000 + "}\n",
)


def nested_long_keys(size: int) -> str:
    """An answer whose comment nests 40 keys of 1,000 characters over many short entries: a JSON
    pointer built for every node repeats the 40 kB of keys above it (issue 12: 190 kB took 3 GB,
    750 kB ended in MemoryError), and `.json` was parsed a second time as YAML for its lines."""
    key = "k" * 1000
    leaves = (size - 40 * 1006 - 100) // 10
    text = "{" + ",".join(f'"{i:05x}":0' for i in range(leaves)) + "}"
    for _ in range(40):
        text = '{"' + key + '":' + text + "}"
    return '{"vendor":"A","answers":[{"requirement":"K1","answer":"Ja","comment":' + text + "}]}"


put("pointer-nested-keys-190k.json", nested_long_keys(190_000))
put("pointer-nested-keys-750k.json", nested_long_keys(750_000))

# --- binary, empty, wrong encodings, long lines ---------------------------------------------

rng = random.Random(7)
put("binary-nul.yaml", b"id: x\x00\x01\x02" + bytes(rng.randrange(256) for _ in range(2000)))
put(
    "binary-png.md",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(3000)),
)
put("binary-no-nul.csv", bytes(rng.randrange(1, 256) for _ in range(5000)))
put("empty.yaml", b"")
put("empty-whitespace.md", b"  \n\t\n\r\n")
put("empty-comment-only.yaml", b"# nothing but a comment\n")
put("empty-bom-only.json", b"\xef\xbb\xbf")
put("yaml-null-document.yaml", b"---\n~\n...\n")
put("yaml-two-documents.yaml", SET_HEAD + "requirements: {}\n---\nid: other\n")
spec_sv = "# Kravspecifikation\n\nK1. Leverantören ska säkerställa att kommunen äger all data.\nK2. Systemet ska ha öppna API:er för åtkomst till data.\n"
put("encoding-utf16le.md", b"\xff\xfe" + spec_sv.encode("utf-16-le"))
put("encoding-utf16be-answers.yaml", b"\xfe\xff" + "vendor: Å\nanswers: []\n".encode("utf-16-be"))
put(
    "encoding-cp1252.md",
    (
        "# Kravspecifikation\n\n"
        + "Rad utan konstigheter.\n" * 3
        + "K1. Leverantören ska säkerställa att kommunen äger all data.\n"
    ).encode("cp1252"),
)
put(
    "encoding-cp1252-answers.csv",
    "Kravnummer;Svar;Kommentar\nK1;Ja;Öppet format för export\nK2;Nej;Går ej – tyvärr\n".encode(
        "cp1252"
    ),
)
put("long-line-900k.md", "K1. Leverantören ska " + "exportera data " * 60_000 + "\n")
put(
    "long-lines-answers.yaml",
    "vendor: Långrad AB\nanswers:\n"
    + "".join(
        f'  - requirement: K{i}\n    answer: Ja\n    comment: "{"Vi ska kunna exportera all data. " * 300}"\n'
        for i in range(1, 9)
    ),
)
put(
    "suppression-spaces-unparsable.md",
    "K1. Systemet ska ha öppna API:er.\n<!-- proccheck: ignore" + " " * 3000 + "! -->\n",
)
put(
    "suppression-unclosed-repeated.md",
    "K1. Systemet ska ha öppna API:er.\n"
    + "<!-- proccheck:" + " " * 20_000 + "\n"
    + "<!--proccheck:" * 40_000 + "\n",
)  # fmt: skip
put("many-items-25k.md", "# Krav\n\n" + "".join(f"- Ska stödja f{i}.\n" for i in range(25_000)))
put(
    "markdown-wide-table.md",
    "| "
    + " | ".join(f"k{i}" for i in range(20_000))
    + " |\n| "
    + " | ".join("ska exportera" for _ in range(20_000))
    + " |\n",
)
put(
    "markdown-unclosed-fence.md",
    "# Krav\n\n```\nK1. Leverantören ska exportera data.\n" + "x\n" * 1000,
)

# --- vendor text that must stay inert -------------------------------------------------------

put(
    "answers-hostile-text.yaml",
    "vendor: \"<script>alert('v')</script> \\e[31mRÖD\\e[0m \\a ::error file=x::fake\"\n"
    "procurement: KS 1\n"
    "answers:\n"
    f'  - requirement: K1\n    answer: {json.dumps("Ja " + HOSTILE_TEXT)}\n    comment: "\\e]0;pwned\\a\\e[2J \\0 NUL \\N NEL \\L LS \\u202Eevil\\u202C"\n'
    '    evidence: ["javascript:alert(1)", "file:///etc/passwd", "=cmd|\' /C calc\'!A0"]\n'
    "  - requirement: K2\n    answer: |\n      Delvis\n      ::error::injected workflow command\n      ::set-output name=x::y\n"
    '    comment: "\\r::warning::carriage return"\n'
    '  - requirement: K3\n    answer: "\\tJa\\x85::notice::after NEL"\n',
)
put(
    "answers-ansi-duplicate-id.yaml",
    'vendor: A\nanswers:\n  - {requirement: "K1\\e[2J\\e]0;x\\a", answer: Ja}\n  - {requirement: "K1\\e[2J\\e]0;x\\a", answer: Nej}\n',
)
put(
    "answers-hostile-keys.yaml",
    'vendor: A\n"\\e[31m::error::key\\a": 1\nanswers: []\n',
)
put(
    "csv-formula-injection.csv",
    "Kravnummer;Kravtext;Svar;Kommentar;Bilaga\n"
    'K1;"=HYPERLINK(""http://evil.example"",""Ja"")";Ja;"=1+1";"@SUM(A1)"\n'
    'K2;+cmd;"-Ja";"+46 70 123 45 67";"\tTAB"\n'
    'K3;"=cmd|\' /C calc\'!A0";Ja;"<script>alert(1)</script>";"javascript:alert(1)"\n',
)
put(
    "csv-control-chars.csv",
    "Kravnummer;Svar;Kommentar\n"
    "K1;Ja;\x1b[31mröd\x1b[0m\x07\x1b]0;title\x07\n"
    'K2;Nej;"rad ett\n::error::workflow command\n::add-mask::x"\n'
    "K3;Delvis;\x1b[2J\x1b[H clear screen \x08\x08 \x7f \x9b31m C1\n"
    + "K4;Ja;"
    + "x" * 5000
    + "\x00 NUL after 4 kB\n",
)
put(
    "csv-unclosed-quote.csv",
    'Kravnummer;Svar;Kommentar\nK1;Ja;"' + "öppen citering " * 12_000 + "\n",
)
put("csv-no-header.csv", "a;b;c\n1;2;3\n")
put("csv-duplicate-ids.csv", "Kravnummer;Svar\nK1;Ja\nK1;Nej\n")
put(
    "csv-bidi-zero-width.csv",
    "Kravnummer;Svar;Kommentar\nK1;Ja\u200b;\u202etxt.exe\u202c\u2066x\u2069\nK\u200b2;Nej;\ufeffbom\n",
)

# --- XLSX -----------------------------------------------------------------------------------

header = ["Kravnummer", "Kravtext", "Svar", "Kommentar"]
rows8 = [header] + [[f"K{i}", f"Krav {i} ska uppfyllas.", "Ja", ""] for i in range(1, 9)]
put("xlsx-lying-dimension.xlsx", xlsx(sheet_xml(rows8, dimension="A1:B2")))

formula_sheet = (
    XML_DECLARATION
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1">'
    + "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(header)
    )
    + "</row>"
    '<row r="2"><c r="A2" t="inlineStr"><is><t>K1</t></is></c><c r="C2" t="str"><f>IF(TODAY()&gt;1,"Nej","Ja")</f><v>Ja</v></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>K2</t></is></c><c r="C3" t="str"><f>HYPERLINK("http://evil.example","Ja")</f></c></row>'
    '<row r="4"><c r="A4" t="inlineStr"><is><t>K3</t></is></c><c r="C4" t="inlineStr"><is><t>=HYPERLINK("http://evil.example","Ja")</t></is></c>'
    '<c r="D4" t="inlineStr"><is><t>=cmd|\' /C calc\'!A0</t></is></c></row>'
    "</sheetData></worksheet>"
).encode()
put("xlsx-formula-cells.xlsx", xlsx(formula_sheet))

bomb_row = "<row>" + '<c t="inlineStr"><is><t>Ja</t></is></c>' * 200 + "</row>"
bomb_sheet = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    + bomb_row * 30_000
    + "</sheetData></worksheet>"
).encode()
put("xlsx-zip-bomb.xlsx", xlsx(bomb_sheet))
del bomb_sheet

put(
    "xlsx-zip-bomb-ratio.xlsx",
    xlsx(
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + b" " * 20_000_000
        + b"</sheetData></worksheet>"
    ),
)
put(
    "xlsx-ole-header.xlsx",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + b"\x00" * 504
    + bytes(rng.randrange(256) for _ in range(3000)),
)
put(
    "xlsx-encrypted-flag.xlsx",
    zip_bytes([("[Content_Types].xml", XLSX_CT), ("xl/workbook.xml", workbook_xml())], flag_bits=1),
)
put("xlsx-not-zip.xlsx", "Kravnummer;Svar\nK1;Ja\n")
valid = xlsx(sheet_xml(rows8))
put("xlsx-truncated.xlsx", valid[: len(valid) // 2])
put(
    "xlsx-garbage-sheet.xlsx", xlsx(b"<worksheet><sheetData><row><c><is><t>K1</t></row></worksheet")
)
put(
    "xlsx-bad-shared-string.xlsx",
    xlsx(
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Kravnummer</t></is></c><c r="B1" t="inlineStr"><is><t>Svar</t></is></c></row>'
        b'<row r="2"><c r="A2" t="s"><v>999</v></c><c r="B2"><v>not-a-number</v></c></row></sheetData></worksheet>'
    ),
)
put(
    "xlsx-entity-bomb.xlsx",
    xlsx(
        sheet_xml(
            rows8,
            prolog=(
                '<!DOCTYPE worksheet [<!ENTITY a "lollollollollollollollollollol">'
                + "".join(
                    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
                )
                + "]>"
            ),
        ).replace(b"<t>K1</t>", b"<t>&i;</t>", 1)
    ),
)
put(
    "xlsx-xxe.xlsx",
    xlsx(
        sheet_xml(
            rows8, prolog='<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        ).replace(b"<t>Ja</t>", b"<t>&x;</t>", 1)
    ),
)
wide_sheet = (
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Kravnummer</t></is></c><c r="B1" t="inlineStr"><is><t>Svar</t></is></c></row>'
    + "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>K{r}</t></is></c><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>'
        for r in range(2, 20_002)
    )
    + "</sheetData></worksheet>"
).encode()
put("xlsx-wide-xfd.xlsx", xlsx(wide_sheet))
put(
    "xlsx-sparse-rows.xlsx",
    xlsx(
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Kravnummer</t></is></c><c r="B1" t="inlineStr"><is><t>Svar</t></is></c></row>'
        b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>K1</t></is></c><c r="B1048576" t="inlineStr"><is><t>Ja</t></is></c></row>'
        b"</sheetData></worksheet>"
    ),
)
put("xlsx-hostile-sheet-name.xlsx", xlsx(sheet_xml(rows8), sheet_name="::error::&lt;script&gt;x"))

# --- DOCX -----------------------------------------------------------------------------------

put("docx-not-zip.docx", "K1. Leverantören ska exportera data.\n")
put("docx-garbage-xml.docx", docx(b"<w:document><w:body><w:p>unclosed"))
put(
    "docx-no-document.docx",
    zip_bytes([("[Content_Types].xml", DOCX_CT), ("_rels/.rels", DOCX_RELS)]),
)
put(
    "docx-xxe.docx",
    docx(
        docx_paragraphs(
            ["K1. Leverantören ska exportera &x; data."],
            prolog='<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        )
    ),
)
put(
    "docx-entity-bomb.docx",
    docx(
        docx_paragraphs(
            ["K1. Leverantören ska &i; exportera data."],
            prolog=(
                '<!DOCTYPE w:document [<!ENTITY a "lollollollollollollollollollol">'
                + "".join(
                    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
                )
                + "]>"
            ),
        )
    ),
)
put(
    "docx-zip-bomb.docx",
    docx(docx_paragraphs(["K1. Leverantören ska exportera data."]) + b" " * 60_000_000),
)
put(
    "docx-hostile-text.docx",
    docx(
        docx_paragraphs(
            [
                "Kravspecifikation",
                "K1. Leverantören ska exportera all data i öppna format. "
                + xml_escape(HOSTILE_TEXT),
                "::error::workflow command from a Word file",
                "K2. Systemet ska ha öppna API:er &lt;script&gt;alert(1)&lt;/script&gt;",
            ]
        )
    ),
)

# --- requirement sets -----------------------------------------------------------------------

put(
    "set-redos-cue.yaml",
    set_file(
        REQ.format(rid="API-X1", title="ReDoS")
        + '    cues:\n      sv: [["(a+)+$"], ["(x|x)*y"]]\n      en: [["^(a|aa)+$"]]\n'
    ),
)
put(
    "set-invalid-regex-cue.yaml",
    set_file(
        REQ.format(rid="API-X1", title="Bad regex")
        + '    cues:\n      sv: [["(", "[a-", "(?P<x"]]\n'
    ),
)
put("set-extends-etc-passwd.yaml", SET_HEAD + "extends: [/etc/passwd]\nrequirements: {}\n")
put("set-extends-proc-environ.yaml", SET_HEAD + "extends: [/proc/self/environ]\nrequirements: {}\n")
put("set-extends-dev-zero.yaml", SET_HEAD + "extends: [/dev/zero]\nrequirements: {}\n")
put("set-extends-self.yaml", SET_HEAD + "extends: [./set-extends-self.yaml]\nrequirements: {}\n")
put(
    "set-hostile-text.yaml",
    set_file(
        '  "API-<script>":\n    level: must\n    principle: open-apis\n'
        '    title: {sv: "\\e[31m::error::x\\a <script>alert(1)</script>", en: "[x](javascript:alert(1))"}\n'
        '    text: {sv: "=HYPERLINK(\\"http://evil\\") \\0", en: "\\u202Eevil"}\n'
        '    references: [{title: "<img src=x onerror=alert(1)>", url: "javascript:alert(1)"}]\n'
    ),
)

# --- PDF specifications (tests/pdf_maker.py writes them) ------------------------------------

import sys  # noqa: E402

sys.path.insert(0, str(HERE.parent))
from pdf_maker import make_pdf  # noqa: E402

PDF_PAGE = [
    "Kommunen – Förfrågningsunderlag",
    "K1. Leverantören ska exportera all data i ett öppet och dokumenterat format.",
    "Sida 1 av 2",
]
put("pdf-scanned.pdf", make_pdf([None, None, None]))
_whole = make_pdf([PDF_PAGE, ["Kommunen – Förfrågningsunderlag", "K2. Beställaren ska äga all data.", "Sida 2 av 2"]], compress=True)
put("pdf-truncated.pdf", _whole[: len(_whole) // 2])
put(
    "pdf-flate-bomb.pdf",
    make_pdf(
        [PDF_PAGE],
        streams=[
            (
                b" /Filter [/FlateDecode /FlateDecode]",
                zlib.compress(zlib.compress(b"BT /F1 11 Tf (A) Tj ET\n" + b" " * 64_000_000, 9), 9),
            )
        ],
    ),
)
put(
    "pdf-hostile-text.pdf",
    make_pdf(
        [
            [
                "K1. Leverantören ska <script>alert(1)</script> exportera data ::error::x",
                "=HYPERLINK(\"http://evil.example\") [klick](javascript:alert(3)) @SUM(1+1)",
                "",
                "K2. Systemet ska stödja <img src=x onerror=alert(2)> öppna API:er.",
            ]
        ]
    ),
)

# --- zip limits on every member, whatever its name (issue 12) ------------------------------


def patch_headers(raw: bytes, name: str, local_at: int, central_at: int, value: bytes) -> bytes:
    """Overwrite a field of `name`'s local and central zip headers (at their offsets)."""
    out = bytearray(raw)
    encoded = name.encode()
    for sig, field_at, name_at in ((b"PK\x03\x04", local_at, 30), (b"PK\x01\x02", central_at, 46)):
        start = 0
        while (found := out.find(sig, start)) != -1:
            if out[found + name_at : found + name_at + len(encoded)] == encoded:
                out[found + field_at : found + field_at + len(value)] = value
            start = found + 4
    return bytes(out)


def declare_size(raw: bytes, name: str, size: int) -> bytes:
    """The zip with `size` declared as `name`'s uncompressed size."""
    return patch_headers(raw, name, 22, 24, size.to_bytes(4, "little"))


def padding(size: int) -> bytes:
    """`size` bytes that deflate about 900:1, under MAX_ZIP_RATIO (1000), so only the limits on
    expanded size can refuse them."""
    block = b" " * 16_000 + b"<!--x-->"
    return block * (size // len(block))


RENAMED_SHEET = "worksheets/sheet1.bin"
RENAMED_CT = content_types(
    ("/xl/workbook.xml", "spreadsheetml.sheet.main"),
    ("/xl/" + RENAMED_SHEET, "spreadsheetml.worksheet"),
)


def xlsx_renamed(sheet: bytes) -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", RENAMED_CT),
            ("_rels/.rels", XLSX_RELS),
            ("xl/workbook.xml", workbook_xml()),
            ("xl/_rels/workbook.xml.rels", relationships("worksheet", RENAMED_SHEET)),
            ("xl/" + RENAMED_SHEET, sheet),
        ]
    )


_renamed_sheet = (
    (
        XML_DECLARATION
        + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    ).encode()
    + padding(40_000_000)
    + b"</sheetData></worksheet>"
)
put("xlsx-sheet-renamed-bin.xlsx", xlsx_renamed(_renamed_sheet))
del _renamed_sheet
put(
    "xlsx-sheet-renamed-bin-declared-huge.xlsx",
    declare_size(
        xlsx_renamed(sheet_xml([["Krav-ID", "Svar"], ["K1", "Ja"]])),
        "xl/" + RENAMED_SHEET,
        1_400_000_000,
    ),
)
put(  # a sheet declared bzip2 (method 12): Office never writes it, bzip2 expands unbounded
    "xlsx-bzip2-member.xlsx",
    patch_headers(
        xlsx(sheet_xml([["Krav-ID", "Svar"], ["K1", "Ja"]])),
        "xl/worksheets/sheet1.xml",
        8,
        10,
        (12).to_bytes(2, "little"),
    ),
)

DOCX_MEDIA_RELS = (
    XML_DECLARATION
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/image" Target="media/image1.png"/></Relationships>'
).encode()


def docx_with_media(media: bytes) -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", DOCX_CT),
            ("_rels/.rels", DOCX_RELS),
            ("word/document.xml", docx_paragraphs(["K1. Leverantören ska exportera data."])),
            ("word/_rels/document.xml.rels", DOCX_MEDIA_RELS),
            ("word/media/image1.png", media),
        ]
    )


put("docx-media-bomb.docx", docx_with_media(b"\x89PNG\r\n\x1a\n" + padding(150_000_000)))
put(
    "docx-media-declared-huge.docx",
    declare_size(
        docx_with_media(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "word/media/image1.png",
        1_500_000_000,
    ),
)

# --- CSV cells that swallow rows, and mixed encodings (issue 12) ---------------------------

_CSV_ROWS = "".join(f"K{i};Ja;Uppfylls enligt bilaga {i}\n" for i in range(3, 40))
put(  # the quote opened on line 3 never closes: lines 3 to the end were one comment, silently
    "csv-quote-swallows-rows.csv",
    'Kravnummer;Svar;Kommentar\nK1;Ja;ok\nK2;Delvis;"se bilaga 2, avsnitt\n' + _CSV_ROWS,
)
put(  # closed only by the quote that opens a cell 20 rows later
    "csv-quote-closed-rows-later.csv",
    'Kravnummer;Svar;Kommentar\nK1;Ja;ok\nK2;Delvis;"se bilaga 2\n'
    + _CSV_ROWS[:800]
    + 'K90;Nej;"ej aktuellt";x\nK91;Ja;slut\n',
)
put(  # UTF-8 with one line saved as Windows-1252: decoding all of it as 1252 garbles the rest
    "csv-mixed-encoding.csv",
    "Kravnummer;Svar;Kommentar\nK1;Ja;Exporten sker i öppet format\n".encode()
    + "K2;Nej;Behörighet saknas för API:et\n".encode("cp1252")
    + "K3;Ja;Återställning ingår\n".encode(),
)

# --- support files (not hostile; referenced by manifest args) -------------------------------

put(
    "support/spec-k1-k8.yaml",
    "procurement: {title: Stöd, reference: KS 1}\nrequirements:\n"
    + "".join(
        f'  - {{id: K{i}, level: must, text: "Systemet ska stödja funktion {i} via öppna API:er."}}\n'
        for i in range(1, 9)
    ),
)
put(
    "support/redos-bait.md",
    "# Krav\n\nK1. Systemet ska " + "a" * 40 + "!\n\nK2. Systemet ska " + "x" * 40 + "\n",
)


def main() -> None:
    for name, content in sorted(FILES.items()):
        target = HERE / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        assert len(content) < 1_000_000, (name, len(content))
    print(f"wrote {len(FILES)} files to {HERE}")


if __name__ == "__main__":
    main()
