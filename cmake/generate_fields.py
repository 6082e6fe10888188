#!/usr/bin/env python3
"""Generates the controller's configuration code from its one declaration.

Usage: generate_fields.py DECLARATION OUTPUT_DIR

From models/ctrl/controller_fields.json it writes, under OUTPUT_DIR:
  sv/mc_enum_types.svh         mc_pkg's enum types (the command bus, the policies, ...)
  sv/mc_cfg_types.svh          mc_pkg's timing widths and configuration structs
  sv/mc_top_cfg_ports.svh      mc_top's cfg_*_i ports
  sv/mc_top_cfg_regs.svh       mc_top's configuration registers
  ctrl/controller_params_struct.h  ctrl::ControllerParams
  rtl/mc_top_cfg.h             a Verilated Vmc_top's cfg ports set from ControllerParams
  rtl/mc_top_cfg_waves.h       the cfg ports the waves' Configuration group shows
  NS/encodings.h               the same enums in C++, one header per namespace (ctrl, dram),
                               with the name tables of those that have names
A file whose text is unchanged is left alone, so that what includes it is not rebuilt.
An invalid declaration is reported on one line naming the field and the key; exit status 1.
"""

import json
import os
import sys

GENERATED = "Generated from {source} by cmake/generate_fields.py: edit the declaration, not this file."
UNITS = {"tCK", "cycles", "entries", "%", "enum", "flag", "bits", "bytes", "bursts", "hits",
         "refreshes"}


class DeclarationError(Exception):
    pass


def require(ok, where, text):
    if not ok:
        raise DeclarationError(f"{where}: {text}")


class Enum:
    """One encoding: an mc_pkg enum type and its C++ enum class, value for value."""

    def __init__(self, raw, where):
        require(isinstance(raw, dict), where, "must be an object")
        known = {"sv", "cpp", "bits", "meaning", "names", "values"}
        for key in raw:
            require(key in known, f"{where}.{key}", "unknown key")
        for key in ("sv", "cpp", "bits", "meaning", "values"):
            require(key in raw, where, f"missing key '{key}'")
        self.sv = raw["sv"]
        require(isinstance(self.sv, str) and self.sv.isidentifier() and self.sv.endswith("_e"),
                f"{where}.sv", "must be an identifier ending in _e")
        where = f"{where} ({self.sv})"
        cpp = raw["cpp"].split("::") if isinstance(raw["cpp"], str) else []
        require(len(cpp) == 2 and all(part.isidentifier() for part in cpp),
                f"{where}.cpp", "must be namespace::Name (ctrl::Scheduler)")
        self.namespace, self.cpp = cpp
        self.bits = raw["bits"]
        require(isinstance(self.bits, int) and not isinstance(self.bits, bool) and
                1 <= self.bits <= 8, f"{where}.bits", "must be 1..8")
        self.meaning = raw["meaning"]
        require(one_line(self.meaning), f"{where}.meaning", "must be one line of text")
        self.names = raw.get("names")
        require(self.names is None or one_line(self.names), f"{where}.names",
                "must be one line of text: what the names are")
        values = raw["values"]
        require(isinstance(values, list) and values, f"{where}.values", "must be a list")
        self.values = []
        for i, value in enumerate(values):
            at = f"{where}.values[{i}]"
            require(isinstance(value, dict), at, "must be an object")
            wanted = {"sv", "cpp", "value", "meaning"} | ({"name"} if self.names else set())
            require(set(value) == wanted, at, "must have exactly " + ", ".join(sorted(wanted)) +
                    (" (the enum has names)" if self.names else ""))
            require(isinstance(value["sv"], str) and value["sv"].isidentifier() and
                    value["sv"].isupper(), f"{at}.sv", "must be an upper-case identifier")
            require(isinstance(value["cpp"], str) and value["cpp"].isidentifier(), f"{at}.cpp",
                    "must be an identifier")
            # The C++ indexes tables by the value (names, command counts).
            require(value["value"] == i and not isinstance(value["value"], bool), f"{at}.value",
                    f"must be {i}: the values run from 0 in order")
            require(i < 1 << self.bits, f"{at}.value", f"does not fit {self.bits} bits")
            require(one_line(value["meaning"]), f"{at}.meaning", "must be one line of text")
            require(not self.names or one_line(value["name"]), f"{at}.name",
                    "must be one line of text")
            self.values.append(value)
        for key in ("sv", "cpp") + (("name",) if self.names else ()):
            seen = [v[key] for v in self.values]
            twice = sorted({n for n in seen if seen.count(n) > 1})
            require(not twice, f"{where}.values", f"{key} '{', '.join(twice)}' twice")

    def cpp_type(self):
        return "std::uint8_t"


