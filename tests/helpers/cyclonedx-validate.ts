// Validates a CycloneDX 1.6 JSON document against the schema the CycloneDX library ships
// (res/schema). The library's own JsonValidator needs ajv-formats and ajv-formats-draft2019,
// which are not installed, so this compiles the same schema with ajv directly; formats are
// checked for date-time (the only one our documents use) and accepted for the rest.
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";

const SCHEMA_DIR = path.join(process.cwd(), "node_modules", "@cyclonedx", "cyclonedx-library", "res", "schema");
const load = (file: string) => JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as Record<string, unknown>;

let validate: ((data: unknown) => boolean) & { errors?: unknown } | undefined;

export function cyclonedx16Errors(json: string): unknown[] | null {
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true, loadSchema: undefined });
    // The BOM schema refers to its neighbours by their file names in the library's folder.
    ajv.addSchema({ ...load("spdx.SNAPSHOT.schema.json"), $id: "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json" });
    ajv.addSchema({ ...load("jsf-0.82.SNAPSHOT.schema.json"), $id: "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json" });
    ajv.addFormat("date-time", (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)));
    for (const format of ["iri-reference", "idn-email", "uri", "uri-reference", "email", "iri"]) ajv.addFormat(format, true);
    validate = ajv.compile(load("bom-1.6.SNAPSHOT.schema.json"));
  }
  return validate(JSON.parse(json)) ? null : ((validate.errors as unknown[]) ?? []);
}
