#!/usr/bin/env python3
"""Screenshots for the display tests, with nothing but the standard library
(zlib and struct): read PNG (8-bit gray, RGB, palette, gray+alpha, RGBA;
not interlaced) and binary PPM (P6), write PNG, compare two screens, and
read the text of a Linux framebuffer console.

usage:
  screen.py topng IN.ppm OUT.png
      convert (QEMU's screendump writes PPM)
  screen.py compare A B [--max-diff PCT]
      A and B show the same screen: same size and background colour, the
      same pixel rows carry ink (text rows match exactly), every text row
      has ink in the same character columns, and at most PCT per cent of
      the pixels differ (default 0.5; a pixel differs when a channel is off
      by more than 24); prints the measures, exit status 0 if all hold
  screen.py ink A [X0 Y0 X1 Y1]
      prints "ink N rows R bg RRGGBB": pixels that are not the background
      colour (the most frequent one) in the box (default: all), and the
      number of pixel rows with ink
  screen.py text A FONT.c [COLS ROWS]
      the text of a Linux fbcon screen (8x16 cells from the top left) read
      with the font of lib/fonts/FONT.c (e.g. font_sun8x16.c), one line per
      text row, trailing blanks dropped; a cell that matches no glyph is '?'
  screen.py crop IN X Y W H OUT.png
      the box of IN (PNG, PPM or an XWD file such as Xvfb -fbdir's
      Xvfb_screen0) at X,Y of size WxH, as a PNG
  screen.py stable A B
      exit 0 if the two files hold the same pixels
"""
import re
import struct
import sys
import zlib
from collections import Counter


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos = 8
    idat = []
    palette = None
    w = h = depth = ctype = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length:
            raise ValueError("truncated PNG chunk")
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(kind + body) != crc:
            raise ValueError("bad CRC in PNG chunk %r" % kind)
        pos += 12 + length
        if kind == b"IHDR":
            w, h, depth, ctype, comp, filt, inter = struct.unpack(
                ">IIBBBBB", body)
            if depth != 8 or comp or filt or inter:
                raise ValueError("PNG: only 8-bit, non-interlaced images")
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if w is None:
        raise ValueError("PNG without IHDR")
    bpp = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    if len(raw) != h * (stride + 1):
        raise ValueError("PNG: %d bytes of image data, expected %d"
                         % (len(raw), h * (stride + 1)))
    out = bytearray(h * stride)
    prev = bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], up_left)) & 255
        elif f != 0:
            raise ValueError("PNG: filter type %d" % f)
        out[y * stride:(y + 1) * stride] = line
        prev = line
    if ctype == 2:
        rgb = bytes(out)
    elif ctype == 6:
        rgb = bytes(b for i, b in enumerate(out) if i % 4 != 3)
    elif ctype == 0:
        rgb = bytes(b for b in out for _ in range(3))
    elif ctype == 4:
        rgb = bytes(out[i] for i in range(0, len(out), 2) for _ in range(3))
    else:
        if palette is None:
            raise ValueError("palette PNG without PLTE")
        rgb = b"".join(palette[3 * i:3 * i + 3] for i in out)
    return w, h, rgb


def read_ppm(data):
    fields = []
    pos = 2
    while len(fields) < 3:
        m = re.compile(rb"\s*(#[^\n]*\n\s*)*(\d+)").match(data, pos)
        if not m:
            raise ValueError("bad PPM header")
        fields.append(int(m.group(2)))
        pos = m.end()
    w, h, maxval = fields
    if maxval != 255:
        raise ValueError("PPM: only maxval 255")
    pos += 1
    rgb = data[pos:pos + w * h * 3]
    if len(rgb) != w * h * 3:
        raise ValueError("truncated PPM")
    return w, h, rgb


