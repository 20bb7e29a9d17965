#!/usr/bin/python3
"""Writes extra-hashes.json: password hash vectors for the formats the shared vectors miss.

Every hash comes from an implementation independent of the code under test: passlib,
argon2-cffi, PHP, OpenSSL, Python's hashlib and pyca/cryptography. Regenerate with

    apt-get install -y python3-passlib python3-argon2 python3-cryptography php-cli openssl \
        python3-django python3-bcrypt
    /usr/bin/python3 test/vectors/make-vectors.py [FORMAT ...]

Salts are random, so each run writes different hashes for the same passwords. Naming
formats (the keys of MAKERS, or firebase-scrypt) rewrites only their vectors and keeps
the file's others as they are.
"""

import base64
import hashlib
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import argon2
import django
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings
from passlib import hash as ph

settings.configure(
    PASSWORD_HASHERS=[
        'django.contrib.auth.hashers.BCryptPasswordHasher',
        'django.contrib.auth.hashers.Argon2PasswordHasher',
    ]
)
django.setup()

from django.contrib.auth import hashers  # noqa: E402  (needs the settings above)


class SmallArgon2Hasher(hashers.Argon2PasswordHasher):
    """Django's argon2 hasher with test-sized costs; its default is 100 MiB and p=8."""

    memory_cost = 2048
    parallelism = 2
    time_cost = 2


class FastBCryptHasher(hashers.BCryptPasswordHasher):
    rounds = 5

PASSWORDS = ['Tr0ub4dor&3', 'pässwörd €uro', '密码-Ключ-🔑', 'x' * 80 + ' long one']


def wrong(password):
    return password[:-1] + ('y' if password.endswith('x') else 'x')


def b64(data):
    return base64.b64encode(data).decode()


def argon2_hash(kind, version, m, t, p):
    def make(password):
        raw = argon2.low_level.hash_secret(
            password.encode(), os.urandom(16), time_cost=t, memory_cost=m,
            parallelism=p, hash_len=32, type=kind, version=version,
        )
        return raw.decode()
    return make


def django_hasher(hasher_class):
    def make(password):
        hasher = hasher_class()
        return hasher.encode(password, hasher.salt())
    return make


def aspnet_v2(password):
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac('sha1', password.encode(), salt, 1000, 32)
    return b64(b'\x00' + salt + key)


def aspnet_v3(prf, iterations):
    name = ['sha1', 'sha256', 'sha512'][prf]
    def make(password):
        salt = os.urandom(16)
        key = hashlib.pbkdf2_hmac(name, password.encode(), salt, iterations, 32)
        return b64(b'\x01' + struct.pack('>III', prf, iterations, len(salt)) + salt + key)
    return make


def php(code):
    def make(password):
        return subprocess.run(
            ['php', '-r', code], input=password.encode(), capture_output=True, check=True,
        ).stdout.decode()
    return make


WORDPRESS = (
    "$p = stream_get_contents(STDIN);"
    "echo '$wp' . password_hash(base64_encode(hash_hmac('sha384', $p, 'wp-sha384', true)),"
    " PASSWORD_BCRYPT, ['cost' => 5]);"
)


def openssl_apr1(password):
    return subprocess.run(
        ['openssl', 'passwd', '-apr1', '-stdin'], input=password.encode(),
        capture_output=True, check=True,
    ).stdout.decode().strip()


def ldap_plain(scheme, name, salted):
    def make(password):
        salt = os.urandom(8) if salted else b''
        digest = hashlib.new(name, password.encode() + salt).digest()
        return '{' + scheme + '}' + b64(digest + salt)
    return make


# Firebase's published example project (github.com/firebase/scrypt, README).
FIREBASE = {
    'signerKey': 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
    'saltSeparator': 'Bw==',
    'rounds': 8,
    'memCost': 14,
}


def firebase(password, salt=None):
    """Firebase's modified scrypt: scrypt(password, salt + separator) as an AES-256-CTR
    key with a zero counter block, encrypting the signer key."""
    salt = salt or os.urandom(12)
    key = hashlib.scrypt(
        password.encode(), salt=salt + base64.b64decode(FIREBASE['saltSeparator']),
        n=2 ** FIREBASE['memCost'], r=FIREBASE['rounds'], p=1, dklen=32, maxmem=64 << 20,
    )
    encryptor = Cipher(algorithms.AES(key), modes.CTR(bytes(16))).encryptor()
    signer = base64.b64decode(FIREBASE['signerKey'])
    return '$firebase-scrypt$' + b64(salt) + '$' + b64(encryptor.update(signer) + encryptor.finalize())


