import json, re, sys
CUE = {
 "roughly 11,200 units": "According to", "who sponsored the measure": "said", "People are not asking": "said",
 "argued that it would discourage": "argued", "He said developers": "said", "said in a statement that the mayor": "said",
 "Several tenants described": "described", "My rent went up": "said", "Landlords at the meeting": "said",
 "told the council that smaller": "told", "1,400 written": "show", "estimated that enforcement": "estimated",
 "broke off on Tuesday": "said", "rejected every technical": "said", "the delegation had walked": "reported",
 "the gap on drought": "said", "Everyone knows": "said", "his country would begin": "told", "This dam is built": "said",
 "the bloc was considering": "said", "Egypt depends": "according to", "Analysts said": "said",
 "Prosecutors allege": "allege", "14,000 claims": "According to", "Two former therapists": "testified",
 "One of them said Alcott": "said", "This was not a paperwork": "told", "said in an email that his": "said",
 "He argued at trial": "argued", "Ms. Alcott trusted": "wrote", "recovered about $800,000": "said",
 "declined to say whether": "declined", "sentencing is scheduled": "According to",
 "it would lay off": "said", "The company said the cuts": "said", "grown faster than": "wrote",
 "We have built tools": "said", "managers had been told": "said", "One of them said morale": "said",
 "Ledgerly declined": "declined", "a third of customer": "estimated", "Some analysts are": "are skeptical",
 "The savings show up": "said",
}
norm = lambda s: re.sub(r"\s+", " ", s).strip().lower()
tot = {"lines": 0, "found": 0, "src": 0, "src_ok": 0, "cue": 0, "cue_ok": 0}
for slug in sys.argv[1:]:
    txt = open(f"tests/nlp/data/devset3/{slug}.txt").read()
    claims = [json.loads(l) for l in open(f"/tmp/ext_{slug}.jsonl")]
    print("===", slug)
    for g in map(json.loads, open(f"tests/nlp/data/devset3/{slug}.gold.jsonl")):
        a0 = txt.index(g["anchor"]); a1 = a0 + len(g["anchor"])
        best = None; bo = -1
        for c in claims:
            spans = [(c["start"], c["end"])] + [(c[k]["start"], c[k]["end"]) for k in ("source", "cue") if c.get(k)]
            lo = min(s for s, e in spans); hi = max(e for s, e in spans)
            if lo <= a0 and a1 <= hi:
                ov = max(0, min(a1, c["end"]) - max(a0, c["start"]))
                if ov > bo: best, bo = c, ov
        tot["lines"] += 1
        if best is None: print("NOT FOUND", g["anchor"]); continue
        tot["found"] += 1
        if g["source"] is None: continue
        tot["src"] += 1
        # gold source span: occurrence nearest the anchor
        pat = re.compile(r"\b" + r"\s+".join(map(re.escape, g["source"].split())) + r"\b")
        occ = [(m.start(), m.end()) for m in pat.finditer(txt)]
        ins = [o for o in occ if best["start"] <= o[0] < best["end"] or (best.get("source") and best["source"]["start"] <= o[0] < best["source"]["end"])]
        gs = ins[0] if ins else min(occ, key=lambda o: abs(o[0] - a0))
        ps = best.get("source")
        ok = bool(ps) and ps["start"] < gs[1] and gs[0] < ps["end"]
        tot["src_ok"] += ok
        key = [k for k in CUE if k in g["anchor"] or g["anchor"] in k or k in txt[a0-80:a1+80] and False]
        key = [k for k in CUE if k in g["anchor"]] or [k for k in CUE if k in txt[max(0,a0-60):a1+60]]
        exp = CUE[key[0]] if key else None
        pc = best.get("cue")
        cok = bool(pc) and exp is not None and (norm(exp) in norm(pc["text"]) or norm(pc["text"]) in norm(exp))
        tot["cue"] += 1; tot["cue_ok"] += cok
        if not ok or not cok:
            print(f"  {g['anchor'][:45]!r}: gold src={g['source']!r} cue={exp!r} | pred src={ps and ps['text']!r} cue={pc and pc['text']!r} type={best['source_type']}")
print(tot)
