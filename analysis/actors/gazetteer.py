"""The gazetteer: actor entries compiled into a token trie; text -> `Mention`s, and lookups of a name's
canonical form, entry, parent, root, label (the rules in the package's docstring)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .extensions import extend
from .guards import names_actor, outside_urls
from .lexicon import base_entries, merge_extra, title_words
from .mention import GOVERNABLE, STATE_KINDS, Mention
from .surfaces import (ACRO, ADJ, ANY, BARE, CAP, CAPS_RISK, EXACT, FOLD, NAME_RISK, PLACE, SURFACE_FIELDS, THE_BEFORE,
                       VIA_OF_FIELD, Surface, fold, read_word, starts_pattern, surface, variants)



_NAME_GOES_ON = re.compile(r"\s+(?:to|for|on|of)\s+(?:the\s+)?[A-Z][a-z]")

class Gazetteer:
    """The actor lexicon, compiled once into a token trie; lookups by any surface form."""

    def __init__(self, entries: Iterable[dict]):
        self._memo: dict[tuple, tuple[Mention, ...]] = {}
        self._scans: dict[str, tuple[tuple, ...]] = {}
        self._canon: dict[str, str | None] = {}
        self._entries: dict[str, dict] = {}
        for e in entries:
            self._entries[e["name"]] = e
        self._trie: dict[str, list[Surface]] = {}
        self._lookup: dict[str, str] = {}
        self._folded: dict[str, str | None] = {}
        self._adjectives: dict[str, str] = {}
        self._acronyms: set[str] = set()
        self._root: dict[str, str] = {}
        surfaces: dict[tuple, Surface] = {}
        contexts: dict[tuple, list[str]] = {}

        def add(s: Surface | None) -> None:
            if s is None:
                return
            sig = (s.keys, s.checks, s.raws, s.joins)
            old = surfaces.get(sig)
            if old is not None and old.name is not None and (s.name is None or s.name == old.name):
                return  # a name is never shadowed by an exclusion; an entry's first claim stands
            surfaces[sig] = s  # otherwise the later claim wins: report.toml additions come last

        for e in self._entries.values():
            name = e["name"]
            parent_surfaces = self._parent_surfaces(e)
            for field in SURFACE_FIELDS:
                values = [name] if field == "name" else e.get(field, [])
                for text in values:
                    via = "organ" if e["kind"] == "organ" else VIA_OF_FIELD[field]
                    flags = 0
                    if text in e.get("name_risk", ()):
                        flags |= NAME_RISK
                    if text in e.get("caps_risk", ()):
                        flags |= CAPS_RISK
                    if field in ("capitals", "metonyms"):
                        flags |= PLACE
                    if field in ("adjectives", "demonyms"):
                        flags |= ADJ
                    if e["kind"] == "organ" and not any(p in text for p in parent_surfaces):
                        flags |= BARE
                    acronym = field == "acronyms"
                    if acronym:
                        flags |= ACRO
                    add(surface(text, name, via, acronym=acronym, flags=flags))
                    if "-" in text and not acronym:
                        # "Secretary-General" also as "Secretary General", "UN-Habitat" as "UN Habitat"
                        add(surface(re.sub(r"(?<=\w)-(?=\w)", " ", text), name, via, flags=flags))
                    key = self._norm(text)
                    self._lookup.setdefault(key, name)
                    fk = key.casefold()
                    if acronym:
                        self._acronyms.add(text)  # exact case only: "who" is not the WHO
                    elif fk in self._folded and self._folded[fk] != name:
                        self._folded[fk] = None   # ambiguous without its capitals
                    else:
                        self._folded[fk] = name
                    if field in ("adjectives", "demonyms"):
                        self._adjectives.setdefault(fk, name)
            for text in e.get("context_aliases", ()):
                s = surface(text, None, "context", cands=(name,),
                             flags=BARE if e["kind"] == "organ" else 0)
                if s is not None:
                    contexts.setdefault((s.keys, s.checks, s.raws, s.joins, s.article), []).append(name)
            for text in e.get("exclusions", ()):
                add(surface(text, None, "exclusion"))
        for (keys, checks, raws, joins, article), names in contexts.items():
            sig = (keys, checks, raws, joins)
            if sig in surfaces and surfaces[sig].name is not None:
                continue  # a strong surface is never demoted to a context alias
            surfaces[sig] = Surface(keys, checks, raws, joins, None, "context", tuple(names), article, BARE)
        for s in surfaces.values():
            self._trie.setdefault(s.keys[0], []).append(s)
        for lst in self._trie.values():
            lst.sort(key=lambda s: (-len(s.keys), bool(s.cands), -sum(s.checks)))  # exact case first
        # Words that open many surfaces ("United" opens hundreds, "Republic of" a hundred) also
        # get them by the next word, in the same order: a surface longer than the words read so
        # far can only match where its next word follows, so _scan tries just those.
        self._narrow: dict[tuple[str, ...], tuple[dict[str, list[Surface]], list[Surface]]] = {}

        def narrow(prefix: tuple[str, ...], lst: list[Surface]) -> None:
            d = len(prefix)
            following = {s.keys[d] for s in lst if len(s.keys) > d}
            if len(lst) <= 8 or not following:
                return
            by_next = {w: [s for s in lst if len(s.keys) <= d or s.keys[d] == w] for w in following}
            self._narrow[prefix] = (by_next, [s for s in lst if len(s.keys) <= d])
            for w, sub in by_next.items():
                narrow(prefix + (w,), sub)

        for key, lst in self._trie.items():
            narrow((key,), lst)
        for name in self._entries:
            self._root[name] = self._find_root(name)
        # Words that can open a surface: a capital first letter from the lexicon, or one of
        # its few lower-case (or digit) first words.
        caps = sorted({s.raws[0][0] for lst in self._trie.values() for s in lst if s.checks[0] != ANY})
        lower = sorted({k for k, lst in self._trie.items() if any(s.checks[0] == ANY for s in lst)})
        self._starts = starts_pattern(caps, sorted(lower, key=len, reverse=True))
        self._title_words = title_words()

    # ------------------------------------------------------------------ construction
    @classmethod
    def default(cls, extra: Iterable[tuple[str, tuple[str, ...], str]] = ()) -> "Gazetteer":
        """The shipped gazetteer plus report.toml additions ``(name, aliases, kind)``; cached."""
        key = tuple((str(n), tuple(a), str(k)) for n, a, k in extra)
        return _default(key)

    def _parent_surfaces(self, e: dict) -> list[str]:
        p = self._entries.get(e.get("parent") or "")
        if p is None:
            return []
        out = [p["name"]] + list(p.get("aliases", ())) + list(p.get("acronyms", ()))
        return [s for s in out if s]

    def _find_root(self, name: str) -> str:
        seen = set()
        while name in self._entries and self._entries[name].get("parent") and name not in seen:
            seen.add(name)
            name = self._entries[name]["parent"]
        return name

    @staticmethod
    def _norm(s: str) -> str:
        return " ".join(s.translate(FOLD).split())

    # ------------------------------------------------------------------ lookups
    def canonical(self, name: str) -> str | None:
        """Any name, alias, acronym, adjective, demonym, capital or metonym -> canonical name;
        a whole phrase such as "the Government of Serbia" resolves when it names one actor."""
        if not name:
            return None
        # asked again and again about the same words (every word of every candidate person's
        # name): remember the answers, which depend on nothing but the name
        try:
            return self._canon[name]
        except KeyError:
            pass
        if len(self._canon) > 50000:
            self._canon.clear()
        found = self._canon[name] = self._canonical(name)
        return found

    def _canonical(self, name: str) -> str | None:
        key = self._norm(name)
        for k in variants(key):
            if k in self._lookup:
                return self._lookup[k]
            hit = self._folded.get(k.casefold())
            if hit:
                return hit
        found = self.find(key)
        if len(found) == 1:
            m = found[0]
            rest = (key[:m.start] + key[m.end:]).strip(" .,'s")
            if not rest or rest.lower() in ("the", "'s"):
                return m.name
        return None

    def entry(self, name: str) -> dict:
        """The entry (kind, parent, speaks_for_parent, aliases...) for any name; {} when unknown."""
        canon = name if name in self._entries else self.canonical(name)
        e = self._entries.get(canon or "")
        return dict(e) if e else {}

    def parent_of(self, name: str) -> str | None:
        return self.entry(name).get("parent")

    def is_state(self, name: str) -> bool:
        """True for UN members, observers, other states, de facto states and historical states."""
        return self.entry(name).get("kind") in STATE_KINDS

    def adjective_state(self, word: str) -> str | None:
        """"Swedish" -> "Sweden", "Russians" -> "Russia"; None when the word is not a state's."""
        key = re.sub(r"'s$", "", self._norm(word)).casefold()
        name = self._adjectives.get(key)
        return name if name and self._entries[name]["kind"] in GOVERNABLE else None

    def speaks_for(self, name: str) -> str | None:
        """The actor on whose behalf an entry speaks: an organ with speaks_for_parent gives
        its parent (recursively: the UN spokesperson -> the Secretary-General -> the UN)."""
        canon = name if name in self._entries else self.canonical(name)
        seen = set()
        while canon in self._entries and canon not in seen:
            seen.add(canon)
            e = self._entries[canon]
            if e["kind"] == "organ" and e.get("speaks_for_parent") and e.get("parent"):
                canon = e["parent"]
            else:
                break
        return canon

    def root_of(self, name: str) -> str | None:
        """The top of an entry's parent chain (an organ's organisation)."""
        canon = name if name in self._entries else self.canonical(name)
        return self._root.get(canon or "")

    def label(self, name: str) -> str:
        """Canonical name with its first acronym: "United Nations Office on Drugs and Crime (UNODC)"."""
        e = self._entries.get(name) or self._entries.get(self.canonical(name) or "")
        if not e:
            return name
        acr = [a for a in e.get("acronyms", ()) if a != e["name"] and "." not in a]
        return f"{e['name']} ({acr[0]})" if acr and e["kind"] not in STATE_KINDS else e["name"]

    def names(self, kind: str | None = None) -> list[str]:
        return [n for n, e in self._entries.items() if kind is None or e["kind"] == kind]

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.entry(name))

    # ------------------------------------------------------------------ matching
    def find(self, text: str, context: Iterable[str] = ()) -> list[Mention]:
        """Actor mentions in `text`, non-overlapping, in order. `context` lists canonical
        names known from the rest of the document; it helps resolve "the Council"."""
        if not text:
            return []
        # the analyses ask about the same sentence many times: remember recent answers
        key = (text, tuple(context))
        cached = self._memo.get(key)
        if cached is None:
            if len(self._memo) > 20000:
                self._memo.clear()
            cached = self._memo[key] = tuple(self._find(text, key[1]))
        return list(cached)

    def _find(self, text: str, context: tuple[str, ...]) -> list[Mention]:
        tn = fold(text)
        hits = [list(h) for h in self._scanned(tn)]  # fresh lists: the steps below change them in place
        hits = self._resolve_context(hits, list(context), tn)
        hits = self._merge_bare_organs(tn, hits)
        hits = extend(tn, hits, self._entries)
        return [Mention(s, e, text[s:e], name, self._entries[name]["kind"], via) for s, e, name, via, _ in hits]

    def _scanned(self, tn: str) -> tuple[tuple, ...]:
        """outside_urls(tn, _scan(tn)), which depends on the folded text alone: remembered by it, as
        a sentence is asked about again with another document context (a third of find's misses)."""
        found = self._scans.get(tn)
        if found is None:
            if len(self._scans) > 20000:
                self._scans.clear()
            found = self._scans[tn] = tuple(map(tuple, outside_urls(tn, self._scan(tn))))
        return found

    def _scan(self, tn: str) -> list[list]:
        """Longest surface at each candidate word; guards applied. Items: [start, end, name, via, surface].

        Only words that can open a surface are visited (a capital letter from the lexicon's first
        letters, or one of its few lower-case first words); the words after them are tokenised
        lazily, so the cost follows the number of capitalised words, not the text length."""
        trie, narrow = self._trie, self._narrow
        out: list[list] = []
        floor = 0
        for cm in self._starts.finditer(tn):
            p = cm.start()
            if p < floor:
                continue
            raw0 = cm.group()
            key0 = raw0.lower()
            cands = trie.get(key0)
            if not cands:
                continue
            # the words read from p (read_word): as written, in lower case, where they end and
            # how each joins the one before
            raws, lows, ends, gaps = [raw0], [key0], [cm.end()], [None]
            prefix = (key0,)
            while prefix in narrow:  # narrow the candidates by the next word (read as the loop below would)
                by_next, shorter = narrow[prefix]
                if not read_word(tn, raws, lows, ends, gaps):
                    cands = shorter
                    break
                word = lows[-1]
                if word not in by_next:
                    cands = shorter
                    break
                cands = by_next[word]
                prefix += (word,)
            matched = None
            n = len(lows)
            for s in cands:
                keys, joins, checks = s.keys, s.joins, s.checks
                ok = True
                for j in range(len(keys)):
                    if j >= n:
                        if not read_word(tn, raws, lows, ends, gaps):
                            ok = False
                            break
                        n += 1
                    if j and (lows[j] != keys[j] or gaps[j] != joins[j - 1]):
                        ok = False
                        break
                    c = checks[j]
                    if c and ((c == CAP and not raws[j][0].isupper()) or (c == EXACT and raws[j] != s.raws[j])):
                        ok = False
                        break
                if not ok:
                    continue
                if s.article and not THE_BEFORE.search(tn, max(0, p - 12), p):
                    continue
                matched = s
                break
            if matched is None:
                continue
            end = ends[len(matched.keys) - 1]
            floor = end
            if (matched.name is not None or matched.cands) and names_actor(tn, p, end, matched, self._title_words, self._acronyms):
                out.append([p, end, matched.name, matched.via, matched])
        return out

    # ------------------------------------------------------------------ context aliases
    def _resolve_context(self, hits: list[list], context: list[str], tn: str = "") -> list[list]:
        if not any(h[4].cands for h in hits):
            return hits
        counts: dict[str, int] = {}
        for name in context:
            canon = name if name in self._entries else self.canonical(name)
            if canon:
                root = self._root.get(canon, canon)
                counts[root] = counts.get(root, 0) + 1
        for h in hits:
            if h[2] is not None:
                root = self._root.get(h[2], h[2])
                counts[root] = counts.get(root, 0) + 1
        known_before = {self.canonical(c) or c for c in context}
        last_seen: dict[str, int] = {}
        out = []
        for h in hits:
            if h[2] is not None:
                last_seen[h[2]] = h[0]
                out.append(h)
                continue
            cands = h[4].cands
            best = None
            if _NAME_GOES_ON.match(tn, h[1]):
                # "the Committee to Protect Reporters", "the Council on Foreign Affairs": the word opens
                # a longer name of its own, not the organ the document is about
                out.append([h[0], h[1], None, "context", h[4]])
                continue
            recent = [(last_seen[c], c) for c in cands if c in last_seen]
            if recent:
                best = max(recent)[1]
            else:
                early = [c for c in cands if c in known_before]
                if len(early) == 1:
                    best = early[0]
                else:
                    scored = sorted(((counts.get(self._root.get(c, c), 0), c) for c in cands), reverse=True)
                    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
                        best = scored[0][1]
            if best is not None:
                h = [h[0], h[1], best, "context", h[4]]
                out.append(h)
            elif len(cands) >= 1:
                out.append([h[0], h[1], None, "context", h[4]])  # kept for bare-organ merging only
        return out

    # ------------------------------------------------------------------ organ merging
    def _merge_bare_organs(self, tn: str, hits: list[list]) -> list[list]:
        out: list[list] = []
        for h in hits:
            prev = out[-1] if out else None
            if prev is not None and prev[2] is not None and h[4].flags & BARE and h[4].article is False \
                    and re.fullmatch(r"(?:'s)?[ \t]+", tn[prev[1]:h[0]]):
                pkind = self._entries[prev[2]]["kind"]
                ancestors = self._ancestors(h[2]) if h[2] else set()
                if prev[2] in ancestors:
                    out[-1] = [prev[0], h[1], h[2], "organ", h[4]]
                    continue
                if pkind in GOVERNABLE:
                    out[-1] = [prev[0], h[1], prev[2], "government", prev[4]]
                    continue
                if pkind == "organisation":
                    out[-1] = [prev[0], h[1], prev[2], "organ", prev[4]]
                    continue
            out.append(h)
        return [h for h in out if h[2] is not None]

    def _ancestors(self, name: str) -> set[str]:
        out: set[str] = set()
        while name in self._entries and self._entries[name].get("parent"):
            name = self._entries[name]["parent"]
            if name in out:
                break
            out.add(name)
        return out

@lru_cache(maxsize=8)
def _default(extra: tuple[tuple[str, tuple[str, ...], str], ...]) -> Gazetteer:
    entries = [dict(e) for e in base_entries()]
    if extra:
        entries = merge_extra(entries, extra)
    return Gazetteer(entries)


__all__ = ["Gazetteer"]
