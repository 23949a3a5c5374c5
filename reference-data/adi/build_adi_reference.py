#!/usr/bin/env python3
"""Builds reference-data/adi/adi_arfd.csv and analyte_synonyms.csv from the repository's data copies.

Inputs (read-only), DATA = the repository's data/ folder (gzipped copies of the shared data, see their
PROVENANCE.md), or SHARED/data when a shared folder is given as the argument (plain CSVs):
  DATA/efsa-openfoodtox-adi/oft_reference_values.csv[.gz]
  DATA/efsa-openfoodtox-adi/oft_substance_characterisation.csv[.gz]
  DATA/uk-prif-residues/prif_brand_name_annex_rows.csv[.gz]
Run from the repository root:  python3 reference-data/adi/build_adi_reference.py [SHARED]
The selection and matching rules are described in PROVENANCE.md next to this script; keep both in step.
"""
import collections
import csv
import gzip
import os
import re
import sys

OUT = os.path.dirname(os.path.abspath(__file__))
DATA = (os.path.join(sys.argv[1], "data") if len(sys.argv) > 1
        else os.path.join(OUT, "..", "..", "data"))
OFT = os.path.join(DATA, "efsa-openfoodtox-adi")
PRIF = os.path.join(DATA, "uk-prif-residues", "prif_brand_name_annex_rows.csv")


