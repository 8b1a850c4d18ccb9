#!/usr/bin/env python3
"""Validate a `wardline export fhir` folder with fhir.resources (R4B models), as an outside party.

Usage: validate_fhir.py DIR [--bundle]

DIR holds either NDJSON files (one per resource type, as Bulk Data export writes them) or
bundle.json (a transaction Bundle). Every resource is parsed with the R4B model of its resourceType
(any validation error is a problem); every reference "Type/id" must resolve to a resource of the
export; the vital-signs Observations must carry the FHIR vital-signs profile codes and UCUM units.
Prints counts as JSON on stdout; problems on stderr; exit status 1 on any problem.
"""
import json
import os
import sys
from collections import Counter

from fhir.resources.R4B import get_fhir_model_class

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
WARDLINE = "https://wardline.example/fhir/CodeSystem/wardline"
VITALS_PROFILE = "http://hl7.org/fhir/StructureDefinition/vitalsigns"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# The vital-signs profile codes and their UCUM units (FHIR R4 vital signs, facts.md section 8).
VITAL_UNITS = {"9279-1": "/min", "8867-4": "/min", "8310-5": "Cel", "2708-6": "%"}
PANEL, BP_PANEL = "85353-1", "85354-9"
BP_COMPONENTS = {"8480-6": "mm[Hg]", "8462-4": "mm[Hg]"}
NEWS2_TOTAL = "1104051000000101"
# Codes the fact sheet says must never be used (CIWA-Ar CONFLICT, NEWS2 wrong mapping).
FORBIDDEN = {(LOINC, "72109-3"), (LOINC, "88330-6")}

