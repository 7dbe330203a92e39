// Shared test helpers: run the CLI in-process and collect what it prints; make a folder of files.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A new temporary folder holding `files` (paths relative to it, folders made as needed). */
export function workspace(files: Record<string, string>, prefix = 'vtaplint-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export async function cli(args: string[], cwd = REPO): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

export interface JsonFinding {
  ruleId: string;
  level: string;
  kind: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The resource it is about ("Microsoft.Compute/virtualMachines/vm"), or null. */
  resource: string | null;
  fingerprint: string;
  related: { file: string; line: number; column: number; message: string }[];
}

export async function findingsOf(args: string[], cwd = REPO): Promise<{ code: number; findings: JsonFinding[]; stderr: string }> {
  const r = await cli([...args, '--format', 'json'], cwd);
  const doc = JSON.parse(r.stdout) as { findings: JsonFinding[] };
  return { code: r.code, findings: doc.findings, stderr: r.stderr };
}
