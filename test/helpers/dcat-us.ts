// Validates a data.json against the vendored DCAT-US 1.1 schema (draft-04), in the non-federal
// profile data.gov applies to state and local catalogs: bureauCode and programCode are not required.
// The files on disk stay unmodified; the profile is applied to an in-memory copy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

const DIR = path.resolve('vendor/open-data-spec/dcat-us-1.1');
const load = (f: string) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Record<string, unknown>;

// Both packages are CommonJS with a default export; under NodeNext the default is one level down.
const Ajv = AjvDraft04.default;
const addFormats = addFormatsModule.default;

// unicodeRegExp off: the 2020 schema's patterns escape characters (\_, \~) that the u flag rejects.
function compile() {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const dataset = load('dataset.json');
  const required = (dataset.required as string[]).filter((k) => k !== 'bureauCode' && k !== 'programCode');
  for (const f of ['distribution.json', 'organization.json', 'vcard.json']) ajv.addSchema(load(f));
  ajv.addSchema({ ...dataset, required });
  return ajv.compile(load('catalog.json'));
}

let validate: ReturnType<typeof compile> | undefined;

/** The schema's complaints, one line each; empty when the catalog is valid. */
export function validateCatalog(catalog: unknown): string[] {
  validate ??= compile();
  return validate(catalog) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
