// The GitHub Actions runner protocol, without @actions/core: inputs from INPUT_* variables,
// outputs and the job summary through the files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, and
// workflow commands on standard output (escaped as @actions/core escapes them).
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { escapeData, escapeProperty } from '../report/github.js';

export type Env = Record<string, string | undefined>;

export interface Runner {
  env: Env;
  /** Writes one line to the log (standard output), where the runner reads workflow commands. */
  log(line: string): void;
}

/** An input as @actions/core's getInput reads it: INPUT_<NAME> with spaces as underscores, trimmed. */
export function getInput(r: Runner, name: string): string {
  return (r.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * A multi-line input: one value per line, trimmed, blank lines dropped. Only line breaks separate
 * values (as action.yml says): a comma belongs to the value, as in the glob `infra/{a,b}.json` or
 * a file name with a comma, and splitting there turned such a glob into two paths matching nothing.
 */
export function getList(r: Runner, name: string): string[] {
  return getInput(r, name)
    .split(/\r\n|\r|\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A `name<<delimiter` block for the GITHUB_OUTPUT / GITHUB_ENV files (safe for any value). */
export function fileCommand(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`unexpected delimiter in output ${name}`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

export function setOutput(r: Runner, name: string, value: string): void {
  const file = r.env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, fileCommand(name, value));
  // Runners before GITHUB_OUTPUT (and some local emulators) read the deprecated command.
  else r.log(`::set-output name=${escapeProperty(name)}::${escapeData(value)}`);
}

export function appendSummary(r: Runner, markdown: string): boolean {
  const file = r.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown);
  return true;
}

export interface AnnotationProps {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

/** `::error file=…,line=…::message` (and warning / notice). */
export function annotation(kind: 'error' | 'warning' | 'notice', message: string, props: AnnotationProps = {}): string {
  const parts = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${kind}${parts.length ? ` ${parts.join(',')}` : ''}::${escapeData(message)}`;
}
