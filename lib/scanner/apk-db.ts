// Alpine's installed database (/lib/apk/db/installed): blank-line separated records of
// "<letter>:<value>" lines. `apk info -v` lists one "name-version" per record that has both P:
// and V:, and so do we. The origin (o:) is the aports source package that security data is keyed
// by (libcrypto3 and libssl3 come from "openssl").

export type ApkPackage = { name: string; version: string; origin: string | null; arch: string | null };

export const APK_DB_PATHS = ["lib/apk/db/installed", "usr/lib/apk/db/installed"] as const;

export function parseApkInstalled(text: string): ApkPackage[] {
  const packages: ApkPackage[] = [];
  let fields = new Map<string, string>();
  const flush = () => {
    const name = fields.get("P");
    const version = fields.get("V");
    if (name && version) packages.push({ name, version, origin: fields.get("o") || null, arch: fields.get("A") || null });
    fields = new Map();
  };
  for (const line of text.split("\n")) {
    const trimmed = line.replace(/\r$/, "");
    if (trimmed === "") {
      flush();
      continue;
    }
    if (trimmed.length < 2 || trimmed[1] !== ":") continue;
    const key = trimmed[0]!;
    // Only the first value of a letter counts: file lists repeat F:/R: many times per record.
    if (!fields.has(key)) fields.set(key, trimmed.slice(2));
  }
  flush();
  return packages;
}
