// Text from a template reaches the terminal inside messages: a resource named with an escape
// sequence ("\u001b]0;pwned\u0007" retitles the terminal) was written raw by every line format.
// Control and bidirectional formatting characters are now shown as \uXXXX escapes; the GitHub
// format still escapes line ends as workflow commands require.
import { describe, expect, test } from 'vitest';
import { cli, workspace } from './helpers.js';
import { printable } from '../src/report/printable.js';

const NAME = 'tap\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil\u0000\u007f';
const template = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  resources: [{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: NAME, location: 'westeurope', properties: {} }],
});
// What may be written: printable text, line feeds, and (stylish with --color) its own SGR colours.
const ESC = String.fromCharCode(0x1b);
const withoutColours = (s: string) => s.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/u, ''))).join('');
/** The control and bidirectional formatting characters in `s` (line feeds aside), as code points. */
function raw(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) out.push(c);
  }
  return out;
}

describe('control characters from templates are not written raw', () => {
  test.each([
    ['stylish', ['--color']],
    ['stylish', ['--no-color']],
    ['compact', []],
    ['unix', []],
    ['github', []],
  ])('%s %j', async (format: string, rest: string[]) => {
    const dir = workspace({ 'azuredeploy.json': template });
    const r = await cli(['azuredeploy.json', '--format', format, ...rest], dir);
    expect(r.stdout).toContain('vtap-supported-region');
    expect(raw(withoutColours(r.stdout))).toEqual([]);
    expect(r.stdout).toContain('tap\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eevil\\u0000\\u007f');
  });

  test('printable() leaves ordinary text (tabs and line ends too) as it is', () => {
    const s = "TAP 'web-tap' in 'westeurope'\t\r\n héllo ✓ 日本";
    expect(printable(s)).toBe(s);
    expect(printable('a\u001bb\u2066c')).toBe('a\\u001bb\\u2066c');
  });
});

describe('a file name with a line end stays on its finding\'s line', () => {
  test.each(['compact', 'unix'])('%s', async (format: string) => {
    const dir = workspace({ 'a\nb\rc.json': template });
    const r = await cli(['.', '--format', format], dir);
    const lines = r.stdout.split('\n').filter((l) => l.includes('vtap-supported-region'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('a\\u000ab\\u000dc.json');
    // Every line with a finding starts with the path: none begins inside a file name.
    expect(r.stdout.split('\n').filter((l) => l !== '' && !/problem/.test(l)).every((l) => l.includes('a\\u000ab\\u000dc.json'))).toBe(true);
  });
});
