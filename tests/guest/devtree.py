#!/usr/bin/env python3
"""Nothing the PROM advertises is missing from the board.

usage: devtree.py BOARD_TABLE SHOW_DEVS_LOG

BOARD_TABLE is the output of `build/sun4m --board`; SHOW_DEVS_LOG a console
log holding OpenBIOS's `show-devs` listing.  Every node with a unit address
(`le@5,8c00000`) names a physical address: under an SBus node, slot and
offset (the slot's base is the board's SBus base + slot * 256 MB); under
/obio, an offset into the SLAVIO space (0x71000000); at the top level, the
space (bits 35:32) and the address.  Each such address must lie in the
window of a device of the board table whose node name is the node's
(`zs`, `le`, ...), or of the device the node sits on (sbus inside the
IOMMU).  Prints one line per node and a closing count; exits 1 on a
missing device.
"""
import re
import sys

SBUS_BASE = 0x20000000
SBUS_SLOT = 0x10000000
OBIO_BASE = 0x71000000


def read_table(path):
    rows = []
    for line in open(path):
        if line.startswith("#"):
            continue
        f = line.split()
        if len(f) < 7:
            continue
        rows.append({"name": f[0], "base": int(f[1], 16),
                     "size": int(f[2], 16), "node": f[6]})
    return rows


def node_paths(path):
    out = []
    for line in open(path, errors="replace"):
        m = re.match(r"^[0-9a-f]{8} (/\S*)", line.strip())
        if m:
            out.append(m.group(1))
    return out


def phys_of(path):
    """Physical address of the last component of path, or None."""
    parts = path.strip("/").split("/")
    last = parts[-1]
    if "@" not in last:
        return None
    name, unit = last.split("@", 1)
    hi, _, lo = unit.partition(",")
    hi, lo = int(hi, 16), int(lo or "0", 16)
    parent = parts[-2].split("@")[0] if len(parts) > 1 else ""
    if name.startswith("virtual-memory"):
        return None                 # a virtual range, not a device
    if parent == "obio":
        return name, OBIO_BASE + lo
    if any(p.split("@")[0] == "sbus" for p in parts[:-1]):
        return name, SBUS_BASE + hi * SBUS_SLOT + lo
    return name, (hi << 32) | lo


def main():
    rows = read_table(sys.argv[1])
    paths = node_paths(sys.argv[2])
    ok = bad = 0
    if not paths:
        print("devtree: FAIL no show-devs listing in the log")
        print("0 passed, 1 failed")
        return 1
    for p in paths:
        pa = phys_of(p)
        if pa is None:
            continue
        name, addr = pa
        hit = [r for r in rows if r["base"] <= addr < r["base"] + r["size"]]
        match = [r for r in hit if r["node"] == name]
        if match or (name == "sbus" and any(r["node"] == "iommu"
                                            for r in hit)):
            ok += 1
            who = (match or hit)[0]["name"]
            print(f"devtree: ok   {p} -> 0x{addr:09x} ({who})")
        elif hit:
            bad += 1
            print(f"devtree: FAIL {p} -> 0x{addr:09x} lies in "
                  f"{hit[0]['name']}, whose node is {hit[0]['node']}")
        else:
            bad += 1
            print(f"devtree: FAIL {p} -> 0x{addr:09x}: no device of the "
                  f"board answers there")
    print(f"devtree: {ok} nodes with addresses found on the board, "
          f"{bad} missing")
    return 1 if bad or ok == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
