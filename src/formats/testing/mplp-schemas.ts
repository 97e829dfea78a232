/**
 * Test helper: loads the MPLP v1.0 JSON schemas (every `*.schema.json` under the folder, so `$ref`s resolve) into
 * Ajv, from `PEERCHAT_MPLP_DIR` or else the copy vendored in `vendor/mplp`. When neither has them it throws one
 * plain sentence saying where it looked — the tests fail, they do not skip.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The vendored copy, `vendor/mplp` in the repository (see its README for source and licence). */
export const DEFAULT_MPLP_DIR = resolve(REPO_ROOT, 'vendor/mplp');

/** The folder holding the MPLP schemas: `PEERCHAT_MPLP_DIR`, else the fallback; throws naming both when neither has them. */
export function findMplpDir(env: NodeJS.ProcessEnv = process.env, fallback = DEFAULT_MPLP_DIR): string {
  const fromEnv = env.PEERCHAT_MPLP_DIR;
  const candidates = fromEnv ? [resolve(fromEnv), fallback] : [fallback];
  const found = candidates.find((dir) => existsSync(join(dir, 'mplp-collab.schema.json')));
  if (found) return found;
  const envPart = fromEnv
    ? `PEERCHAT_MPLP_DIR=${resolve(fromEnv)} (no mplp-collab.schema.json there)`
    : 'PEERCHAT_MPLP_DIR (not set)';
  throw new Error(
    `The MPLP v1.0 schemas were not found: looked in ${envPart} and in ${fallback}. ` +
      'The repository carries them in vendor/mplp (restore that folder from git), or set PEERCHAT_MPLP_DIR to a ' +
      'folder that holds mplp-collab.schema.json.',
  );
}

export interface MplpSchemas {
  dir: string;
  /** Schema files loaded, relative to `dir`. */
  files: string[];
  /** The validator of a schema file, e.g. `mplp-collab.schema.json` or `events/mplp-map-event.schema.json`. */
  validator(file: string, pointer?: string): ValidateFunction;
  /** Validates and returns Ajv's errors as readable lines (empty when valid). */
  errors(file: string, document: unknown, pointer?: string): string[];
  /** Reads a YAML or JSON file of the folder as text. */
  read(file: string): string;
}

/** Loads every schema under the MPLP folder into one Ajv instance (draft-07, as the schemas declare). */
export function loadMplpSchemas(dir = findMplpDir()): MplpSchemas {
  const files = listFiles(dir).filter((file) => file.endsWith('.schema.json'));
  // strict: false — the schemas carry vendor keywords (`x-mplp-meta`) that Ajv's strict mode rejects.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const idOf = new Map<string, string>();
  for (const file of files) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { $id?: string; $schema?: string };
    if (schema.$schema !== 'http://json-schema.org/draft-07/schema#') {
      throw new Error(`${file} declares ${schema.$schema ?? 'no $schema'}; this helper expects draft-07.`);
    }
    const id = schema.$id ?? file;
    ajv.addSchema(schema, id);
    idOf.set(file, id);
  }
  const validator = (file: string, pointer = ''): ValidateFunction => {
    const id = idOf.get(file);
    if (id === undefined) throw new Error(`No schema file ${file} under ${dir}.`);
    const validate = ajv.getSchema(`${id}${pointer ? `#${pointer}` : ''}`);
    if (!validate) throw new Error(`Ajv cannot resolve ${id}#${pointer}.`);
    return validate;
  };
  return {
    dir,
    files,
    validator,
    errors(file, document, pointer) {
      const validate = validator(file, pointer);
      if (validate(document)) return [];
      return (validate.errors ?? []).map(
        (error) =>
          `${file}${pointer ? `#${pointer}` : ''} ${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
      );
    },
    read: (file) => readFileSync(join(dir, file), 'utf8'),
  };
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path)];
  });
}