D, I, ID = argon2.Type.D, argon2.Type.I, argon2.Type.ID
MAKERS = {
    'argon2d': argon2_hash(D, 19, 1024, 2, 1),
    'argon2id-v16': argon2_hash(ID, 16, 1024, 2, 1),
    'argon2i-v16': argon2_hash(I, 16, 512, 3, 1),
    'argon2id-p2': argon2_hash(ID, 19, 2048, 1, 2),
    'pbkdf2-sha1-passlib': ph.pbkdf2_sha1.using(rounds=1500).hash,
    'pbkdf2-sha256-passlib-150k': ph.pbkdf2_sha256.using(rounds=150_000).hash,
    'scrypt-passlib-r4': ph.scrypt.using(rounds=11, block_size=4, parallelism=2).hash,
    'aspnet-identity-v2': aspnet_v2,
    'aspnet-identity-v3-sha256': aspnet_v3(1, 10_000),
    'aspnet-identity-v3-sha512': aspnet_v3(2, 100_000),
    'aspnet-identity-v3-sha1-above-cap': aspnet_v3(0, 120_000),
    'wordpress-bcrypt': php(WORDPRESS),
    'phpass-phpbb-cost10': ph.phpass.using(rounds=10, ident='H').hash,
    'sha256-crypt-rounds': ph.sha256_crypt.using(rounds=12_000).hash,
    'sha512-crypt-rounds': ph.sha512_crypt.using(rounds=2_000).hash,
    'md5-crypt-apr1': openssl_apr1,
    'ldap-ssha256': ph.ldap_salted_sha256.hash,
    'ldap-sha': ph.ldap_sha1.hash,
    'ldap-md5': ph.ldap_md5.hash,
    'ldap-smd5': ph.ldap_salted_md5.hash,
    'ldap-sha256': ldap_plain('SHA256', 'sha256', False),
    'ldap-ssha384': ldap_plain('SSHA384', 'sha384', True),
    'ldap-sha512': ldap_plain('SHA512', 'sha512', False),
    'firebase-scrypt': firebase,
    'argon2id-django': django_hasher(SmallArgon2Hasher),
    'bcrypt-django': django_hasher(FastBCryptHasher),
}


def make_vectors(names):
    vectors = []
    if 'firebase-scrypt' in names:
        vectors.append(
            {
                'format': 'firebase-scrypt',
                'hash': firebase('user1password', base64.b64decode('42xEC+ixf3L2lw==')),
                'password': 'user1password',
                'wrong': wrong('user1password'),
            }
        )
    for name, make in MAKERS.items():
        if name not in names:
            continue
        for password in PASSWORDS:
            vectors.append(
                {'format': name, 'hash': make(password), 'password': password, 'wrong': wrong(password)}
            )
    return vectors


def main():
    out = Path(__file__).with_name('extra-hashes.json')
    known = list(MAKERS)
    chosen = sys.argv[1:] or known
    unknown = [name for name in chosen if name not in known]
    if unknown:
        sys.exit(f'no maker for {", ".join(unknown)}; the makers are {", ".join(known)}')

    # Formats not named keep their vectors and their place, so adding or remaking one
    # format leaves the rest of the file unchanged; a new format goes at the end.
    fresh = make_vectors(chosen)
    vectors = []
    for vector in json.loads(out.read_text())['vectors'] if out.exists() else []:
        if vector['format'] not in chosen:
            vectors.append(vector)
        elif not any(v['format'] == vector['format'] for v in vectors):
            vectors.extend(v for v in fresh if v['format'] == vector['format'])
    placed = {v['format'] for v in vectors}
    vectors.extend(v for v in fresh if v['format'] not in placed)
    document = {
        'made_by': 'test/vectors/make-vectors.py: passlib 1.7.4, argon2-cffi, PHP 8 password_hash, '
        'OpenSSL passwd, Python hashlib, pyca/cryptography',
        'firebase': FIREBASE,
        'vectors': vectors,
    }
    # Two-space indents are what the project's formatter writes for JSON.
    out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + '\n')
    print(f'wrote {len(fresh)} of {len(vectors)} vectors to {out}')


if __name__ == '__main__':
    main()