def one_line(text):
    return isinstance(text, str) and bool(text) and "\n" not in text


class Field:
    """One configuration field: its C++ member, SystemVerilog port and register field."""

    def __init__(self, raw, register, widths, top_widths, standards, enums, where):
        require(isinstance(raw, dict), where, "must be an object")
        known = {"name", "port", "bits", "port_bits", "enum", "unit", "standards", "meaning",
                 "wave", "default", "constant"}
        for key in raw:
            require(key in known, f"{where}.{key}", "unknown key")
        for key in ("name", "bits", "unit", "standards", "meaning"):
            require(key in raw, f"{where}", f"missing key '{key}'")
        self.name = raw["name"]
        require(isinstance(self.name, str) and self.name.isidentifier() and self.name.islower(),
                f"{where}.name", "must be a lower-case identifier")
        where = f"{where} ({self.name})"
        self.register = register
        self.port = "cfg_" + raw.get("port", self.name) + "_i"
        self.bits, self.bits_value = self._width(raw["bits"], widths, f"{where}.bits")
        require(1 <= self.bits_value <= 64, f"{where}.bits", "must be 1..64")
        self.port_bits = raw.get("port_bits", self.bits)
        if "port_bits" in raw:
            require(self.port_bits in top_widths, f"{where}.port_bits",
                    "must name one of top_widths: " + ", ".join(sorted(top_widths)))
        self.enum = raw.get("enum")
        require(self.enum is None or self.enum in enums, f"{where}.enum",
                "must name one of enums: " + ", ".join(enums))
        require(self.enum is None or enums[self.enum].bits == self.bits_value, f"{where}.bits",
                f"must be the width of {self.enum}")
        self.unit = raw["unit"]
        require(self.unit in UNITS, f"{where}.unit", "must be one of " + ", ".join(sorted(UNITS)))
        self.standards = raw["standards"]
        require(self.standards == "all" or
                (isinstance(self.standards, list) and self.standards and
                 all(s in standards for s in self.standards)),
                f"{where}.standards", "must be \"all\" or a list of " + ", ".join(standards))
        self.meaning = raw["meaning"]
        require(one_line(self.meaning), f"{where}.meaning", "must be one line of text")
        self.wave = raw.get("wave")
        require(self.wave is None or (isinstance(self.wave, int) and self.wave >= 1),
                f"{where}.wave", "must be a position from 1")
        self.constant = raw.get("constant")
        if self.constant is not None:
            require(isinstance(self.constant, dict) and
                    set(self.constant) == {"name", "value", "meaning"},
                    f"{where}.constant", "must have exactly name, value and meaning")
        self.default = raw.get("default", "0")
        require(self.default == "0" or
                (self.constant is not None and self.default == self.constant["name"]),
                f"{where}.default", "must be \"0\" or the field's constant")

    @staticmethod
    def _width(bits, widths, where):
        if isinstance(bits, int) and not isinstance(bits, bool):
            return bits, bits
        require(bits in widths, where, "must be a number of bits or one of widths: " +
                ", ".join(sorted(widths)))
        return bits, widths[bits]["bits"]

    def member(self):
        """The field's name in its register struct."""
        strip = self.register["strip"]
        return self.name[len(strip):] if strip and self.name.startswith(strip) else self.name

    def cpp_type(self):
        for bits, name in ((8, "std::uint8_t"), (16, "std::uint16_t"), (32, "std::uint32_t")):
            if self.bits_value <= bits:
                return name
        return "std::uint64_t"

    def standards_text(self):
        return "all standards" if self.standards == "all" else ", ".join(self.standards)


