// Reads a YAML program file and reports every problem with its line, so a city analyst can fix
// the file without reading a stack trace.
import { isNode, LineCounter, parseDocument } from 'yaml';
import { checkProgram, type ProgramIssue } from '../../domain/program/check-program.js';
import { type ProgramFile, programFileSchema } from '../../domain/program/program-schema.js';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * Where a field of a (syntactically valid) YAML program file is: "file.yaml:42". For problems found
 * after parsing, such as an email Slack does not know.
 */
export function yamlLocator(text: string, fileName: string): (path: ProgramIssue['path']) => string {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return `${fileName}:${lineCounter.linePos(node.range[0]).line}`;
    }
    return `${fileName}:?`;
  };
}

export function readYamlProgram(text: string, fileName: string): ReadResult<ProgramFile> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => `${fileName}:${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`),
    };
  }
  const lineOf = (path: ProgramIssue['path']): string => {
    // Walk up the path until a node with a position is found (a missing field has none).
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return String(lineCounter.linePos(node.range[0]).line);
    }
    return '?';
  };
  const format = (i: ProgramIssue) => `${fileName}:${lineOf(i.path)}: ${i.path.join('.') || '(file)'}: ${i.message}`;

  const parsed = programFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => format({ path: i.path as ProgramIssue['path'], message: i.message })),
    };
  }
  const issues = checkProgram(parsed.data);
  if (issues.length > 0) return { ok: false, errors: issues.map(format) };
  return { ok: true, value: parsed.data };
}