def read_xwd(data):
    """An X window dump (what Xvfb -fbdir keeps its screen in), ZPixmap
    with 24 or 32 bits per pixel, TrueColor masks."""
    f = struct.unpack(">25I", data[:100])
    (hsize, version, fmt, depth, w, h, _xoff, order, _unit, _border, _pad,
     bpp, stride, _cls, rmask, gmask, bmask, _bits, _entries, ncolors) = f[:20]
    if version != 7 or fmt != 2 or bpp not in (24, 32):
        raise ValueError("XWD: only version 7 ZPixmap, 24/32 bpp")
    pos = hsize + 12 * ncolors
    step = bpp // 8
    end = "<" if order == 0 else ">"

    def shift(mask):
        n = 0
        while mask and not mask & 1:
            mask >>= 1
            n += 1
        return n
    rs, gs, bs = shift(rmask), shift(gmask), shift(bmask)
    out = bytearray(w * h * 3)
    for y in range(h):
        line = data[pos + y * stride:pos + y * stride + w * step]
        if step == 4:
            vals = struct.unpack("%s%dI" % (end, w), line)
        else:
            vals = [int.from_bytes(line[i:i + 3], "little" if order == 0
                                   else "big") for i in range(0, w * 3, 3)]
        o = y * w * 3
        for v in vals:
            out[o] = (v & rmask) >> rs
            out[o + 1] = (v & gmask) >> gs
            out[o + 2] = (v & bmask) >> bs
            o += 3
    return w, h, bytes(out)


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"P6":
        return read_ppm(data)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return read_png(data)
    if len(data) >= 100 and struct.unpack(">I", data[4:8])[0] == 7:
        return read_xwd(data)
    raise ValueError("%s: not a PNG, PPM or XWD file" % path)


def write_png(path, w, h, rgb):
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body)))
    stride = w * 3
    raw = b"".join(b"\0" + rgb[y * stride:(y + 1) * stride]
                   for y in range(h))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" +
                chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def pixels(rgb):
    return [rgb[i:i + 3] for i in range(0, len(rgb), 3)]


def background(px):
    return Counter(px).most_common(1)[0][0]


def ink_mask(w, h, px, bg):
    """One int per pixel row, bit x set where the pixel is not bg."""
    rows = []
    for y in range(h):
        bits = 0
        line = px[y * w:(y + 1) * w]
        for x, p in enumerate(line):
            if p != bg:
                bits |= 1 << x
        rows.append(bits)
    return rows


def bands(rows):
    """Runs of consecutive pixel rows with ink: [(y0, y1)], y1 exclusive."""
    out = []
    start = None
    for y, bits in enumerate(rows + [0]):
        if bits and start is None:
            start = y
        elif not bits and start is not None:
            out.append((start, y))
            start = None
    return out


