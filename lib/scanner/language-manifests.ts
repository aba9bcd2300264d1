// Cheap language inventories from files that pin exact versions:
//   - npm package-lock.json, lockfileVersion 2 or 3: every "packages" entry under node_modules/
//     (the "" root entry and workspace links are the project itself, not dependencies).
//     lockfileVersion 1 files have no "packages" map and are skipped.
//   - pip requirements.txt: only exact pins "name==version" (or "==="). Ranges, URLs, editable
//     installs and includes ("-r other.txt") say nothing certain about what is installed.
// Neither parser throws: an unreadable manifest yields no packages.

export type LanguagePackage = { name: string; version: string };

export function isPackageLockPath(path: string): boolean {
  const parts = path.split("/");
  return parts[parts.length - 1] === "package-lock.json" && !parts.includes("node_modules");
}

export function isRequirementsPath(path: string): boolean {
  const parts = path.split("/");
  return parts[parts.length - 1] === "requirements.txt" && !parts.includes("site-packages");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parsePackageLock(text: string): LanguagePackage[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isRecord(json) || typeof json.lockfileVersion !== "number" || json.lockfileVersion < 2 || !isRecord(json.packages)) return [];
  const seen = new Map<string, LanguagePackage>();
  for (const [key, entry] of Object.entries(json.packages)) {
    const at = key.lastIndexOf("node_modules/");
    if (at < 0 || !isRecord(entry) || entry.link === true) continue;
    const name = typeof entry.name === "string" ? entry.name : key.slice(at + "node_modules/".length);
    if (!name || typeof entry.version !== "string" || !entry.version) continue;
    seen.set(`${name}@${entry.version}`, { name, version: entry.version });
  }
  return [...seen.values()];
}

/** PEP 503 normalisation: lower case, runs of "-", "_" and "." become one "-". */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

const PIN = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9][A-Za-z0-9.!+_-]*)$/;

export function parseRequirements(text: string): LanguagePackage[] {
  const seen = new Map<string, LanguagePackage>();
  const logical = text.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  for (const raw of logical) {
    const line = raw
      .replace(/(^|\s)#.*$/, "")
      .replace(/\s--hash[= ]\S+/g, "")
      .split(";")[0]!
      .trim();
    if (!line || line.startsWith("-")) continue;
    const m = PIN.exec(line);
    if (!m) continue;
    const name = normalizePypiName(m[1]!);
    seen.set(`${name}@${m[2]}`, { name, version: m[2]! });
  }
  return [...seen.values()];
}
