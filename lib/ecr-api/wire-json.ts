// AWS JSON 1.1 serialisation: timestamps as epoch seconds (fractions allowed), 64-bit sizes as
// numbers (ECR sizes stay far below 2^53), and no nulls for absent members. The value is converted
// in one walk first: a JSON.stringify replacer would run a callback for every key.

function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== null && member !== undefined) out[key] = toWire(member);
    }
    return out;
  }
  return value;
}

export function toWireJson(value: unknown): string {
  return JSON.stringify(toWire(value));
}