def range_of(bits, package_prefix):
    """The packed range of a width: none for one bit, [N-1:0] or [Name-1:0]."""
    if bits == 1:
        return ""
    if isinstance(bits, int):
        return f"[{bits - 1}:0]"
    return f"[{package_prefix}{bits}-1:0]"


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    except json.JSONDecodeError as e:
        raise DeclarationError(f"line {e.lineno}: not JSON: {e.msg}")
    require(isinstance(raw, dict), "declaration", "must be an object")
    for key in ("standards", "widths", "top_widths", "enums", "registers", "sections"):
        require(key in raw, "declaration", f"missing key '{key}'")
    standards = raw["standards"]
    widths = raw["widths"]
    for name, width in widths.items():
        require(name.isidentifier() and isinstance(width, dict) and
                isinstance(width.get("bits"), int) and 1 <= width["bits"] <= 64 and
                isinstance(width.get("meaning"), str),
                f"widths.{name}", "must be {\"bits\": 1..64, \"meaning\": text}")
    require(isinstance(raw["enums"], list), "enums", "must be a list")
    enums = {}
    for i, raw_enum in enumerate(raw["enums"]):
        enum = Enum(raw_enum, f"enums[{i}]")
        require(enum.sv not in enums, f"enums[{i}]", f"'{enum.sv}' twice")
        enums[enum.sv] = enum
    # mc_pkg holds every enum's values, a C++ namespace its enums.
    owners = {}
    for e in enums.values():
        for name in [v["sv"] for v in e.values] + [f"{e.namespace}::{e.cpp}"]:
            require(name not in owners, f"enums ({e.sv})", f"'{name}' is also {owners.get(name)}'s")
            owners[name] = e.sv
    registers = {}
    for i, reg in enumerate(raw["registers"]):
        require(isinstance(reg, dict) and {"name", "type", "meaning"} <= set(reg) <=
                {"name", "type", "strip", "meaning"},
                f"registers[{i}]", "must have name, type and meaning, and may have strip")
        require(reg["name"] not in registers, f"registers[{i}]", f"'{reg['name']}' twice")
        reg.setdefault("strip", "")
        reg["fields"] = []
        registers[reg["name"]] = reg
    fields, names, ports, waves = [], set(), set(), {}
    for s, section in enumerate(raw["sections"]):
        where = f"sections[{s}]"
        require(isinstance(section, dict) and set(section) == {"title", "register", "fields"},
                where, "must have exactly title, register and fields")
        require(section["register"] in registers, f"{where}.register",
                "must name one of registers: " + ", ".join(registers))
        register = registers[section["register"]]
        section["parsed"] = []
        for f_index, raw_field in enumerate(section["fields"]):
            field = Field(raw_field, register, widths, raw["top_widths"], standards, enums,
                          f"{where}.fields[{f_index}]")
            require(field.name not in names, f"{where}.fields[{f_index}]",
                    f"field '{field.name}' is declared twice")
            require(field.port not in ports, f"{where}.fields[{f_index}]",
                    f"port '{field.port}' is declared twice")
            if field.wave is not None:
                require(field.wave not in waves, f"{where}.fields[{f_index}].wave",
                        f"position {field.wave} is also {waves.get(field.wave)}'s")
                waves[field.wave] = field.name
            names.add(field.name)
            ports.add(field.port)
            fields.append(field)
            register["fields"].append(field)
            section["parsed"].append(field)
    for reg in registers.values():
        require(reg["fields"], f"register {reg['name']}", "has no field")
        require(reg["type"] or len(reg["fields"]) == 1, f"register {reg['name']}",
                "a register of no struct type holds exactly one field")
    require(sorted(waves) == list(range(1, len(waves) + 1)), "wave",
            "positions must run 1.." + str(len(waves)) + " without gaps")
    return raw, list(enums.values()), list(registers.values()), fields


def banner(comment, source):
    return f"{comment} {GENERATED.format(source=source)}\n"


def sv_enums(enums, source):
    out = [banner("//", source), "// Included by rtl/mc_pkg.sv, inside the package.\n"]
    for e in enums:
        out.append(f"\n// {e.sv} ({e.namespace}::{e.cpp} in C++): {e.meaning}.\n")
        out.append(f"typedef enum logic [{e.bits - 1}:0] {{\n")
        width = max(len(v["sv"]) for v in e.values)
        for i, v in enumerate(e.values):
            comma = "," if i + 1 < len(e.values) else " "
            out.append(f"  {v['sv']:<{width}} = {e.bits}'d{v['value']}{comma}  // {v['meaning']}\n")
        out.append(f"}} {e.sv};\n")
    return "".join(out)


