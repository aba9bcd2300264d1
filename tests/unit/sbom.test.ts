// The CycloneDX SBOM of an image's stored inventory: purls per package manager, one component per
// package with its source package, the image as metadata.component, schema-valid output, and
// byte-identical output for the same input (serial number and timestamp are given).
import { describe, expect, it } from "vitest";
import type { Package } from "@/lib/scanner";
import { buildImageSbom, serialNumberFrom, type SbomImage } from "@/lib/sbom/cyclonedx";
import { encodePurlPart, packagePurl } from "@/lib/sbom/purl";
import { cyclonedx16Errors } from "../helpers/cyclonedx-validate";

const LAYER = `sha256:${"1".repeat(64)}`;
const DIGEST = `sha256:${"ab".repeat(32)}`;
const pkg = (p: Partial<Package> & Pick<Package, "name" | "version" | "manager" | "ecosystem">): Package => ({ path: "lib/apk/db/installed", layerDigest: LAYER, ...p });

const APK_LIBSSL = pkg({ name: "libssl1.1", version: "1.1.1l-r0", manager: "apk", ecosystem: "Alpine:v3.15", arch: "x86_64", source: { name: "openssl", version: "1.1.1l-r0" } });
const APK_OPENSSL = pkg({ name: "openssl", version: "1.1.1l-r0", manager: "apk", ecosystem: "Alpine:v3.15", arch: "x86_64", source: { name: "openssl", version: "1.1.1l-r0" } });
const DEB_LIBSSL = pkg({ name: "libssl1.1", version: "1.1.1n-0+deb11u3", manager: "dpkg", ecosystem: "Debian:11", arch: "amd64", source: { name: "openssl", version: "1.1.1n-0+deb11u3" }, status: "install ok installed", path: "var/lib/dpkg/status" });
const UBUNTU_LIBC = pkg({ name: "libc6", version: "2.35-0ubuntu3.1", manager: "dpkg", ecosystem: "Ubuntu:22.04", arch: "amd64", source: { name: "glibc", version: "2.35-0ubuntu3.1" }, path: "var/lib/dpkg/status" });
const NPM_SCOPED = pkg({ name: "@babel/core", version: "7.20.0", manager: "npm", ecosystem: "npm", path: "app/package-lock.json" });
const NPM_LODASH_A = pkg({ name: "lodash", version: "4.17.20", manager: "npm", ecosystem: "npm", path: "app/package-lock.json" });
const NPM_LODASH_B = pkg({ name: "lodash", version: "4.17.20", manager: "npm", ecosystem: "npm", path: "srv/tool/package-lock.json", layerDigest: `sha256:${"2".repeat(64)}` });
const PYPI = pkg({ name: "Django_REST.framework", version: "3.14.0", manager: "pypi", ecosystem: "PyPI", path: "app/requirements.txt" });

