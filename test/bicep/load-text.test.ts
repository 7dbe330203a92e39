// loadTextContent(), loadJsonContent() and loadYamlContent() decode their file as the Bicep
// compiler does (a .NET StreamReader with the named encoding and byte order mark detection):
// bytes the encoding cannot decode become U+FFFD, a byte order mark wins over the named encoding,
// and none of this is an error: the compiler compiles such files.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLoadedText } from '../../src/bicep/load-text.js';
import { cli, findingsOf, workspace } from '../helpers.js';

const utf16le = (s: string): Buffer => Buffer.from(s, 'utf16le');
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

describe('Bicep load functions: text as the compiler decodes it', () => {
  it('a file that is not valid UTF-8 (Windows-1252, binary) loads with U+FFFD, without an error', async () => {
    const dir = workspace({
      'main.bicep': [
        "var latin = loadTextContent('scripts/latin1.ps1')",
        "var bin = loadTextContent('cert.bin')",
        "var bomWins = loadTextContent('le-bom.txt', 'utf-8')",
        "var utf8BomWins = loadTextContent('utf8-bom.txt', 'utf-16')",
        "var cfg = loadJsonContent('be.json', '.name', 'utf-16BE')",
        "var wide = loadTextContent('utf32.txt')",
        'output latin string = latin',
        'output bin string = bin',
        'output bomWins string = bomWins',
        'output utf8BomWins string = utf8BomWins',
        'output cfg string = cfg',
        'output wide string = wide',
        '',
      ].join('\n'),
    });
    mkdirSync(path.join(dir, 'scripts'), { recursive: true });
    writeFileSync(path.join(dir, 'scripts/latin1.ps1'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(path.join(dir, 'cert.bin'), Buffer.from([0x41, 0x00, 0xff, 0x42]));
    writeFileSync(path.join(dir, 'le-bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('tap-1')]));
    writeFileSync(path.join(dir, 'utf8-bom.txt'), Buffer.from('\uFEFFcollector', 'utf8'));
    writeFileSync(path.join(dir, 'be.json'), utf16be('{"name": "vtap-be"}'));
    writeFileSync(path.join(dir, 'utf32.txt'), Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0, 0x00, 0xf6, 0x01, 0x00]));
    const lint = await findingsOf(['main.bicep'], dir);
    expect(lint.findings.filter((f) => f.level === 'error').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
    const r = await cli(['eval', 'main.bicep'], dir);
    expect(r.code).toBe(0);
    const outputs = (JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> }).outputs;
    expect(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v.value]))).toEqual({
      latin: 'caf\uFFFD\n',
      bin: 'A\u0000\uFFFDB',
      bomWins: 'tap-1',
      utf8BomWins: 'collector',
      cfg: 'vtap-be',
      wide: 'A\u{1F600}',
    });
  });

  it('an encoding the load functions do not take is still an error, for loadJsonContent() too', async () => {
    const dir = workspace({ 'main.bicep': "var c = loadJsonContent('c.json', '.a', 'utf-32')\noutput c string = c\n", 'c.json': '{"a": "x"}' });
    const lint = await findingsOf(['main.bicep'], dir);
    expect(lint.findings.filter((f) => f.level === 'error').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      "1:41 loadJsonContent(): unknown encoding 'utf-32' (one of: us-ascii, iso-8859-1, utf-16, utf-16be, utf-8)",
    ]);
  });

  it('decodes ASCII with a ? for each byte above 127, and a truncated UTF-32 unit as U+FFFD', () => {
    expect(decodeLoadedText(Uint8Array.from([0x41, 0xe9, 0x42]), 'US-ASCII')).toBe('A?B');
    expect(decodeLoadedText(Uint8Array.from([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x41, 0x00]))).toBe('A\uFFFD');
  });
});