def sv_types(raw, registers, source):
    out = [banner("//", source), "// Included by rtl/mc_pkg.sv, inside the package.\n"]
    for name, width in raw["widths"].items():
        out.append(f"localparam int unsigned {name} = {width['bits']};  // {width['meaning']}\n")
    for reg in registers:
        if not reg["type"]:
            continue
        out.append(f"\n// {reg['meaning']}\ntypedef struct packed {{\n")
        for f in reg["fields"]:
            rng = range_of(f.bits, "")
            decl = f"  logic {rng + ' ' if rng else ''}{f.member()};"
            note = f"{f.enum}: " if f.enum else ""
            out.append(f"{decl:<30} // {note}{f.unit}: {f.meaning}\n")
        out.append(f"}} {reg['type']};\n")
    return "".join(out)


def sv_ports(raw, sections, source):
    out = [banner("//", source), "// Included by rtl/mc_top.sv in its port list.\n"]
    for section in sections:
        out.append(f"// {section['title']}\n")
        for f in section["parsed"]:
            if f.enum:
                kind = f"mc_pkg::{f.enum}"
            else:
                rng = range_of(f.port_bits, "" if f.port_bits in raw["top_widths"] else "mc_pkg::")
                kind = f"logic {rng}" if rng else "logic"
            decl = f"input  {kind} {f.port},"
            out.append(f"{decl:<44} // {f.unit}: {f.meaning}\n")
    return "".join(out)


def sv_register_value(f):
    """The port as its register field: a narrower port is zero-extended."""
    if f.port_bits == f.bits:
        return f.port
    width = f.bits if isinstance(f.bits, int) else f"mc_pkg::{f.bits}"
    return f"{{{{({width} - {f.port_bits}){{1'b0}}}}, {f.port}}}"


def sv_regs(registers, source):
    out = [banner("//", source),
           "// Included by rtl/mc_top.sv. Configuration is registered: one cycle after a change\n"
           "// it takes effect, and the logic behind it does not depend on the ports.\n"]
    for reg in registers:
        if reg["type"]:
            out.append(f"mc_pkg::{reg['type']} {reg['name']};\n")
        else:
            f = reg["fields"][0]
            rng = range_of(f.bits, "mc_pkg::")
            out.append(f"logic {rng + ' ' if rng else ''}{reg['name']};\n")
    out.append("always_ff @(posedge clk_i) begin\n")
    for reg in registers:
        values = [sv_register_value(f) for f in reg["fields"]]
        if reg["type"]:
            # In the order of the struct's fields.
            out.append(f"  {reg['name']} <= {{\n")
            out.append(",\n".join(f"    {v}" for v in values))
            out.append("\n  };\n")
        else:
            out.append(f"  {reg['name']} <= {values[0]};\n")
    out.append("end\n")
    return "".join(out)


def cpp_struct(raw, fields, source):
    out = [banner("//", source),
           "// Included by ctrl/controller_params.h: mc_top's cfg_*_i inputs, one member each.\n",
           "#pragma once\n\n#include <cstdint>\n\nnamespace mckit::ctrl {\n\n",
           "// mc_pkg's configuration widths, in bits.\nnamespace field_width {\n"]
    for name, width in raw["widths"].items():
        out.append(f"inline constexpr int {name} = {width['bits']};  // {width['meaning']}\n")
    out.append("}  // namespace field_width\n\nstruct ControllerParams {\n")
    for f in fields:
        if f.constant:
            c = f.constant
            out.append(f"  // {c['meaning']}\n")
            out.append(f"  static constexpr {f.cpp_type()} {c['name']} = {c['value']};\n")
        out.append(f"  // {f.unit}, {f.standards_text()}: {f.meaning}\n")
        out.append(f"  {f.cpp_type()} {f.name} = {f.default};\n")
    out.append("};\n\n}  // namespace mckit::ctrl\n")
    return "".join(out)


