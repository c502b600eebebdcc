#!/usr/bin/env python3
"""Tests the shipped Linux binaries as shipped (issue 19), run by .ci/run: each builds the sample
site in a fresh copy of its own (so each makes its own photo variants, with its own CPU's SIMD
code), and every output folder must be byte-identical to the ordinary build's. The ARM64 binary
runs under qemu-aarch64-static (Debian's qemu-user-static). Prints a transcript: each binary,
what `file` says of it, its --version, the build's time, the files compared.

    python3 scripts/release/test_shipped.py --reference target/debug/showcase \\
        --binary target/x86_64-unknown-linux-musl/ship-test/showcase \\
        --binary qemu:target/aarch64-unknown-linux-musl/ship-test/showcase

A `qemu:` binary is run through qemu-aarch64-static. Exits 1 on any difference.
"""

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# What the sample site is made of (the rest of the repository is the program).
SITE = ["site.yaml", "content", "static", "themes"]


def command(binary):
    if binary.startswith("qemu:"):
        return ["qemu-aarch64-static", binary[len("qemu:") :]]
    return [binary]


def build(binary, work, label):
    site = os.path.join(work, label, "site")
    os.makedirs(site)
    for name in SITE:
        source = os.path.join(REPO, name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(site, name))
        elif os.path.exists(source):
            shutil.copy2(source, site)
    output = os.path.join(work, label, "output")
    path = command(binary)[-1]
    print(f"--- {label}: {path}")
    print("    file:", subprocess.run(["file", "-b", path], capture_output=True, text=True).stdout.strip())
    version = subprocess.run(command(binary) + ["--version"], capture_output=True, text=True, check=True)
    print("    --version:", version.stdout.strip())
    start = time.monotonic()
    run = subprocess.run(
        command(binary) + ["build", "--root", site, "--output", output, "--lang", "en"],
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - start
    if run.returncode != 0:
        print(run.stdout, run.stderr, sep="\n")
        sys.exit(f"{label}: the build failed (exit {run.returncode})")
    print(f"    build: {seconds:.1f} s; {run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ''}")
    return output


def files(folder):
    found = []
    for parent, _, names in os.walk(folder):
        for name in names:
            found.append(os.path.relpath(os.path.join(parent, name), folder))
    return sorted(found)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference", required=True)
    parser.add_argument("--binary", action="append", required=True)
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as work:
        reference = build(args.reference, work, "reference")
        expected = files(reference)
        for number, binary in enumerate(args.binary):
            output = build(binary, work, f"shipped-{number}")
            got = files(output)
            differ = [
                f for f in expected if f in got and not filecmp.cmp(os.path.join(reference, f), os.path.join(output, f), shallow=False)
            ]
            missing = sorted(set(expected) - set(got))
            extra = sorted(set(got) - set(expected))
            total = sum(os.path.getsize(os.path.join(reference, f)) for f in expected)
            if differ or missing or extra:
                failed = True
                print(f"    DIFFERENT from the reference: {len(differ)} files differ, {len(missing)} missing, {len(extra)} extra")
                for f in (differ + missing + extra)[:20]:
                    print("     ", f)
            else:
                print(f"    identical to the reference: {len(expected)} files, {total} bytes compared")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
