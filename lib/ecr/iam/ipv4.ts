// IPv4 addresses and CIDR blocks for the IpAddress / NotIpAddress condition operators.
// IPv6 is valid in IAM but not simulated (the sandbox's callers all have IPv4 source addresses).

export type Ipv4Range = { readonly network: number; readonly prefix: number };

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseIpv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** "10.0.0.0/8", or a bare address meaning /32. Host bits are ignored, as IAM does. */
export function parseIpv4Cidr(text: string): Ipv4Range | undefined {
  const slash = text.indexOf("/");
  const address = parseIpv4(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  if (slash < 0) return { network: address, prefix: 32 };
  const prefixText = text.slice(slash + 1);
  if (!/^(3[0-2]|[12]?\d)$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return { network: maskOf(address, prefix), prefix };
}

export function ipv4InRange(address: string, range: Ipv4Range): boolean {
  const value = parseIpv4(address.trim());
  return value !== undefined && maskOf(value, range.prefix) === range.network;
}

function maskOf(address: number, prefix: number): number {
  // Plain arithmetic instead of bit operators: JS bit operators are signed 32-bit.
  const block = 2 ** (32 - prefix);
  return Math.floor(address / block) * block;
}
