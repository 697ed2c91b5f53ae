"""Two DLLs that Windows 10 has and Wine 8.0 lacks, for the build prefix only (never the
bundle: PyInstaller collects nothing from the Windows folder, and the test checks it).

- ``bcryptprimitives.dll``: Rust's standard library (1.78+) takes its random numbers from
  ``ProcessPrng``, so pydantic_core fails to load under Wine 8.0 ("DLL load failed"). Here it
  is forwarded to ``advapi32.SystemFunction036`` (RtlGenRandom): the two agree on x64 (buffer,
  length; Rust ignores the result, documented as always TRUE).
- ``icuuc.dll``: Qt 6.7+ on Windows uses the ICU in Windows' system32 (Windows 10 1703 and
  later) for text codecs beyond UTF and the ANSI code page; Qt6Core.dll does not load without
  it. Here every ``ucnv_*`` function fails: ``ucnv_open`` reports U_FILE_ACCESS_ERROR, so Qt
  treats every ICU codec as unavailable (the program decodes text in Python, not with Qt).

The files are written byte by byte (no cross-compiler): one section holding two tiny code
stubs and the export directory.

    python wine_shim.py FOLDER      (writes both DLLs into FOLDER)
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

SECTION_RVA, FILE_ALIGN, SECTION_ALIGN = 0x1000, 0x200, 0x1000
RETURN_ZERO = bytes.fromhex("31c0c3")  # xor eax, eax; ret
# mov dword [rdx], 4 (U_FILE_ACCESS_ERROR into the UErrorCode*); xor eax, eax; ret
FAIL_WITH_STATUS = bytes.fromhex("c7020400000031c0c3")
CODE = RETURN_ZERO + b"\xcc" * 5 + FAIL_WITH_STATUS  # stubs at offsets 0 and 8

ICU_CONVERTERS = [
    "UCNV_FROM_U_CALLBACK_SUBSTITUTE",
    "UCNV_TO_U_CALLBACK_SUBSTITUTE",
    "ucnv_cbFromUWriteUChars",
    "ucnv_cbToUWriteUChars",
    "ucnv_close",
    "ucnv_countAvailable",
    "ucnv_fromUCountPending",
    "ucnv_fromUnicode",
    "ucnv_getAvailableName",
    "ucnv_getFromUCallBack",
    "ucnv_getMaxCharSize",
    "ucnv_getName",
    "ucnv_getStandardName",
    "ucnv_getToUCallBack",
    "ucnv_open",
    "ucnv_reset",
    "ucnv_setFromUCallBack",
    "ucnv_setToUCallBack",
    "ucnv_toUCountPending",
    "ucnv_toUnicode",
]

# export name -> a forwarder ("dll.function") or the offset of a stub in CODE
SHIMS: dict[str, dict[str, str | int]] = {
    "bcryptprimitives.dll": {"ProcessPrng": "advapi32.SystemFunction036"},
    "icuuc.dll": {name: 8 if name == "ucnv_open" else 0 for name in ICU_CONVERTERS},
}


def export_section(dll_name: str, exports: dict[str, str | int]) -> tuple[bytes, int]:
    """The section's bytes (code, then the export directory) and the directory's offset."""
    names = sorted(exports)  # the name table must be sorted for the loader's binary search
    code_size = len(CODE) + (-len(CODE)) % 16
    base = SECTION_RVA + code_size
    count = len(names)
    functions = base + 40
    name_table = functions + 4 * count
    ordinals = name_table + 4 * count
    strings_at = ordinals + 2 * count
    strings = bytearray()

    def string(text: str) -> int:
        rva = strings_at + len(strings)
        strings.extend(text.encode("ascii") + b"\0")
        return rva

    dll_rva = string(dll_name)
    name_rvas = [string(name) for name in names]
    forwarders = {
        name: string(str(target)) for name, target in exports.items() if isinstance(target, str)
    }
    addresses = [
        forwarders[name] if name in forwarders else SECTION_RVA + int(exports[name])
        for name in names
    ]
    directory = struct.pack(
        "<IIHHIIIIIII", 0, 0, 0, 0, dll_rva, 1, count, count, functions, name_table, ordinals
    )
    body = (
        directory
        + struct.pack(f"<{count}I", *addresses)
        + struct.pack(f"<{count}I", *name_rvas)
        + struct.pack(f"<{count}H", *range(count))
        + bytes(strings)
    )
    return CODE + b"\0" * (code_size - len(CODE)) + body, code_size


def dll(dll_name: str, exports: dict[str, str | int]) -> bytes:
    section, directory_offset = export_section(dll_name, exports)
    directory_size = len(section) - directory_offset
    raw_size = -(-len(section) // FILE_ALIGN) * FILE_ALIGN
    image_size = SECTION_RVA + -(-len(section) // SECTION_ALIGN) * SECTION_ALIGN
    dos = b"MZ" + b"\0" * 58 + struct.pack("<I", 0x40)
    # PE signature; COFF: x86-64, 1 section, PE32+ optional header; executable, large-address, DLL
    coff = struct.pack("<4sHHIIIHH", b"PE\0\0", 0x8664, 1, 0, 0, 0, 240, 0x2022)
    optional = struct.pack(
        "<HBBIIIIIQIIHHHHHHIIIIHHQQQQII",
        0x20B,  # PE32+
        14, 0,  # linker version
        raw_size, 0, 0,  # sizes of code and data
        0,  # no entry point (no DllMain)
        SECTION_RVA,  # base of code
        0x180000000,  # image base
        SECTION_ALIGN, FILE_ALIGN,
        6, 0, 0, 0, 6, 0,  # OS, image and subsystem versions
        0,
        image_size, FILE_ALIGN,  # image and headers
        0,  # checksum
        3,  # subsystem: console
        0x0140,  # dynamic base (the code is position-independent), NX compatible
        0x100000, 0x1000, 0x100000, 0x1000,  # stack and heap
        0, 16,  # loader flags, data directories
    )  # fmt: skip
    directories = struct.pack("<II", SECTION_RVA + directory_offset, directory_size)
    directories += b"\0" * 8 * 15
    # .text: code, initialized data, execute, read
    section_header = struct.pack(
        "<8sIIIIIIHHI", b".text", len(section), SECTION_RVA, raw_size, FILE_ALIGN,
        0, 0, 0, 0, 0x60000060,
    )  # fmt: skip
    headers = dos + coff + optional + directories + section_header
    headers += b"\0" * (FILE_ALIGN - len(headers))
    return headers + section + b"\0" * (raw_size - len(section))


def main() -> int:
    folder = Path(sys.argv[1])
    for name, exports in SHIMS.items():
        (folder / name).write_bytes(dll(name, exports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
