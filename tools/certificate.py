"""A self-signed certificate for 127.0.0.1, for tests and benchmarks of HTTPS.

Made with Debian's ``openssl``, as an engineer would make one by hand; a real
site's certificate comes from its own authority. The app never imports this.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def find_openssl() -> str | None:
    return shutil.which("openssl")


def self_signed_certificate(folder: Path) -> Path:
    """Write ``folder/site.pem``, a certificate for 127.0.0.1 followed by its
    key, as HAProxy's ``crt`` reads it; return its path. It is good for a day."""
    openssl = find_openssl()
    if openssl is None:
        raise RuntimeError("openssl not found: install Debian's 'openssl'")
    certificate, key = folder / "site.crt", folder / "site.key"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    pem = folder / "site.pem"
    pem.write_bytes(certificate.read_bytes() + key.read_bytes())
    return pem
