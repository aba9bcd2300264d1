// proxy.ts: visiting a page in a language remembers it in a cookie, but only for pages the
// learner opens, never for the client router's own fetches (RSC payloads, prefetches).
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

const visit = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers }));
const localeCookie = (response: Response) => response.headers.get("set-cookie")?.match(/dockyard_locale=(\w+)/)?.[1] ?? null;

describe("language cookie", () => {
  it("is set when a page is opened in another language than the cookie's", () => {
    expect(localeCookie(visit("/ja/lessons", { cookie: "dockyard_locale=en" }))).toBe("ja");
    expect(localeCookie(visit("/en/lessons"))).toBe("en");
    expect(localeCookie(visit("/ja/lessons", { cookie: "dockyard_locale=ja" }))).toBeNull();
  });

  it("is left alone by RSC fetches and prefetches of the other language", () => {
    // A prefetch of an English page that leaves after the learner switched to Japanese.
    expect(localeCookie(visit("/en/lessons/ecr-public?_rsc=abc", { cookie: "dockyard_locale=ja", rsc: "1", "next-router-prefetch": "1" }))).toBeNull();
    expect(localeCookie(visit("/en/lessons", { cookie: "dockyard_locale=ja", rsc: "1" }))).toBeNull();
    expect(localeCookie(visit("/en/lessons?_rsc=xyz", { cookie: "dockyard_locale=ja" }))).toBeNull();
  });

  it("pages without a language are redirected to the cookie's language", () => {
    const response = visit("/lessons", { cookie: "dockyard_locale=en", host: "127.0.0.1:3000" });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://127.0.0.1:3000/en/lessons");
  });
});