def cpp_enums(enums, namespace, source):
    ours = [e for e in enums if e.namespace == namespace]
    named = any(e.names for e in ours)
    out = [banner("//", source),
           f"// mc_pkg's encodings as mckit::{namespace} has them: "
           f"{', '.join(e.cpp for e in ours)}.\n",
           "#pragma once\n\n",
           "#include <array>\n" if named else "",
           "#include <cstdint>\n",
           "#include <string_view>\n" if named else "",
           f"\nnamespace mckit::{namespace} {{\n"]
    for e in ours:
        out.append(f"\n// {e.cpp} (mc_pkg::{e.sv} in the RTL): {e.meaning}.\n")
        out.append(f"enum class {e.cpp} : {e.cpp_type()} {{\n")
        items = [f"{v['cpp']} = {v['value']}," for v in e.values]
        width = max(len(item) for item in items)
        for item, v in zip(items, e.values):
            out.append(f"  {item:<{width}}  // {v['meaning']}\n")
        out.append("};\n")
        if e.names:
            out.append(f"// The names of {e.cpp}'s values, {e.names}; indexed by value.\n")
            out.append(f"inline constexpr std::array<std::string_view, {len(e.values)}> "
                       f"k{e.cpp}Names = {{\n")
            out.append("".join(f"    \"{v['name']}\",\n" for v in e.values))
            out.append("};\n")
    out.append(f"\n}}  // namespace mckit::{namespace}\n")
    return "".join(out)


def cpp_top(fields, source):
    out = [banner("//", source),
           "// mc_top's configuration ports as a Verilated Vmc_top has them.\n",
           "#pragma once\n\n#include \"Vmc_top.h\"\n"
           "#include \"ctrl/controller_params.h\"\n\nnamespace mckit::sim {\n\n",
           "// Every cfg_*_i port of the model from its ControllerParams member.\n",
           "inline void assign_cfg_ports(Vmc_top& t, const ctrl::ControllerParams& cfg) {\n"]
    for f in fields:
        out.append(f"  t.{f.port} = cfg.{f.name};\n")
    out.append("}\n\n}  // namespace mckit::sim\n")
    return "".join(out)


def cpp_waves(fields, source):
    waves = sorted((f for f in fields if f.wave is not None), key=lambda f: f.wave)
    out = [banner("//", source),
           "#pragma once\n\n#include <array>\n\nnamespace mckit::sim {\n\n",
           "// The cfg_*_i ports the waves' Configuration group shows, in its order.\n",
           f"inline constexpr std::array<const char*, {len(waves)}> kCfgWavePorts = {{\n"]
    out.append("".join(f"    \"{f.port}\",\n" for f in waves))
    out.append("};\n\n}  // namespace mckit::sim\n")
    return "".join(out)


def indented(text):
    """SystemVerilog text at the depth of the package or module body that includes it."""
    return "".join("  " + line if line.strip() else line for line in text.splitlines(True))


def write_if_changed(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv):
    if len(argv) != 3:
        print("usage: generate_fields.py DECLARATION OUTPUT_DIR", file=sys.stderr)
        return 2
    declaration, out_dir = argv[1], argv[2]
    source = "models/ctrl/" + os.path.basename(declaration)
    try:
        raw, enums, registers, fields = load(declaration)
    except (DeclarationError, OSError) as e:
        print(f"generate_fields: {declaration}: {e}", file=sys.stderr)
        return 1
    outputs = {
        "sv/mc_enum_types.svh": indented(sv_enums(enums, source)),
        "sv/mc_cfg_types.svh": indented(sv_types(raw, registers, source)),
        "sv/mc_top_cfg_ports.svh": indented(sv_ports(raw, raw["sections"], source)),
        "sv/mc_top_cfg_regs.svh": indented(sv_regs(registers, source)),
        "ctrl/controller_params_struct.h": cpp_struct(raw, fields, source),
        "rtl/mc_top_cfg.h": cpp_top(fields, source),
        "rtl/mc_top_cfg_waves.h": cpp_waves(fields, source),
    }
    for namespace in sorted({e.namespace for e in enums}):
        outputs[f"{namespace}/encodings.h"] = cpp_enums(enums, namespace, source)
    for name, text in outputs.items():
        write_if_changed(os.path.join(out_dir, name), text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
