"""Size breakdown of a wasm module (stdlib only): bytes per section, the data segments, and the
largest function bodies, named from the `name` custom section when the module has one.
Usage: tools/wasm_sections.py MODULE.wasm [NAMES.wasm] [TOP]
NAMES.wasm: a build of the same code that still has its names (wasm-opt strips them and
renumbers functions, so names are only shown when MODULE itself has them)."""
import sys

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
            7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount", 13: "tag"}


def uleb(b, i):
    result = shift = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def name_str(b, i):
    n, i = uleb(b, i)
    return b[i:i + n].decode("utf-8", "replace"), i + n


def parse(path):
    b = open(path, "rb").read()
    assert b[:4] == b"\0asm", f"{path}: not a wasm module"
    i, sections, names, bodies, imported_funcs = 8, [], {}, [], 0
    while i < len(b):
        sid = b[i]
        size, j = uleb(b, i + 1)
        end = j + size
        label = SECTIONS.get(sid, f"id {sid}")
        if sid == 0:
            cname, k = name_str(b, j)
            label = f"custom:{cname}"
            if cname == "name":
                while k < end:
                    sub = b[k]
                    sub_size, k2 = uleb(b, k + 1)
                    if sub == 1:
                        count, m = uleb(b, k2)
                        for _ in range(count):
                            idx, m = uleb(b, m)
                            nm, m = name_str(b, m)
                            names[idx] = nm
                    k = k2 + sub_size
        elif sid == 2:
            count, k = uleb(b, j)
            for _ in range(count):
                _, k = name_str(b, k)
                _, k = name_str(b, k)
                kind = b[k]
                k += 1
                if kind == 0:
                    _, k = uleb(b, k)
                    imported_funcs += 1
                elif kind == 1:
                    k += 1
                    flags, k = uleb(b, k)
                    _, k = uleb(b, k)
                    if flags & 1:
                        _, k = uleb(b, k)
                elif kind == 2:
                    flags, k = uleb(b, k)
                    _, k = uleb(b, k)
                    if flags & 1:
                        _, k = uleb(b, k)
                elif kind == 3:
                    k += 2
                else:
                    _, k = uleb(b, k)
        elif sid == 10:
            count, k = uleb(b, j)
            for n in range(count):
                body, k2 = uleb(b, k)
                bodies.append((body + (k2 - k), imported_funcs + n))
                k = k2 + body
        sections.append((label, end - i))
        i = end
    return len(b), sections, names, bodies


def main():
    path = sys.argv[1]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    total, sections, names, bodies = parse(path)
    print(f"{path}: {total} bytes")
    for label, size in sorted(sections, key=lambda s: -s[1]):
        print(f"  {label:<24} {size:>9}  {100 * size / total:5.1f}%")
    named_from = path
    if not names and len(sys.argv) > 2:
        named_from = sys.argv[2]
        _, _, names, bodies = parse(named_from)
    print(f"largest functions ({len(bodies)} bodies; sizes and names from {named_from}):")
    for size, idx in sorted(bodies, reverse=True)[:top]:
        print(f"  {size:>8}  {names.get(idx, f'func[{idx}]')[:100]}")


main()
