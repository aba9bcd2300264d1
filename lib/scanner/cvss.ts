// CVSS v3.0/v3.1 base score from a vector string, with the specification's formulas and
// weights, and the v3.1 Roundup (which gives the same results as v3.0's on valid vectors).
// OSV's severity[].score carries the vector, not the number, so the matcher computes it.
// @see https://www.first.org/cvss/v3.1/specification-document#7-1-Base-Metrics-Equations

const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

function roundUp(value: number): number {
  const scaled = Math.round(value * 100000);
  return scaled % 10000 === 0 ? scaled / 100000 : (Math.floor(scaled / 10000) + 1) / 10;
}

function pick<T extends Record<string, number>>(table: T, key: string | undefined): number | null {
  return key !== undefined && Object.hasOwn(table, key) ? table[key as keyof T]! : null;
}

/** The base score (0.0–10.0) of a "CVSS:3.x/AV:…" vector, or null when it is not a complete v3 vector. */
export function cvss3BaseScore(vector: string): number | null {
  const parts = vector.trim().split("/");
  if (!/^CVSS:3\.[01]$/.test(parts[0] ?? "")) return null;
  const metrics = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const [key, value] = part.split(":");
    if (!key || value === undefined || metrics.has(key)) return null;
    metrics.set(key, value);
  }
  const scope = metrics.get("S");
  if (scope !== "U" && scope !== "C") return null;
  const changed = scope === "C";
  const av = pick(WEIGHTS.AV, metrics.get("AV"));
  const ac = pick(WEIGHTS.AC, metrics.get("AC"));
  const ui = pick(WEIGHTS.UI, metrics.get("UI"));
  const pr = pick(changed ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 }, metrics.get("PR"));
  const c = pick(WEIGHTS.CIA, metrics.get("C"));
  const i = pick(WEIGHTS.CIA, metrics.get("I"));
  const a = pick(WEIGHTS.CIA, metrics.get("A"));
  if (av === null || ac === null || ui === null || pr === null || c === null || i === null || a === null) return null;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  return roundUp(Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
}
