#!/usr/bin/env python3
"""Prints the public key token of a strong-named .NET assembly; exits 1 if it is not strong-name signed.

Reads the PE file directly (no SDK tool on Linux does this): the CLI header's StrongNameSigned flag and
signature directory, and the Assembly table's PublicKey blob, whose token is the last 8 bytes of its SHA-1,
reversed.
"""
import hashlib
import struct
import sys

COMIMAGE_FLAGS_STRONGNAMESIGNED = 0x8


def main(path):
    data = open(path, "rb").read()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    sections = struct.unpack_from("<H", data, pe + 6)[0]
    optional_size = struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (96 if magic == 0x10B else 112)
    table = optional + optional_size

    def offset(rva):
        for i in range(sections):
            s = table + 40 * i
            size, address, _, raw = struct.unpack_from("<IIII", data, s + 8)
            if address <= rva < address + max(size, 1):
                return rva - address + raw
        raise ValueError(f"RVA {rva:#x} is in no section")

    cli_rva = struct.unpack_from("<I", data, directories + 14 * 8)[0]
    cli = offset(cli_rva)
    metadata_rva = struct.unpack_from("<I", data, cli + 8)[0]
    flags = struct.unpack_from("<I", data, cli + 16)[0]
    signature_rva, signature_size = struct.unpack_from("<II", data, cli + 32)
    if not flags & COMIMAGE_FLAGS_STRONGNAMESIGNED or signature_size == 0:
        print(f"{path}: not strong-name signed", file=sys.stderr)
        return 1
    signature = data[offset(signature_rva):offset(signature_rva) + signature_size]
    if not any(signature):
        print(f"{path}: delay-signed or public-signed only (empty signature)", file=sys.stderr)
        return 1

    key = public_key(data, offset(metadata_rva))
    if not key:
        print(f"{path}: the assembly has no public key", file=sys.stderr)
        return 1
    print(hashlib.sha1(key).digest()[-8:][::-1].hex())
    return 0


def public_key(data, root):
    """The Assembly row's PublicKey blob, from the #~ tables and the #Blob heap."""
    version_length = struct.unpack_from("<I", data, root + 12)[0]
    streams_at = root + 16 + version_length
    count = struct.unpack_from("<H", data, streams_at + 2)[0]
    position = streams_at + 4
    streams = {}
    for _ in range(count):
        stream_offset, size = struct.unpack_from("<II", data, position)
        end = data.index(b"\0", position + 8)
        name = data[position + 8:end].decode()
        streams[name] = root + stream_offset
        position = position + 8 + ((end - (position + 8)) // 4 + 1) * 4
    tables = streams.get("#~") or streams["#-"]
    blob = streams["#Blob"]
    heap_sizes = data[tables + 6]
    valid = struct.unpack_from("<Q", data, tables + 8)[0]
    rows = {}
    position = tables + 24
    for t in range(64):
        if valid >> t & 1:
            rows[t] = struct.unpack_from("<I", data, position)[0]
            position += 4
    string_size = 4 if heap_sizes & 1 else 2
    guid_size = 4 if heap_sizes & 2 else 2
    blob_size = 4 if heap_sizes & 4 else 2

    def index(*targets, tag_bits=0):
        largest = max(rows.get(t, 0) for t in targets)
        return 2 if largest < (1 << (16 - tag_bits)) else 4

    def coded(targets, tag_bits):
        return index(*targets, tag_bits=tag_bits)

    # Row sizes of the tables before Assembly (0x20), per ECMA-335 II.22.
    type_def_or_ref = coded([0x02, 0x01, 0x1B], 2)
    has_constant = coded([0x04, 0x08, 0x17], 2)
    has_custom_attribute = coded([0x06, 0x04, 0x01, 0x02, 0x08, 0x09, 0x0A, 0x00, 0x0E, 0x17, 0x14, 0x11, 0x1A, 0x1B, 0x20, 0x23, 0x26, 0x27, 0x28, 0x2A, 0x2C, 0x2B], 5)
    has_field_marshal = coded([0x04, 0x08], 1)
    has_decl_security = coded([0x02, 0x06, 0x20], 2)
    member_ref_parent = coded([0x02, 0x01, 0x1A, 0x06, 0x1B], 3)
    has_semantics = coded([0x14, 0x17], 1)
    method_def_or_ref = coded([0x06, 0x0A], 1)
    member_forwarded = coded([0x04, 0x06], 1)
    implementation = coded([0x26, 0x23, 0x27], 2)
    custom_attribute_type = coded([0x06, 0x0A], 3)
    resolution_scope = coded([0x00, 0x1A, 0x23, 0x01], 2)
    S, G, B = string_size, guid_size, blob_size

    def simple(t):
        return index(t)

    sizes = {
        0x00: 2 + S + G * 3,
        0x01: resolution_scope + S * 2,
        0x02: 4 + S * 2 + type_def_or_ref + simple(0x04) + simple(0x06),
        0x03: simple(0x04),
        0x04: 2 + S + B,
        0x05: simple(0x06),
        0x06: 4 + 2 + 2 + S + B + simple(0x08),
        0x07: simple(0x08),
        0x08: 2 + 2 + S,
        0x09: simple(0x02) + type_def_or_ref,
        0x0A: member_ref_parent + S + B,
        0x0B: 2 + has_constant + B,
        0x0C: has_custom_attribute + custom_attribute_type + B,
        0x0D: has_field_marshal + B,
        0x0E: 2 + has_decl_security + B,
        0x0F: 2 + 4 + simple(0x02),
        0x10: 4 + simple(0x04),
        0x11: B,
        0x12: simple(0x02) + simple(0x14),
        0x13: simple(0x14),
        0x14: 2 + S + type_def_or_ref,
        0x15: simple(0x02) + simple(0x17),
        0x16: simple(0x17),
        0x17: 2 + S + B,
        0x18: 2 + simple(0x06) + has_semantics,
        0x19: simple(0x02) + method_def_or_ref * 2,
        0x1A: S,
        0x1B: B,
        0x1C: 2 + member_forwarded + S + simple(0x1A),
        0x1D: 4 + simple(0x04),
        0x1E: 4 + 4,
        0x1F: 4,
    }
    for t in range(0x20):
        if t in rows:
            position += rows[t] * sizes[t]
    if rows.get(0x20, 0) == 0:
        return b""
    # Assembly: HashAlgId(4) Major Minor Build Revision (2 each) Flags(4) PublicKey(blob) Name Culture
    key_index_at = position + 4 + 8 + 4
    key_index = struct.unpack_from("<I" if B == 4 else "<H", data, key_index_at)[0]
    return read_blob(data, blob + key_index)


def read_blob(data, at):
    first = data[at]
    if first & 0x80 == 0:
        return data[at + 1:at + 1 + first]
    if first & 0xC0 == 0x80:
        length = ((first & 0x3F) << 8) | data[at + 1]
        return data[at + 2:at + 2 + length]
    length = ((first & 0x1F) << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3]
    return data[at + 4:at + 4 + length]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
