"""Rule 7 of the package's docstring: a state's mention widened to "<Adjective> government",
"Government of <State>", "the Russian Ministry of Foreign Affairs" (via government or ministry), an
organisation's to "IAEA Director General", "Executive Director of <Organisation>" (via organ)."""
from __future__ import annotations

import re
from typing import Mapping

from .mention import GOVERNABLE

_ROLE = (r"(?:(?:Deputy|Assistant|Under)[ -])?(?:Secretary[- ]General|Director[- ]General|Executive Director"
         r"|Managing Director|Executive Secretary|Secretariat|President|Chairman|Chairwoman|Chairperson"
         r"|Chair|Chief|chief|Head|head|[Ss]pokes(?:person|man|woman)|High Commissioner|Commissioner"
         r"|Special Representative|Special Envoy|[Ee]nvoy|Prosecutor|Registrar|Coordinator)(?![\w-])")
_ROLE_AFTER = re.compile(r"(?:'s)?[ \t]+" + _ROLE)
_ROLE_BEFORE = re.compile(_ROLE + r"[ \t]+(?:of|for|at|to)[ \t]+(?:the[ \t]+)?\Z")

_MINISTRY_FIELD = r"(?:Foreign|External|Defen[cs]e|Interior|Internal|Justice|Finance|Economy|Trade|Home|State)"
_GOV_AFTER = re.compile(
    r"(?:'s)?[ \t]+(?:"
    r"(?P<ministry>(?:" + _MINISTRY_FIELD + r"(?:[ \t]+Affairs)?[ \t]+)?(?:Ministry|ministry|Ministries|ministries)"
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?" + _MINISTRY_FIELD + r"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'-]*){0,4})?"
    r"|MFA|MoFA|Foreign[ \t]+Office|Embassy|embassy|Permanent[ \t]+Mission|[Mm]ission|[Dd]elegation"
    r"|Consulate(?:-General)?|consulate)"
    r"|(?P<government>(?:Federal[ \t]+|Central[ \t]+|Transitional[ \t]+|Interim[ \t]+)?(?:Government|government|"
    r"Governments|governments|[Aa]uthorities|[Aa]dministration|[Cc]abinet|leadership|Presidency|presidency|side)))"
    r"(?![\w-])")
_GOV_BEFORE = re.compile(
    r"(?:(?:Federal|Royal|National|Transitional|Interim|Provisional|Central)[ \t]+)?"
    r"(?:(?P<government>Government|government|[Aa]uthorities|Presidency|presidency)"
    r"|(?P<ministry>Foreign[ \t]+Ministry|Ministry(?:[ \t]+of(?:,?[ \t]+(?:[A-Z][\w'-]*|and|for|the)){1,9})?"
    r"|Embassy|embassy|Permanent[ \t]+Mission|Mission|Delegation|delegation|Consulate(?:-General)?))"
    r"(?:,?[ \t]+(?:of|in|to))?(?:[ \t]+the)?[ \t]+\Z")
_GOV_WORDS = ("overnment", "uthorities", "residency", "Ministry", "mbassy", "Mission", "elegation", "Consulate")
"""One of these is in every match of _GOV_BEFORE: the words before a hit that hold none skip its search."""
_ROLE_BEFORE_ENDS = ("of", "for", "at", "to", "the")
"""Every match of _ROLE_BEFORE ends with one of these words and spaces: the words before a hit that
do not skip its search."""


def extend(tn: str, hits: list[list], entries: Mapping[str, dict]) -> list[list]:
    """`hits` ([start, end, name, via, surface], changed in place) widened over the government,
    ministry or organ words around them; `entries` the gazetteer's entries by name."""
    for idx, h in enumerate(hits):
        kind = entries[h[2]]["kind"]
        if h[3] in ("demonym", "context"):
            continue
        lo = hits[idx - 1][1] if idx else 0
        hi = hits[idx + 1][0] if idx + 1 < len(hits) else len(tn)
        if kind in GOVERNABLE and h[3] != "organ":
            m = _GOV_AFTER.match(tn, h[1])
            if m and m.end() <= hi:
                h[1], h[3] = m.end(), ("ministry" if m.group("ministry") else "government")
                continue
            left = tn[max(lo, h[0] - 160):h[0]]
            m = _GOV_BEFORE.search(left) if any(map(left.__contains__, _GOV_WORDS)) else None
            if m:
                start = h[0] - len(left) + m.start()
                if not (idx and re.fullmatch(r"[ \t]*", tn[lo:start])):
                    h[0], h[3] = start, ("ministry" if m.group("ministry") else "government")
        elif kind == "organisation" and h[3] != "organ":
            m = _ROLE_AFTER.match(tn, h[1])
            if m and m.end() <= hi:
                h[1], h[3] = m.end(), "organ"
                continue
            left = tn[max(lo, h[0] - 80):h[0]]
            m = _ROLE_BEFORE.search(left) if left.rstrip(" \t").endswith(_ROLE_BEFORE_ENDS) else None
            if m:
                start = h[0] - len(left) + m.start()
                if not (idx and re.fullmatch(r"[ \t]*", tn[lo:start])):
                    h[0], h[3] = start, "organ"
    return hits


__all__ = ["extend"]
