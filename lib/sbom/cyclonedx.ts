// A CycloneDX 1.6 SBOM (JSON) of one image, from the package inventory its scan stored: the image
// is metadata.component (a container, its digest as SHA-256 hash and bom-ref), each package is a
// library component with its purl, and the image depends on every package. Properties in the
// "dockyard:" namespace carry what purls cannot: the source package advisories are keyed by,
// where the database was read, the layer that installed it. Output is deterministic for a given
// input; the serial number and timestamp are passed in by the caller.
// @see https://cyclonedx.org/docs/1.6/json/
import { createHash } from "node:crypto";
import { Enums, Models, Serialize, Spec } from "@cyclonedx/cyclonedx-library";
import type { Package } from "../scanner";
import { imagePurl, packagePurl } from "./purl";

export const SBOM_MEDIA_TYPE = "application/vnd.cyclonedx+json";
export const SBOM_SPEC_VERSION = "1.6";

export type SbomImage = {
  /** The repository name ("team/app"). */
  repository: string;
  /** The registry URI of the repository ("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app"). */
  repositoryUri: string;
  digest: string;
  /** The tag the learner asked for, when they asked by tag. */
  tag?: string;
  /** PRETTY_NAME of the image's OS, when the scan found one. */
  os?: string | null;
  scanCompletedAt?: Date | null;
};

export type SbomStamp = { timestamp: Date; serialNumber: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A serial number from any id: a UUID as is; anything else (test id sources) hashed into UUID
 * form, so the BOM stays valid and reproducible. */
export function serialNumberFrom(id: string): string {
  if (UUID.test(id)) return `urn:uuid:${id}`;
  const h = createHash("sha256").update(id).digest("hex");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const prop = (name: string, value: string) => new Models.Property(`dockyard:${name}`, value);

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One component per distinct purl; the same package found in several places (two lockfiles,
 * two platforms of an index) lists each location. */
function packageComponents(packages: readonly Package[]): Models.Component[] {
  const byPurl = new Map<string, Package[]>();
  for (const pkg of packages) {
    const purl = packagePurl(pkg);
    byPurl.set(purl, [...(byPurl.get(purl) ?? []), pkg]);
  }
  return [...byPurl.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([purl, found]) => {
      const first = found[0]!;
      const component = new Models.Component(Enums.ComponentType.Library, first.name, { version: first.version, purl, bomRef: purl });
      component.properties.add(prop("package:manager", first.manager));
      component.properties.add(prop("package:ecosystem", first.ecosystem));
      if (first.source) {
        component.properties.add(prop("package:source_name", first.source.name));
        component.properties.add(prop("package:source_version", first.source.version));
      }
      for (const pkg of found) {
        component.properties.add(prop("package:location", pkg.path));
        component.properties.add(prop("package:layer_digest", pkg.layerDigest));
      }
      return component;
    });
}

function imageComponent(image: SbomImage): Models.Component {
  const component = new Models.Component(Enums.ComponentType.Container, image.repository, {
    version: image.tag ?? image.digest,
    bomRef: image.digest,
    purl: imagePurl(image.repositoryUri, image.digest, image.tag),
  });
  const [algorithm, hex] = image.digest.split(":");
  if (algorithm === "sha256" && hex) component.hashes.set(Enums.HashAlgorithm["SHA-256"], hex);
  if (algorithm === "sha512" && hex) component.hashes.set(Enums.HashAlgorithm["SHA-512"], hex);
  component.properties.add(prop("image:digest", image.digest));
  if (image.os) component.properties.add(prop("image:os", image.os));
  if (image.scanCompletedAt) component.properties.add(prop("scan:completed_at", image.scanCompletedAt.toISOString()));
  return component;
}

/** The SBOM as CycloneDX JSON text (2-space indented, lists sorted). */
export function buildImageSbom(image: SbomImage, packages: readonly Package[], stamp: SbomStamp): string {
  const bom = new Models.Bom({ serialNumber: stamp.serialNumber });
  bom.metadata.timestamp = stamp.timestamp;
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, "Dockyard image scanner", { group: "dockyard" }));
  const root = imageComponent(image);
  bom.metadata.component = root;
  for (const component of packageComponents(packages)) {
    bom.components.add(component);
    root.dependencies.add(component.bomRef);
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}
