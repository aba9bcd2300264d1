import { describe, expect, it } from "vitest";
import { forwardedClientIp } from "@/lib/core/client-ip";

describe("forwardedClientIp", () => {
  it("takes the first X-Forwarded-For entry, trimmed", () => {
    expect(forwardedClientIp("203.0.113.7, 10.0.0.1")).toBe("203.0.113.7");
    expect(forwardedClientIp("  198.51.100.2 ")).toBe("198.51.100.2");
  });
  it("is undefined when the header is absent or empty", () => {
    expect(forwardedClientIp(null)).toBeUndefined();
    expect(forwardedClientIp(undefined)).toBeUndefined();
    expect(forwardedClientIp(" , 10.0.0.1")).toBeUndefined();
  });
});
