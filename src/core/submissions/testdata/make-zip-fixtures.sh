#!/bin/sh
# Writes the ZIP archives that read-zip.test.ts reads, with Info-ZIP's zip
# and Python's zipfile, so that the reader is tested on archives that
# other tools make. Run it from this folder; the output is committed.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/class/sub"
printf 'role_name = "TemporaryAccessRole"\n' > "$work/class/alice.py"
printf 'role_name=TemporaryAccessRole\n%.0s' $(seq 1 200) > "$work/class/sub/bob.sh"
printf '{"code": "role_name = \\"x\\""}\n' > "$work/class/carol.json"
(cd "$work/class" && zip -q -X -r "$work/info-zip.zip" alice.py sub carol.json)
(cd "$work/class" && zip -q -X -P secret "$work/encrypted.zip" alice.py)
cp "$work/info-zip.zip" "$work/encrypted.zip" .

python3 - <<'EOF'
import io
import zipfile


class Unseekable(io.RawIOBase):
    """A write-only stream, so that zipfile writes data descriptors."""

    def __init__(self, target):
        self.target = target

    def writable(self):
        return True

    def write(self, data):
        return self.target.write(data)


code = b'role_name = "TemporaryAccessRole"\n'

with open("descriptors.zip", "wb") as out:
    with zipfile.ZipFile(Unseekable(out), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("dan.py", code * 50)
        z.writestr("eve.py", code)
        z.writestr("stored.py", code, compress_type=zipfile.ZIP_STORED)

with zipfile.ZipFile("zip64.zip", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("frank.py", "w", force_zip64=True) as entry:
        entry.write(code)
    z.writestr("grace.py", code)

with zipfile.ZipFile("methods.zip", "w") as z:
    z.writestr("bzip2.py", code, compress_type=zipfile.ZIP_BZIP2)
    z.writestr("lzma.py", code, compress_type=zipfile.ZIP_LZMA)
    z.writestr("plain.py", code, compress_type=zipfile.ZIP_DEFLATED)

with zipfile.ZipFile("names.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for name in ["../up.py", "/etc/abs.py", "C:/drive.py", "a\x1b[2Jb.py", "rtl\u202egnp.py", "ok.py"]:
        z.writestr(name, code)

with zipfile.ZipFile("duplicates.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("same.py", code)
    z.writestr("same.py", b"x = 1\n")

with zipfile.ZipFile("bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("zeros.py", b"0" * (20 * 1024 * 1024))
    z.writestr("after.py", code)
EOF
