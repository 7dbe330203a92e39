// Text from templates (resource names, parameter values, file names) reaches terminals and CI logs
// inside messages. Control characters in it were written raw: ESC starts ANSI and OSC sequences
// (`\u001b]0;title\u0007` retitles the terminal, `\u001b[2J` clears it, colours hide text), the C1
// CSI (\u009b) does the same on some terminals, and bidirectional overrides reorder what is shown
// ("Trojan Source"). Every human-readable format shows them as escapes (`\u001b`) instead: visible
// and inert. Tab, line feed and carriage return are left to the callers (the line formats fold
// white space to one space; GitHub's workflow commands escape them as %0A and %0D).

/** Whether the UTF-16 unit is a control or a bidirectional formatting character (not \t, \n, \r). */
function unsafe(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c < 0x7f) return false;
  if (c <= 0x9f) return true; // DEL and C1
  return c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** `s` with control and bidirectional formatting characters written as `\uXXXX`. */
export function printable(s: string): string {
  let i = 0;
  while (i < s.length && !unsafe(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += unsafe(c) ? `\\u${c.toString(16).padStart(4, '0')}` : s[i];
  }
  return out;
}

/** One line of text for a terminal: printable, with every run of white space one space. */
export function oneLine(s: string): string {
  return printable(s).replace(/\s+/g, ' ');
}

/**
 * A file path on a one-line format (compact, unix): printable, with line ends written as `\u000a`
 * and `\u000d` too. A file named with a line feed split its finding over two lines, which the
 * problem matchers reading those formats take as two (the first without a line or message).
 */
export function printablePath(s: string): string {
  return printable(s).replace(/[\n\r]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