const IMAGE: SbomImage = { repository: "team/app", repositoryUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app", digest: DIGEST, tag: "v1.2", os: "Alpine Linux v3.15", scanCompletedAt: new Date("2026-03-01T10:00:05Z") };
const STAMP = { timestamp: new Date("2026-03-01T11:00:00Z"), serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" };

type Bom = {
  bomFormat: string;
  specVersion: string;
  serialNumber: string;
  metadata: { timestamp: string; component: { type: string; name: string; version: string; "bom-ref": string; purl: string; hashes: { alg: string; content: string }[]; properties: { name: string; value: string }[] } };
  components?: { type: string; name: string; version: string; purl: string; "bom-ref": string; properties: { name: string; value: string }[] }[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
};

const parse = (text: string) => JSON.parse(text) as Bom;
const propsOf = (c: { properties: { name: string; value: string }[] }) => c.properties.map((p) => `${p.name}=${p.value}`);

describe("packagePurl", () => {
  it("writes apk and deb purls with arch and distro qualifiers in key order", () => {
    expect(packagePurl(APK_OPENSSL)).toBe("pkg:apk/alpine/openssl@1.1.1l-r0?arch=x86_64&distro=alpine-3.15");
    // Current purl spec: "+" is percent-encoded in the canonical form (parsers accept either).
    expect(packagePurl(DEB_LIBSSL)).toBe("pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11");
    expect(packagePurl(UBUNTU_LIBC)).toBe("pkg:deb/ubuntu/libc6@2.35-0ubuntu3.1?arch=amd64&distro=ubuntu-22.04");
  });

  it("leaves out the distro when the scan did not know the release, and keeps epochs' colons", () => {
    expect(packagePurl({ ...APK_OPENSSL, ecosystem: "Alpine", arch: undefined })).toBe("pkg:apk/alpine/openssl@1.1.1l-r0");
    expect(packagePurl({ ...DEB_LIBSSL, version: "1:2.3+dfsg-1", ecosystem: "Debian" })).toBe("pkg:deb/debian/libssl1.1@1:2.3%2Bdfsg-1?arch=amd64");
  });

  it("writes npm scopes as an encoded namespace and PyPI names normalised", () => {
    expect(packagePurl(NPM_SCOPED)).toBe("pkg:npm/%40babel/core@7.20.0");
    expect(packagePurl(NPM_LODASH_A)).toBe("pkg:npm/lodash@4.17.20");
    expect(packagePurl(PYPI)).toBe("pkg:pypi/django-rest-framework@3.14.0");
  });

  it("percent-encodes everything outside the unreserved set except ':'", () => {
    expect(encodePurlPart("a b/c+d:e~f_g.h-i!")).toBe("a%20b%2Fc%2Bd:e~f_g.h-i%21");
  });
});

describe("buildImageSbom", () => {
  const packages = [DEB_LIBSSL, APK_OPENSSL, NPM_LODASH_B, APK_LIBSSL, NPM_SCOPED, UBUNTU_LIBC, PYPI, NPM_LODASH_A];
  const text = buildImageSbom(IMAGE, packages, STAMP);
  const bom = parse(text);

  it("is a valid CycloneDX 1.6 document", () => {
    expect(bom).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6", serialNumber: STAMP.serialNumber, metadata: { timestamp: "2026-03-01T11:00:00.000Z" } });
    expect(cyclonedx16Errors(text)).toBeNull();
  });

  it("describes the image as metadata.component: repository, tag, digest hash and oci purl", () => {
    const image = bom.metadata.component;
    expect(image).toMatchObject({ type: "container", name: "team/app", version: "v1.2", "bom-ref": DIGEST });
    expect(image.hashes).toEqual([{ alg: "SHA-256", content: "ab".repeat(32) }]);
    expect(image.purl).toBe(`pkg:oci/app@${DIGEST}?repository_url=123456789012.dkr.ecr.us-east-1.amazonaws.com%2Fteam%2Fapp&tag=v1.2`);
    expect(propsOf(image)).toEqual(expect.arrayContaining([`dockyard:image:digest=${DIGEST}`, "dockyard:image:os=Alpine Linux v3.15", "dockyard:scan:completed_at=2026-03-01T10:00:05.000Z"]));
  });

  it("names the image by digest when it was asked for by digest", () => {
    const byDigest = parse(buildImageSbom({ ...IMAGE, tag: undefined }, packages, STAMP));
    expect(byDigest.metadata.component.version).toBe(DIGEST);
    expect(byDigest.metadata.component.purl).not.toContain("tag=");
  });

  it("has one component per distinct package, with its purl, source package and every location", () => {
    expect(bom.components!.map((c) => c.purl)).toEqual([
      "pkg:apk/alpine/libssl1.1@1.1.1l-r0?arch=x86_64&distro=alpine-3.15",
      "pkg:apk/alpine/openssl@1.1.1l-r0?arch=x86_64&distro=alpine-3.15",
      "pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11",
      "pkg:deb/ubuntu/libc6@2.35-0ubuntu3.1?arch=amd64&distro=ubuntu-22.04",
      "pkg:npm/%40babel/core@7.20.0",
      "pkg:npm/lodash@4.17.20",
      "pkg:pypi/django-rest-framework@3.14.0",
    ]);
    for (const c of bom.components!) expect(c).toMatchObject({ type: "library", "bom-ref": c.purl });
    const deb = bom.components!.find((c) => c.name === "libssl1.1" && c.purl.startsWith("pkg:deb"))!;
    expect(deb.version).toBe("1.1.1n-0+deb11u3");
    expect(propsOf(deb)).toEqual(
      expect.arrayContaining(["dockyard:package:manager=dpkg", "dockyard:package:ecosystem=Debian:11", "dockyard:package:source_name=openssl", "dockyard:package:source_version=1.1.1n-0+deb11u3", "dockyard:package:location=var/lib/dpkg/status"]),
    );
    const lodash = bom.components!.find((c) => c.name === "lodash")!;
    expect(propsOf(lodash).filter((p) => p.startsWith("dockyard:package:location="))).toEqual(["dockyard:package:location=app/package-lock.json", "dockyard:package:location=srv/tool/package-lock.json"]);
    expect(propsOf(lodash).some((p) => p.startsWith("dockyard:package:source_name"))).toBe(false);
  });

  it("makes the image depend on every package", () => {
    const root = bom.dependencies!.find((d) => d.ref === DIGEST)!;
    expect([...root.dependsOn!].sort()).toEqual(bom.components!.map((c) => c["bom-ref"]).sort());
  });

  it("is byte-identical for the same inventory in any order", () => {
    expect(buildImageSbom(IMAGE, [...packages].reverse(), STAMP)).toBe(text);
    expect(buildImageSbom(IMAGE, packages, { ...STAMP, serialNumber: "urn:uuid:00000000-0000-4000-8000-000000000001" })).not.toBe(text);
  });

  it("is valid for an empty inventory: the image and no components", () => {
    const empty = buildImageSbom(IMAGE, [], STAMP);
    expect(cyclonedx16Errors(empty)).toBeNull();
    const parsed = parse(empty);
    expect(parsed.components ?? []).toEqual([]);
    expect(parsed.metadata.component.name).toBe("team/app");
  });

  it("rejects what the schema rejects (the validator is not a rubber stamp)", () => {
    const broken = JSON.parse(text) as Record<string, unknown>;
    broken.serialNumber = "not-a-uuid";
    expect(cyclonedx16Errors(JSON.stringify(broken))).not.toBeNull();
  });
});

describe("serialNumberFrom", () => {
  it("keeps a UUID and turns any other id into a stable RFC 4122-shaped one", () => {
    expect(serialNumberFrom("3e671687-395b-41f5-a30f-a58921a69b79")).toBe("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
    const derived = serialNumberFrom("id-7");
    expect(derived).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(serialNumberFrom("id-7")).toBe(derived);
    expect(serialNumberFrom("id-8")).not.toBe(derived);
  });
});
