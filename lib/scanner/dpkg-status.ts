// dpkg's package database: /var/lib/dpkg/status, and the /var/lib/dpkg/status.d/<package> files
// that distroless images write instead.
//
// Which packages count (verified against `dpkg-query -W` of dpkg 1.21 with a hand-written
// admindir, see tests/unit/scanner-dpkg.test.ts): dpkg-query -W without patterns lists every
// package whose Status state (the third word of "Status: <want> <flag> <state>") is anything but
// "not-installed". So installed, half-installed, unpacked, half-configured, triggers-awaited,
// triggers-pending AND config-files packages are listed, whatever the want (install, hold,
// deinstall, purge, unknown) or the flag (ok, reinstreq). A stanza without a Status field is
// not-installed for dpkg and is not listed. status.d files carry no Status field (dpkg never reads
// them; distroless tooling does): there a stanza counts as installed unless it says otherwise.

export type DpkgPackage = {
  name: string;
  version: string;
  arch: string | null;
  /** The source package security trackers key advisories by; defaults to the binary's own. */
  source: { name: string; version: string };
  /** The raw Status field ("install ok installed"), or null in status.d files. */
  status: string | null;
};

export const DPKG_STATUS_PATH = "var/lib/dpkg/status";
export const DPKG_STATUS_DIR = "var/lib/dpkg/status.d";

/** Splits deb822 text into stanzas of lower-cased field names (dpkg matches names case-insensitively). */
export function parseStanzas(text: string): Map<string, string>[] {
  const stanzas: Map<string, string>[] = [];
  let fields = new Map<string, string>();
  let last: string | null = null;
  const flush = () => {
    if (fields.size > 0) stanzas.push(fields);
    fields = new Map();
    last = null;
  };
  for (const line of text.split("\n")) {
    if (line === "" || line === "\r") {
      flush();
      continue;
    }
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (last !== null) fields.set(last, `${fields.get(last)}\n${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    fields.set(last, line.slice(colon + 1).trim());
  }
  flush();
  return stanzas;
}

/** The state word of a Status field, or null when the field is missing or malformed. */
export function dpkgState(status: string | undefined): string | null {
  const words = status?.trim().split(/\s+/) ?? [];
  return words.length === 3 ? words[2]! : null;
}

/** dpkg-query -W's rule: listed unless the state is not-installed (a missing Status means not-installed). */
export function isListedByDpkgQuery(status: string | undefined): boolean {
  const state = dpkgState(status);
  return state !== null && state !== "not-installed";
}

function parseSource(field: string | undefined, name: string, version: string): { name: string; version: string } {
  const m = field ? /^(\S+)(?:\s+\((\S+)\))?/.exec(field) : null;
  return m ? { name: m[1]!, version: m[2] ?? version } : { name, version };
}

function toPackage(fields: Map<string, string>): DpkgPackage | null {
  const name = fields.get("package");
  const version = fields.get("version");
  if (!name || !version) return null;
  return { name, version, arch: fields.get("architecture") || null, source: parseSource(fields.get("source"), name, version), status: fields.get("status") ?? null };
}

/** Packages of /var/lib/dpkg/status, exactly those `dpkg-query -W` lists, in file order. */
export function parseDpkgStatus(text: string): DpkgPackage[] {
  // A later stanza for the same package instance (name + architecture) replaces the earlier one
  // before the status is looked at, as dpkg's database parser does.
  const byKey = new Map<string, Map<string, string>>();
  for (const fields of parseStanzas(text)) {
    const name = fields.get("package");
    if (!name) continue;
    const key = `${name}:${fields.get("architecture") ?? ""}`;
    byKey.delete(key);
    byKey.set(key, fields);
  }
  const packages: DpkgPackage[] = [];
  for (const fields of byKey.values()) {
    const pkg = isListedByDpkgQuery(fields.get("status")) ? toPackage(fields) : null;
    if (pkg) packages.push(pkg);
  }
  return packages;
}

/** Packages of one status.d file (distroless): stanzas without Status count as installed. */
export function parseDpkgStatusD(text: string): DpkgPackage[] {
  const packages: DpkgPackage[] = [];
  for (const fields of parseStanzas(text)) {
    const status = fields.get("status");
    if (status !== undefined && !isListedByDpkgQuery(status)) continue;
    const pkg = toPackage(fields);
    if (pkg) packages.push(pkg);
  }
  return packages;
}

/** Whether a status.d file name holds a stanza (not the *.md5sums lists newer distroless adds). */
export function isStatusDStanzaFile(name: string): boolean {
  return !name.endsWith(".md5sums") && !name.startsWith(".");
}

/** True when a listed package has only configuration files left (removed, not purged). */
export function isConfigFilesOnly(status: string | null): boolean {
  return dpkgState(status ?? undefined) === "config-files";
}
