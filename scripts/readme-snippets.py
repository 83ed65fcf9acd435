#!/usr/bin/env python3
"""Compiles every C or C++ block of a binding's README (issue 17: snippets rot).

Usage: readme-snippets.py c|cpp README.md INCLUDE_DIR

Each block becomes the body of a function whose parameters are the names the
README leaves to the reader (app_id, appCertificate, expireTs, ...); its
#include and `using namespace` lines are hoisted to the top. The unit is
compiled with -Wall -Wextra -Werror, unused variables aside (a snippet shows
calls, not a program). Any error prints the unit as compiled and exits 1.
"""
import re
import subprocess
import sys

LANG = {
    "c": {
        "fence": "c",
        "cmd": ["cc", "-x", "c", "-std=c99", "-D_POSIX_C_SOURCE=200809L"],
        "head": "#include <stdint.h>\n#include <stdio.h>\n#include <time.h>\n",
        "params": "const char *app_id, const char *app_certificate, uint32_t expire_ts",
    },
    "cpp": {
        "fence": "c++",
        "cmd": ["c++", "-x", "c++", "-std=c++17"],
        "head": "#include <cstdint>\n#include <iostream>\n#include <optional>\n#include <string>\n",
        "params": "const std::string& appId, const std::string& appCertificate, uint32_t expireTs, "
        "uint32_t newExpireTs, int64_t now",
    },
}


def main() -> int:
    lang, readme, include = sys.argv[1:4]
    conf = LANG[lang]
    text = open(readme, encoding="utf-8").read()
    blocks = re.findall(r"^```" + re.escape(conf["fence"]) + r"\n(.*?)^```", text, re.S | re.M)
    if not blocks:
        print(f"readme-snippets: no {conf['fence']} block in {readme}", file=sys.stderr)
        return 1
    hoisted, funcs = [], []
    for i, block in enumerate(blocks):
        body = []
        for line in block.splitlines():
            if line.startswith("#include") or line.startswith("using namespace"):
                if line not in hoisted:
                    hoisted.append(line)
            else:
                body.append(line)
        funcs.append(f"void readme_snippet_{i}({conf['params']});\n"
                     f"void readme_snippet_{i}({conf['params']}) {{\n" + "\n".join(body) + "\n}\n")
    unit = conf["head"] + "\n".join(hoisted) + "\n\n" + "\n".join(funcs)
    cmd = conf["cmd"] + ["-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-Wno-unused-variable",
                         "-Wno-unused-but-set-variable", "-Wno-unused-parameter", "-I" + include, "-"]
    done = subprocess.run(cmd, input=unit, text=True, capture_output=True)
    if done.returncode != 0:
        numbered = "\n".join(f"{n + 1:4} {line}" for n, line in enumerate(unit.splitlines()))
        print(f"readme-snippets: the {conf['fence']} blocks of {readme} do not compile:\n{done.stderr}\n"
              f"as compiled:\n{numbered}", file=sys.stderr)
        return 1
    print(f"readme-snippets: {len(blocks)} {conf['fence']} block(s) of {readme} compile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
