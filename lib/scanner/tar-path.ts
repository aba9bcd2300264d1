// Tar entry names as the scanner sees them: decoded from raw header bytes without loss, then
// normalised to a root-relative path. A name that would leave the root is refused (null), never
// clamped, so "../../etc/passwd" can never shadow the image's own /etc/passwd.

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes name bytes as UTF-8. Bytes that are not valid UTF-8 become lone surrogates U+DC80–U+DCFF
 * (Python's "surrogateescape"), so distinct byte names stay distinct strings and whiteouts of
 * such names still match the files they hide. Valid UTF-8 decodes to itself.
 */
export function decodeNameBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeWithEscapes(bytes);
  }
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function decodeWithEscapes(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i += 1;
      continue;
    }
    const n = sequenceLength(b);
    if (n > 0 && i + n <= bytes.length) {
      try {
        out += strictUtf8.decode(bytes.subarray(i, i + n));
        i += n;
        continue;
      } catch {
        // not a valid sequence: escape the lead byte and resynchronise on the next one
      }
    }
    out += String.fromCharCode(0xdc00 + b);
    i += 1;
  }
  return out;
}

/**
 * A tar name as a root-relative path: leading "/" and "./" dropped, "." and empty segments
 * skipped, ".." resolved. Returns "" for the root itself and null when ".." would climb above
 * the root (the entry must then be ignored).
 */
export function normalizeTarPath(name: string): string | null {
  const parts: string[] = [];
  for (const segment of name.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return null;
      parts.pop();
      continue;
    }
    parts.push(segment);
  }
  return parts.join("/");
}

export function basename(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? path : path.slice(i + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}
