// The binascii module (what base64, uu-free code and hashlib-free checksums
// use): base64 and hex conversions with CPython 3.11's non-strict/strict
// base64 decoding rules and messages, and crc32. Written as a Python prelude.
// FIXME: a2b_uu/b2a_uu, a2b_qp/b2a_qp, crc_hqx; C++ for speed on large data.
#include "modules/stdlib_modules.h"
#include "objects/dict.h"

namespace adder {

static const char* k_binascii_prelude = R"PY(
class Error(ValueError):
    pass
Error.__module__ = 'binascii'

class Incomplete(Exception):
    pass
Incomplete.__module__ = 'binascii'

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_INDEX = [-1] * 256
for _i, _c in enumerate(_B64):
    _B64_INDEX[_c] = _i
del _i, _c

def _ascii_data(data):
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError(f"argument should be bytes, buffer or ASCII string, not '{type(data).__name__}'")

def _bytes_data(data):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")

def b2a_base64(data, /, *, newline=True):
    data = _bytes_data(data)
    out = bytearray()
    n = len(data)
    for i in range(0, n - n % 3, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63], _B64[v & 63]))
    rest = n % 3
    if rest == 1:
        v = data[-1] << 16
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63])) + b'=='
    elif rest == 2:
        v = (data[-2] << 16) | (data[-1] << 8)
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63])) + b'='
    if newline:
        out += b'\n'
    return bytes(out)

def a2b_base64(data, /, *, strict_mode=False):
    data = _ascii_data(data)
    out = bytearray()
    quad_pos = 0
    leftchar = 0
    pads = 0
    padding_started = False
    count = 0
    n = len(data)
    if strict_mode and n and data[0] == 61:
        raise Error("Leading padding not allowed")
    i = 0
    while i < n:
        c = data[i]
        if c == 61:  # '='
            padding_started = True
            pads += 1
            if quad_pos >= 2 and quad_pos + pads >= 4:
                if strict_mode and i + 1 < n:
                    raise Error("Excess data after padding")
                return bytes(out)
            i += 1
            continue
        v = _B64_INDEX[c]
        if v < 0:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            i += 1
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        count += 1
        if quad_pos == 0:
            quad_pos = 1
            leftchar = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((leftchar << 2) | (v >> 4)) & 0xff)
            leftchar = v & 0x0f
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((leftchar << 4) | (v >> 2)) & 0xff)
            leftchar = v & 0x03
        else:
            quad_pos = 0
            out.append(((leftchar << 6) | v) & 0xff)
            leftchar = 0
        i += 1
    if quad_pos != 0:
        if quad_pos == 1:
            raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4" % count)
        raise Error("Incorrect padding")
    return bytes(out)

def hexlify(data, sep=None, bytes_per_sep=1):
    data = _bytes_data(data)
    h = data.hex()
    if sep is None:
        return h.encode('ascii')
    if isinstance(sep, str):
        sep = sep.encode('ascii')
    return data.hex(sep.decode('ascii'), bytes_per_sep).encode('ascii')
b2a_hex = hexlify

def unhexlify(hexstr, /):
    data = _ascii_data(hexstr)
    if len(data) % 2:
        raise Error("Odd-length string")
    digits = b'0123456789abcdefABCDEF'
    for c in data:
        if c not in digits:
            raise Error("Non-hexadecimal digit found")
    return bytes.fromhex(data.decode('ascii'))
a2b_hex = unhexlify

def _crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        table.append(c)
    return table
_CRC_TABLE = _crc_table()

def crc32(data, crc=0, /):
    data = _bytes_data(data)
    c = (crc & 0xffffffff) ^ 0xffffffff
    table = _CRC_TABLE
    for b in data:
        c = table[(c ^ b) & 0xff] ^ (c >> 8)
    return c ^ 0xffffffff
)PY";

Module* create_binascii_module()
{
    Module* m = Module::create("binascii");
    if (stdmod::run_prelude(m, k_binascii_prelude).is_error())
        return nullptr;
    return m;
}

} // namespace adder
