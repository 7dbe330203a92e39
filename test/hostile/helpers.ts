// Hostile-input tests: a temporary lint root holding one hostile file next to a good template,
// linted in-process; the good template's findings must be those of a run on it alone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, REPO, type JsonFinding } from '../helpers.js';

/** A template with one known finding (vtap-supported-region), the neighbour of every hostile file. */
export const GOOD = 'good.json';
const GOOD_TEXT = readFileSync(path.join(REPO, 'fixtures/vtap-supported-region/fail-unsupported.json'));

export interface Notification {
  level: string;
  message: string;
  file: string | null;
}

export interface HostileRun {
  code: number;
  stderr: string;
  /** Findings of the files other than good.json. */
  findings: JsonFinding[];
  notifications: Notification[];
  /** good.json's findings in this run, and in a run on it alone. */
  good: JsonFinding[];
  goodAlone: JsonFinding[];
}

export class Root {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'vtaplint-hostile-'));
    writeFileSync(path.join(this.dir, GOOD), GOOD_TEXT);
  }

  write(rel: string, content: string | Uint8Array): string {
    const p = path.join(this.dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  }

  path(rel: string): string {
    return path.join(this.dir, rel);
  }

  /** Lints `args` (default: the whole root) with good.json, then good.json alone. */
  async lint(args: string[] = ['.'], extra: string[] = []): Promise<HostileRun> {
    const withGood = args.includes('.') ? args : [...args, GOOD];
    const r = await cli([...withGood, ...extra, '--format', 'json'], this.dir);
    const doc = JSON.parse(r.stdout) as { findings: JsonFinding[]; notifications: Notification[] };
    const alone = await cli([GOOD, '--format', 'json'], this.dir);
    const aloneDoc = JSON.parse(alone.stdout) as { findings: JsonFinding[] };
    return {
      code: r.code,
      stderr: r.stderr,
      findings: doc.findings.filter((f) => f.file !== GOOD),
      notifications: doc.notifications,
      good: doc.findings.filter((f) => f.file === GOOD),
      goodAlone: aloneDoc.findings,
    };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** rule|line|column of each finding, for exact comparisons. */
export const where = (fs: readonly JsonFinding[]): string[] => fs.map((f) => `${f.ruleId}|${f.line}|${f.column}`);

/** An ARM template around the given sections. */
export function template(sections: Record<string, unknown>): string {
  return JSON.stringify(
    { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [], ...sections },
    null,
    2,
  );
}
