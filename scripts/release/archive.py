#!/usr/bin/env python3
"""Packs one folder of a release (scripts/release.sh) into a .tar.gz or a .zip that depends only
on the files: names in sorted order, every time stamp SOURCE_DATE_EPOCH, owner 0, fixed modes
(0755 for the binary, 0644 for the rest), no gzip name or time. The same commit therefore gives
the same archive bytes.

    archive.py OUT.tar.gz|OUT.zip PARENT NAME     packs PARENT/NAME as NAME/… inside
"""

import gzip
import io
import os
import sys
import tarfile
import time
import zipfile


def entries(parent, name):
    """(archive path, file path) of every file under PARENT/NAME, sorted by archive path."""
    found = []
    for folder, _, files in os.walk(os.path.join(parent, name)):
        for file in files:
            path = os.path.join(folder, file)
            found.append((os.path.relpath(path, parent).replace(os.sep, "/"), path))
    return sorted(found)


def mode(path):
    return 0o755 if os.path.basename(path) in ("showcase", "showcase.exe") else 0o644


def pack_tar(out, parent, name, epoch):
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for arcname, path in entries(parent, name):
            info = tarfile.TarInfo(arcname)
            info.size = os.path.getsize(path)
            info.mtime = epoch
            info.mode = mode(path)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            with open(path, "rb") as f:
                tar.addfile(info, f)
    with open(out, "wb") as f, gzip.GzipFile(
        filename="", mode="wb", fileobj=f, mtime=epoch, compresslevel=9
    ) as gz:
        gz.write(data.getvalue())


def pack_zip(out, parent, name, epoch):
    # Zip keeps local time in 2-second steps from 1980; the commit's UTC time is written as is.
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    with zipfile.ZipFile(out, "w") as z:
        for arcname, path in entries(parent, name):
            info = zipfile.ZipInfo(arcname, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the mode below is read
            info.external_attr = (0o100000 | mode(path)) << 16
            with open(path, "rb") as f:
                z.writestr(info, f.read(), compresslevel=9)


def main():
    out, parent, name = sys.argv[1:4]
    epoch = int(os.environ["SOURCE_DATE_EPOCH"])
    if out.endswith(".zip"):
        pack_zip(out, parent, name, epoch)
    else:
        pack_tar(out, parent, name, epoch)


if __name__ == "__main__":
    main()
