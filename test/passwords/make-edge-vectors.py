#!/usr/bin/python3
"""Writes the edge-case vectors beside this script: hashes of unusual passwords.

Every hash comes from passlib, never from the code under test. Regenerate with

    apt-get install -y python3-passlib
    /usr/bin/python3 test/passwords/make-edge-vectors.py

Salts are random, so each run writes different hashes for the same passwords.
"""

import json
from pathlib import Path

from passlib import hash as ph

# 4000 characters, 4616 UTF-8 bytes: SHA-crypt hashes the password once per password
# byte, so a long one shows whether that step stays linear in memory.
LONG_PASSWORD = ('Tr0ub4dor&3 pässwörd €uro ' * 160)[:4000]

# Each file with its vectors: (format, password, passlib hasher).
FILES = {
    'long-password-vectors.json': [
        # The fewest rounds glibc writes: the password's length is what these vectors test.
        ('sha512-crypt-long-password', LONG_PASSWORD, ph.sha512_crypt.using(rounds=1000)),
        ('sha256-crypt-long-password', LONG_PASSWORD, ph.sha256_crypt.using(rounds=1000)),
    ],
    'empty-password-vectors.json': [
        # Above the 100,000 iterations Workers allow WebCrypto PBKDF2: there the derivation
        # continues with HMAC keyed by the password, here an empty one.
        ('pbkdf2-sha256-django-empty-password', '', ph.django_pbkdf2_sha256.using(rounds=260000)),
        ('pbkdf2-sha1-passlib-empty-password', '', ph.pbkdf2_sha1.using(rounds=120000)),
        # At or below that: WebCrypto PBKDF2 alone.
        ('pbkdf2-sha512-passlib-empty-password', '', ph.pbkdf2_sha512.using(rounds=25000)),
    ],
}


def wrong(password):
    return password[:-1] + ('y' if password.endswith('x') else 'x') if password else 'x'


def main():
    for name, makers in FILES.items():
        vectors = [
            {'format': fmt, 'hash': hasher.hash(pw), 'password': pw, 'wrong': wrong(pw)}
            for fmt, pw, hasher in makers
        ]
        document = {'made_by': 'test/passwords/make-edge-vectors.py: passlib 1.7.4', 'vectors': vectors}
        out = Path(__file__).with_name(name)
        out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + '\n')
        print(f'wrote {len(vectors)} vectors to {out}')


if __name__ == '__main__':
    main()