def cells(rows, y0, y1, w, cw=8):
    """Character columns (cw pixels wide) with ink in rows y0..y1."""
    acc = 0
    for y in range(y0, y1):
        acc |= rows[y]
    return [c for c in range((w + cw - 1) // cw)
            if (acc >> (c * cw)) & ((1 << cw) - 1)]


def hexrgb(p):
    return "%02x%02x%02x" % tuple(p)


def cmd_compare(a, b, max_diff):
    wa, ha, ra = load(a)
    wb, hb, rb = load(b)
    if (wa, ha) != (wb, hb):
        print("compare: sizes differ: %dx%d and %dx%d" % (wa, ha, wb, hb))
        return 1
    pa, pb = pixels(ra), pixels(rb)
    bga, bgb = background(pa), background(pb)
    ok = True
    if bga != bgb:
        print("compare: backgrounds differ: #%s and #%s"
              % (hexrgb(bga), hexrgb(bgb)))
        ok = False
    diff = sum(1 for p, q in zip(pa, pb)
               if max(abs(p[0] - q[0]), abs(p[1] - q[1]),
                      abs(p[2] - q[2])) > 24)
    frac = 100.0 * diff / (wa * ha)
    ma, mb = ink_mask(wa, ha, pa, bga), ink_mask(wb, hb, pb, bgb)
    ba, bb = bands(ma), bands(mb)
    print("compare: %dx%d, background #%s, %d differing pixels (%.3f%%, "
          "at most %.3f%%), %d/%d text rows"
          % (wa, ha, hexrgb(bga), diff, frac, max_diff, len(ba), len(bb)))
    if not ba:
        print("compare: the first image is blank")
        ok = False
    if ba != bb:
        print("compare: text rows differ: %s / %s" % (ba[:12], bb[:12]))
        ok = False
    else:
        for y0, y1 in ba:
            ca, cb = cells(ma, y0, y1, wa), cells(mb, y0, y1, wb)
            if ca != cb:
                print("compare: rows %d-%d: ink in character columns %s / %s"
                      % (y0, y1, ca, cb))
                ok = False
    if frac > max_diff:
        ok = False
    return 0 if ok else 1


def cmd_ink(a, box):
    w, h, rgb = load(a)
    px = pixels(rgb)
    bg = background(px)
    x0, y0, x1, y1 = box or (0, 0, w, h)
    n = 0
    rows = 0
    for y in range(max(0, y0), min(h, y1)):
        k = sum(1 for p in px[y * w + max(0, x0):y * w + min(w, x1)]
                if p != bg)
        n += k
        rows += k > 0
    print("ink %d rows %d bg %s" % (n, rows, hexrgb(bg)))
    return 0


def read_font(path):
    with open(path) as f:
        text = f.read()
    body = text[text.index("{", text.index("fontdata")):]
    # skip the header { 0, 0, FONTDATAMAX, 0 }
    body = body[body.index("}") + 1:]
    data = [int(v, 16) for v in re.findall(r"0x([0-9a-fA-F]{2})", body)]
    if len(data) < 4096:
        raise ValueError("%s: %d font bytes, expected 4096" % (path, len(data)))
    glyphs = {}
    for ch in range(32, 127):
        key = tuple(data[ch * 16:(ch + 1) * 16])
        glyphs.setdefault(key, chr(ch))
    return glyphs


def cmd_text(a, font, cols, nrows):
    w, h, rgb = load(a)
    px = pixels(rgb)
    bg = background(px)
    glyphs = read_font(font)
    cols = cols or w // 8
    nrows = nrows or h // 16
    for r in range(nrows):
        line = []
        for c in range(cols):
            cell = []
            for y in range(16):
                off = (r * 16 + y) * w + c * 8
                bits = 0
                for x in range(8):
                    if px[off + x] != bg:
                        bits |= 0x80 >> x
                cell.append(bits)
            cell = tuple(cell)
            ch = glyphs.get(cell)
            if ch is None:
                # the cursor inverts a cell or underlines it: try those
                inv = tuple(b ^ 0xff for b in cell)
                ch = glyphs.get(inv)
                if ch is None:
                    under = tuple(cell[:14]) + (0, 0)
                    ch = glyphs.get(under, "?")
            line.append(ch)
        print("".join(line).rstrip())
    return 0


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 2
    cmd = argv[1]
    try:
        if cmd == "topng" and len(argv) == 4:
            w, h, rgb = load(argv[2])
            write_png(argv[3], w, h, rgb)
            return 0
        if cmd == "compare" and len(argv) in (4, 6) and (
                len(argv) == 4 or argv[4] == "--max-diff"):
            lim = float(argv[5]) if len(argv) == 6 else 0.5
            return cmd_compare(argv[2], argv[3], lim)
        if cmd == "ink" and len(argv) in (3, 7):
            box = tuple(int(v) for v in argv[3:7]) if len(argv) == 7 else None
            return cmd_ink(argv[2], box)
        if cmd == "text" and len(argv) in (4, 6):
            cols, nrows = ((int(argv[4]), int(argv[5])) if len(argv) == 6
                           else (0, 0))
            return cmd_text(argv[2], argv[3], cols, nrows)
        if cmd == "crop" and len(argv) == 8:
            w, h, rgb = load(argv[2])
            x, y, cw, ch = (int(v) for v in argv[3:7])
            if x < 0 or y < 0 or x + cw > w or y + ch > h:
                raise ValueError("crop box outside the %dx%d image" % (w, h))
            out = b"".join(rgb[((y + r) * w + x) * 3:((y + r) * w + x + cw) * 3]
                           for r in range(ch))
            write_png(argv[7], cw, ch, out)
            return 0
        if cmd == "stable" and len(argv) == 4:
            return 0 if load(argv[2]) == load(argv[3]) else 1
    except (OSError, ValueError, zlib.error) as e:
        print("screen.py: %s" % e, file=sys.stderr)
        return 2
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
