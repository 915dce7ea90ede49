"""Reference model of the SPARC V8 integer ALU (manual chapter B), used
only to compute the expected values written into the generated ROM tests.
All values are 32-bit unsigned Python ints; icc is a 4-bit NZVC number."""

M = 0xffffffff


def u32(x):
    return x & M


def s32(x):
    x &= M
    return x - (1 << 32) if x & 0x80000000 else x


def nz(r):
    return (8 if r & 0x80000000 else 0) | (4 if r == 0 else 0)


def add_icc(a, b, r):
    a31, b31, r31 = a >> 31, b >> 31, r >> 31
    v = (a31 & b31 & (r31 ^ 1)) | ((a31 ^ 1) & (b31 ^ 1) & r31)
    c = (a31 & b31) | ((r31 ^ 1) & (a31 | b31))
    return nz(r) | (v << 1) | c


def sub_icc(a, b, r):
    a31, b31, r31 = a >> 31, b >> 31, r >> 31
    v = (a31 & (b31 ^ 1) & (r31 ^ 1)) | ((a31 ^ 1) & b31 & r31)
    c = ((a31 ^ 1) & b31) | (r31 & ((a31 ^ 1) | b31))
    return nz(r) | (v << 1) | c


def add(a, b, cin=0):
    r = u32(a + b + cin)
    return r, add_icc(a, b, r)


def sub(a, b, cin=0):
    r = u32(a - b - cin)
    return r, sub_icc(a, b, r)


def logic(op, a, b):
    r = {
        'and': a & b, 'andn': a & ~b, 'or': a | b, 'orn': a | ~b,
        'xor': a ^ b, 'xnor': ~(a ^ b),
    }[op]
    r = u32(r)
    return r, nz(r)


def taddcc(a, b):
    r, icc = add(a, b)
    if (a | b) & 3:
        icc |= 2
    return r, icc


def tsubcc(a, b):
    r, icc = sub(a, b)
    if (a | b) & 3:
        icc |= 2
    return r, icc


def mulscc(rs1, op2, y, icc):
    """One MULScc step; returns (rd, icc, y)."""
    n = (icc >> 3) & 1
    v = (icc >> 1) & 1
    op1 = ((n ^ v) << 31) | (rs1 >> 1)
    addend = op2 if y & 1 else 0
    r, nicc = add(op1, addend)
    ny = ((rs1 & 1) << 31) | (y >> 1)
    return r, nicc, ny


def umul(a, b):
    p = a * b
    return u32(p), u32(p >> 32), nz(u32(p))


def smul(a, b):
    p = s32(a) * s32(b)
    return u32(p), u32(p >> 32), nz(u32(p))


def udiv(y, a, b):
    """returns (rd, icc) or None for division by zero."""
    if b == 0:
        return None
    q = ((y << 32) | a) // b
    v = 0
    if q > M:
        q, v = M, 1
    return q, nz(q) | (v << 1)


def sdiv(y, a, b):
    if b == 0:
        return None
    x = (y << 32) | a
    if x & (1 << 63):
        x -= 1 << 64
    d = s32(b)
    q = abs(x) // abs(d)
    if (x < 0) != (d < 0):
        q = -q
    v = 0
    if q > 0x7fffffff:
        q, v = 0x7fffffff, 1
    elif q < -0x80000000:
        q, v = -0x80000000, 1
    q = u32(q)
    return q, nz(q) | (v << 1)