# Required bindings fhir.resources does not check (it checks types and cardinality, not value sets).
REQUIRED_CODES = {
    ("Observation", "status"): {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"},
    ("MedicationAdministration", "status"): {"in-progress", "not-done", "on-hold", "completed", "entered-in-error", "stopped", "unknown"},
    ("MedicationRequest", "status"): {"active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped", "draft", "unknown"},
    ("MedicationRequest", "intent"): {"proposal", "plan", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option"},
    ("Encounter", "status"): {"planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"},
    ("Flag", "status"): {"active", "inactive", "entered-in-error"},
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
    ("Location", "status"): {"active", "suspended", "inactive"},
    ("Location", "mode"): {"instance", "kind"},
}

problems = []


def problem(text):
    problems.append(text)


def codings(concept):
    return [(c.get("system"), c.get("code")) for c in (concept or {}).get("coding", [])]


def references(value, path=""):
    """Every reference string anywhere in a resource, with where it is."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "reference" and isinstance(v, str):
                yield path, v
            else:
                yield from references(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from references(v, f"{path}[{i}]")


def all_codings(value):
    if isinstance(value, dict):
        if "system" in value and "code" in value:
            yield value["system"], value["code"]
        for v in value.values():
            yield from all_codings(v)
    elif isinstance(value, list):
        for v in value:
            yield from all_codings(v)


def parse(resource, where):
    rtype = resource.get("resourceType")
    try:
        model = get_fhir_model_class(rtype)
    except Exception:
        problem(f"{where}: unknown resourceType {rtype!r}")
        return
    try:
        model.model_validate(resource)
    except Exception as e:
        problem(f"{where}: {rtype}/{resource.get('id')} does not validate as R4B {rtype}: {e}")


def load_ndjson(folder):
    resources = []
    files = sorted(f for f in os.listdir(folder) if f.endswith(".ndjson"))
    if not files:
        problem(f"{folder}: no .ndjson files")
    for f in files:
        expected = f[: -len(".ndjson")]
        with open(os.path.join(folder, f), encoding="utf-8") as h:
            for n, line in enumerate(h, 1):
                if not line.strip():
                    problem(f"{f}:{n}: empty line")
                    continue
                try:
                    r = json.loads(line)
                except ValueError as e:
                    problem(f"{f}:{n}: not JSON: {e}")
                    continue
                if r.get("resourceType") != expected:
                    problem(f"{f}:{n}: a {r.get('resourceType')} in {f}")
                parse(r, f"{f}:{n}")
                resources.append(r)
    manifest = os.path.join(folder, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as h:
            m = json.load(h)
        counts = Counter(r["resourceType"] for r in resources)
        for out in m.get("output", []):
            if counts.get(out["type"]) != out.get("count"):
                problem(f"manifest.json: {out['type']} count {out.get('count')} but {counts.get(out['type'])} in {out['url']}")
    return resources


def load_bundle(folder):
    path = os.path.join(folder, "bundle.json")
    with open(path, encoding="utf-8") as h:
        b = json.load(h)
    if b.get("resourceType") != "Bundle" or b.get("type") != "transaction":
        problem(f"bundle.json: not a transaction Bundle ({b.get('resourceType')}, {b.get('type')})")
    parse(b, "bundle.json")
    resources = []
    for i, e in enumerate(b.get("entry", [])):
        r = e.get("resource", {})
        key = f"{r.get('resourceType')}/{r.get('id')}"
        req = e.get("request", {})
        if req.get("method") not in ("PUT", "POST"):
            problem(f"bundle.json entry {i}: request method {req.get('method')!r}")
        if req.get("method") == "PUT" and req.get("url") != key:
            problem(f"bundle.json entry {i}: PUT url {req.get('url')!r} is not {key}")
        if not str(e.get("fullUrl", "")).endswith("/" + key):
            problem(f"bundle.json entry {i}: fullUrl {e.get('fullUrl')!r} does not name {key}")
        parse(r, f"bundle.json entry {i}")
        resources.append(r)
    return resources


def check_vitals(r, where):
    cats = [c for cat in r.get("category", []) for c in codings(cat)]
    if (CATEGORY, "vital-signs") not in cats:
        return False
    codes = dict((code, system) for system, code in codings(r.get("code")))
    if VITALS_PROFILE not in r.get("meta", {}).get("profile", []):
        problem(f"{where}: vital-signs Observation without the vitalsigns profile in meta.profile")
    if "subject" not in r or "effectiveDateTime" not in r:
        problem(f"{where}: vital-signs Observation without subject or effectiveDateTime")
    known = [c for c in codes if c in VITAL_UNITS or c in (PANEL, BP_PANEL)]
    if not known or any(codes[c] != LOINC for c in known):
        problem(f"{where}: vital-signs Observation code {codes} is none of the profile's LOINC codes")
        return True
    code = known[0]
    if code == PANEL:
        if not r.get("hasMember") or any(k.startswith("value") for k in r):
            problem(f"{where}: the vital signs panel needs hasMember and no value")
    elif code == BP_PANEL:
        comps = {c2: comp for comp in r.get("component", []) for s, c2 in codings(comp.get("code"))}
        for c2, unit in BP_COMPONENTS.items():
            comp = comps.get(c2)
            if comp is None:
                problem(f"{where}: blood pressure without component {c2}")
            elif "dataAbsentReason" not in comp:
                q = comp.get("valueQuantity", {})
                if q.get("system") != UCUM or q.get("code") != unit:
                    problem(f"{where}: component {c2} unit {q.get('system')} {q.get('code')} is not UCUM {unit}")
    else:
        if code == "2708-6" and "59408-5" not in codes:
            problem(f"{where}: SpO2 without 59408-5 (by pulse oximetry)")
        q = r.get("valueQuantity", {})
        if q.get("system") != UCUM or q.get("code") != VITAL_UNITS[code]:
            problem(f"{where}: {code} unit {q.get('system')} {q.get('code')} is not UCUM {VITAL_UNITS[code]}")
    return True


def observation_kind(r):
    codes = codings(r.get("code"))
    for system, code in codes:
        if system == LOINC and code == PANEL:
            return "vitals-panel"
        if system == LOINC and (code in VITAL_UNITS or code == BP_PANEL):
            return "vital-sign"
        if system == SNOMED and code == NEWS2_TOTAL:
            return "news2"
        if system == WARDLINE:
            return {"ciwa-b-total": "ciwa-b", "ciwa-ar-total": "ciwa-ar", "bwsq-total": "bwsq",
                    "rass": "rass", "poss": "poss", "acvpu": "acvpu"}.get(code, "other:" + code)
    return "other"


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 64
    folder = args[0]
    bundle = "--bundle" in args or os.path.exists(os.path.join(folder, "bundle.json"))
    resources = load_bundle(folder) if bundle else load_ndjson(folder)
    ids = Counter(f"{r.get('resourceType')}/{r.get('id')}" for r in resources)
    for key, n in ids.items():
        if n > 1:
            problem(f"{key} appears {n} times")
    for r in resources:
        where = f"{r.get('resourceType')}/{r.get('id')}"
        for (rtype, field), allowed in REQUIRED_CODES.items():
            if r.get("resourceType") == rtype and field in r and r[field] not in allowed:
                problem(f"{where}: {field} {r[field]!r} is not one of the codes FHIR R4 requires")
        if r.get("resourceType") == "Encounter":
            for loc in r.get("location", []):
                if loc.get("status") not in (None, "planned", "active", "reserved", "completed"):
                    problem(f"{where}: location status {loc.get('status')!r}")
        for path, ref in references(r):
            if ref not in ids:
                problem(f"{where}{path}: reference {ref} does not resolve inside the export")
        for sc in all_codings(r):
            if sc in FORBIDDEN:
                problem(f"{where}: uses {sc[1]}, a code the fact sheet says not to use")
    kinds, statuses, admin = Counter(), Counter(), Counter()
    vital_members = 0
    for r in resources:
        if r.get("resourceType") == "Observation":
            where = f"Observation/{r.get('id')}"
            if check_vitals(r, where):
                vital_members += 1
            kind = observation_kind(r)
            kinds[kind] += 1
            if kind not in ("vital-sign", "acvpu"):
                statuses[r.get("status")] += 1
            if kind == "news2":
                q = r.get("valueQuantity", {})
                if q.get("system") != UCUM or q.get("code") != "{score}" or not r.get("derivedFrom"):
                    problem(f"{where}: NEWS2 needs a UCUM {{score}} value and derivedFrom")
        if r.get("resourceType") == "MedicationAdministration":
            admin[r.get("status")] += 1
            functions = [c for p in r.get("performer", []) for s, c in codings(p.get("function"))]
            if "performer" not in functions:
                problem(f"MedicationAdministration/{r.get('id')}: no performer with function performer")
    out = {
        "resources": dict(sorted(Counter(r.get("resourceType") for r in resources).items())),
        "observations": dict(sorted(kinds.items())),
        "observationStatus": dict(sorted(statuses.items())),
        "vitalSignsObservations": vital_members,
        "administrations": dict(sorted(admin.items())),
        "problems": len(problems),
    }
    print(json.dumps(out, sort_keys=True))
    for p in problems[:200]:
        print(p, file=sys.stderr)
    if len(problems) > 200:
        print(f"... and {len(problems) - 200} more", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
