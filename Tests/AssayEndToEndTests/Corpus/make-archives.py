#!/usr/bin/env python3
"""Writes hostile and broken bundles into the folder given, for MalformedInputTests.

Generated rather than committed: binary archives do not review well, and some (a device entry, a non-UTF-8
name) cannot live in a git checkout at all.
"""
import io, os, subprocess, sys, tarfile, zipfile

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def path(name):
    return os.path.join(out, name)


def tar(name, members, mode="w"):
    with tarfile.open(path(name), mode, format=tarfile.PAX_FORMAT) as archive:
        for info, data in members:
            archive.addfile(info, io.BytesIO(data) if data is not None else None)


def member(name, data=b"x\n", kind=tarfile.REGTYPE, **fields):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    for key, value in fields.items():
        setattr(info, key, value)
    return info, data if kind == tarfile.REGTYPE else None


tar("good.tar.gz", [member("a.txt"), member("b.txt")], "w:gz")
whole = open(path("good.tar.gz"), "rb").read()
open(path("truncated.tar.gz"), "wb").write(whole[: len(whole) // 2])
open(path("corrupt.tar.gz"), "wb").write(whole[:20] + bytes(b ^ 0x5A for b in whole[20:-8]) + whole[-8:])
open(path("wrong-magic.zip"), "wb").write(b"PK\x03\x04" + b"\x00" * 10 + b"this is not a zip archive" * 4)
open(path("empty.tar"), "wb").close()
tar("dotdot.tar", [member("ok.txt"), member("../../etc/evil.txt")])
tar("absolute.tar", [member("ok.txt"), member("/etc/evil.txt")])
tar("device.tar", [member("ok.txt"), member("dev/null", kind=tarfile.CHRTYPE, devmajor=1, devminor=3)])
tar("escaping-link.tar", [member("ok.txt"), member("passwd", kind=tarfile.SYMTYPE, linkname="../../../etc/passwd")])
tar("long-path.tar", [member("ok.txt"), member("/".join(["d" * 200] * 25) + "/f.txt")])
with tarfile.open(path("non-utf8-name.tar"), "w", format=tarfile.GNU_FORMAT, encoding="latin-1") as archive:
    info = tarfile.TarInfo("caf\xe9-\xff.txt")
    info.size = 2
    archive.addfile(info, io.BytesIO(b"x\n"))
with zipfile.ZipFile(path("plain.zip"), "w") as archive:
    archive.writestr("a.txt", "x\n")
# An encrypted entry needs a password-capable writer: Info-ZIP's `zip -P`.
os.makedirs(path("zip-src"), exist_ok=True)
open(path("zip-src/secret.txt"), "w").write("secret\n")
subprocess.run(["zip", "-q", "-P", "pw", "../encrypted.zip", "secret.txt"], cwd=path("zip-src"), check=True)
# A directory bundle with a symlink loop.
os.makedirs(path("loop"), exist_ok=True)
open(path("loop/ok.txt"), "w").write("x\n")
os.symlink("b", path("loop/a"))
os.symlink("a", path("loop/b"))