def open_input(path):
    """Opens PATH as UTF-8 text, or PATH.gz (the repository's copies) when PATH does not exist."""
    if not os.path.exists(path) and os.path.exists(path + ".gz"):
        return gzip.open(path + ".gz", "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


# Panels whose reference values concern pesticide / veterinary-drug / contaminant residues.
# EFSA ANS, FAF, AFC, CEF, NDA (food additives, flavourings, contact materials, nutrients) are left out.
KEPT_AUTHORS = {"EFSA", "EFSA PPR", "EFSA FEEDAP", "EFSA CONTAM"}
# unit -> factor to mg/kg bw (per day for ADI). "mg/kg bw" without "/day" is OpenFoodTox quirk 2.
UNIT_FACTOR = {"mg/kg bw/day": 1.0, "mg/kg bw": 1.0, "µg/kg bw/day": 0.001, "µg/kg bw": 0.001}
KINDS = {"ADI": "ADI", "ADI (group)": "ADI", "ARfD": "ARfD", "ARfD (group)": "ARfD"}

stats = collections.Counter()
cand = collections.defaultdict(list)  # (substance, kind) -> [(year, value_mg, assessment, author, outputid)]
with open_input(os.path.join(OFT, "oft_reference_values.csv")) as f:
    for r in csv.DictReader(f):
        kind = KINDS.get(r["Assessment"])
        if kind is None:
            continue
        stats["rows_adi_arfd"] += 1
        if r["Author"] not in KEPT_AUTHORS:
            stats["dropped_author_panel"] += 1
            continue
        if not r["Population"].startswith("Consumers"):
            stats["dropped_population"] += 1
            continue
        if r["qualfier"] != "=":
            stats["dropped_qualifier_not_equal"] += 1
            continue
        factor = UNIT_FACTOR.get(r["unit"])
        if factor is None:
            stats["dropped_unit_" + r["unit"]] += 1
            continue
        cand[(r["Substance"], kind)].append(
            (int(r["Year"]), float(r["value"]) * factor, r["Assessment"], r["Author"], r["OutputID"]))

def pick(rows):
    """Latest year; several values in that year -> the lowest (conservative)."""
    latest = max(y for y, *_ in rows)
    same = sorted((v, a, au, o) for y, v, a, au, o in rows if y == latest)
    return latest, same[0], len(same), len({v for v, *_ in same})

cas = {}
with open_input(os.path.join(OFT, "oft_substance_characterisation.csv")) as f:
    for r in csv.DictReader(f):
        if r["component_type"] in ("as such", "active ingredient") and r["CASNumber"]:
            cas.setdefault(r["Substance"], r["CASNumber"])

substances = sorted({s for s, _ in cand})
book = {}
for s in substances:
    row = {"substance": s, "cas": cas.get(s, "")}
    notes = []
    for kind in ("ADI", "ARfD"):
        if (s, kind) in cand:
            year, (v, a, au, o), n, distinct = pick(cand[(s, kind)])
            row[kind] = (v, a, au, o, year)
            if distinct > 1:
                notes.append(f"{kind}: {distinct} different values in {year}, lowest kept")
        else:
            row[kind] = None
    row["note"] = "; ".join(notes)
    book[s] = row

# Hand-entered rows (adi_supplement.csv) for substances absent from the OpenFoodTox extract; each row quotes its source.
SUPPLEMENT = os.path.join(OUT, "adi_supplement.csv")
supplement_rows = []
with open(SUPPLEMENT, encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["substance"] in book:
            raise SystemExit(f"supplement row {r['substance']} is already in OpenFoodTox: remove it from adi_supplement.csv")
        supplement_rows.append(r)
        book[r["substance"]] = {"substance": r["substance"], "cas": r["cas"],
                                "ADI": (float(r["adi_mg_per_kg_bw_per_day"]),) if r["adi_mg_per_kg_bw_per_day"] else None,
                                "ARfD": None, "note": r["note"]}
lower_supp = {r["substance"].lower(): r["substance"] for r in supplement_rows}

def fmt(v):
    return ("%.6g" % v)

with open(os.path.join(OUT, "adi_arfd.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["substance", "cas", "adi_mg_per_kg_bw_per_day", "adi_type", "adi_source", "adi_year",
                "arfd_mg_per_kg_bw", "arfd_type", "arfd_source", "arfd_year", "note"])
    for s in substances:
        r = book[s]
        a, d = r["ADI"], r["ARfD"]
        w.writerow([s, r["cas"],
                    fmt(a[0]) if a else "", a[1] if a else "", f"{a[2]} OpenFoodTox OutputID {a[3]}" if a else "", a[4] if a else "",
                    fmt(d[0]) if d else "", d[1] if d else "", f"{d[2]} OpenFoodTox OutputID {d[3]}" if d else "", d[4] if d else "",
                    r["note"]])
    for r in supplement_rows:
        w.writerow([r[c] for c in ["substance", "cas", "adi_mg_per_kg_bw_per_day", "adi_type", "adi_source", "adi_year",
                                   "arfd_mg_per_kg_bw", "arfd_type", "arfd_source", "arfd_year", "note"]])

# ---- analyte names in the UK PRiF brand-name annex ----
PAT = re.compile(r"^(.*?)\s+[<>]?(\d*\.?\d+)\*?\s*\(+\s*(MRL|No MRL)")
freq = collections.Counter()
unparsed = collections.Counter()
with open_input(PRIF) as f:
    for r in csv.DictReader(f):
        s = r["residues_found_mg_per_kg_mrl"].replace("\u00a0", " ").strip()
        if not s or s.startswith("None were detected"):
            continue
        m = PAT.match(s)
        if m:
            freq[re.sub(r"\s+", " ", m.group(1).strip().lower())] += 1
        else:
            unparsed[s] += 1

lower_names = {s.lower(): s for s in substances}
lower_names.update(lower_supp)
SUFFIX = re.compile(r"\s*(\((sum|partial sum|parent only|parent|analyte|potato definition)\)|\s+sum)$")

# Hand-checked mappings for names that are not the EFSA substance name; each with its rule.
MANUAL = {
    "chlormequat": ("Chlormequat chloride", "SALT_OR_ESTER_FORM", "residue is the chlormequat cation; EFSA value set for the chloride"),
    "mepiquat": ("Mepiquat chloride", "SALT_OR_ESTER_FORM", "residue is the mepiquat cation; EFSA value set for the chloride"),
    "propamocarb (sum)": ("Propamocarb hydrochloride", "SALT_OR_ESTER_FORM", "EU residue definition: propamocarb (sum of propamocarb and its salts)"),
    "fosetyl (sum)": ("Fosetyl-aluminium", "SALT_OR_ESTER_FORM", "EU residue definition: fosetyl-Al (sum of fosetyl, phosphonic acid and their salts, expressed as fosetyl)"),
    "glufosinate (sum)": ("Glufosinate-ammonium", "SALT_OR_ESTER_FORM", "sum of glufosinate, its salts, MPP and NAG expressed as glufosinate"),
    "pyriproxifen": ("Pyriproxyfen", "SPELLING", "PRiF spelling of pyriproxyfen"),
    "metalaxyl (sum)": ("Metalaxyl-M", "ISOMER_OR_VARIANT", "metalaxyl incl. other mixtures of constituent isomers including metalaxyl-M; only metalaxyl-M has an EFSA value here"),
    "haloxyfop (sum)": ("Haloxyfop-P", "ISOMER_OR_VARIANT", "haloxyfop incl. haloxyfop-P; only haloxyfop-P has an EFSA value here"),
    "fenvalerate (sum)": ("Esfenvalerate", "ISOMER_OR_VARIANT", "fenvalerate (any ratio of isomers incl. esfenvalerate); only esfenvalerate has an EFSA value here"),
    "dichlorprop (sum)": ("Dichlorprop-P", "ISOMER_OR_VARIANT", "dichlorprop incl. dichlorprop-P; only dichlorprop-P has an EFSA value here"),
    "quizalofop (sum)": ("Quizalofop-P", "ISOMER_OR_VARIANT", "quizalofop incl. quizalofop-P; only quizalofop-P has an EFSA value here"),
    "cyfluthrin (sum)": ("beta-Cyfluthrin", "ISOMER_OR_VARIANT", "cyfluthrin incl. beta-cyfluthrin; only beta-cyfluthrin has an EFSA value here"),
    "etu": ("Ethylenethiourea", "ABBREVIATION", "ETU = ethylenethiourea (dithiocarbamate metabolite)"),
    "pirimicarb desmethyl": ("Pirimicarb", "METABOLITE_IN_RESIDUE_DEFINITION", "desmethyl-pirimicarb is part of the pirimicarb (sum) residue definition"),
}
# Analytes whose residue definition is a sum over substances with different EFSA values: the lowest ADI is used.
GROUPS = {
    "captan and folpet": ["Captan", "Folpet"],
    "triadimefon & triadimenol": ["Triadimefon", "Triadimenol"],
}
NO_MATCH_REASON = {
    "dithiocarbamates": "residue expressed as CS2 over several dithiocarbamates (mancozeb, maneb, metiram, propineb, thiram, ziram); no single ADI applies without knowing the parent and its CS2 conversion factor",
    "bac (sum)": "benzalkonium chloride (biocide): no EFSA OpenFoodTox ADI in the shared extract",
    "ddac (sum)": "didecyldimethylammonium chloride (biocide): no EFSA OpenFoodTox ADI in the shared extract",
}

rows = []
for name, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])):
    sub, rule, note = "", "NO_MATCH", ""
    if name in MANUAL:
        sub, rule, note = MANUAL[name]
    elif name in GROUPS:
        members = [m for m in GROUPS[name] if book.get(m) and book[m]["ADI"]]
        best = min(members, key=lambda m: book[m]["ADI"][0])
        sub, rule = best, "SUM_OF_SUBSTANCES_LOWEST_ADI"
        note = "sum of " + " and ".join(f"{m} (ADI {fmt(book[m]['ADI'][0])})" for m in GROUPS[name]) + "; lowest ADI used"
    elif name in lower_names:
        sub, rule = lower_names[name], "EXACT"
    else:
        stripped = SUFFIX.sub("", name)
        if stripped != name and stripped in lower_names:
            sub, rule = lower_names[stripped], "RESIDUE_DEFINITION_SUFFIX"
            note = f"'{name[len(stripped):].strip()}' residue-definition suffix -> parent substance"
    if not sub:
        note = NO_MATCH_REASON.get(name, "no EFSA OpenFoodTox ADI/ARfD under this or an equivalent name in the shared extract")
    if sub and sub not in book:
        raise SystemExit(f"mapping {name} -> {sub}: substance not in adi_arfd.csv")
    rows.append((name, sub, book[sub]["cas"] if sub else "", rule, n, note))

with open(os.path.join(OUT, "analyte_synonyms.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["analyte", "substance", "cas", "match_rule", "uk_prif_detections_2016_2022", "note"])
    w.writerows(rows)

matched = [r for r in rows if r[1]]
print("selection stats:", dict(stats))
print("substances:", len(substances), "with ADI:", sum(1 for s in substances if book[s]["ADI"]),
      "with ARfD:", sum(1 for s in substances if book[s]["ARfD"]))
print("analytes:", len(rows), "detections:", sum(freq.values()), "unparsed strings:", sum(unparsed.values()), dict(unparsed))
print("matched analytes:", len(matched), "covering detections:", sum(r[4] for r in matched))
print("rules:", collections.Counter(r[3] for r in rows))
