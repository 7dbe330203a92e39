// Edge cases of built-in functions where Azure's documented (or observed) result is known:
// each case cites its source.
import { describe, expect, it } from 'vitest';
import { ev, val } from './helpers.js';

describe('object functions: items() and objectKeys() order', () => {
  // Bicep's descriptions: items() "Elements are consistently ordered alphabetically by key";
  // objectKeys() "Elements are consistently ordered alphabetically". Azure/bicep#14057 shows the
  // deployed results: objectKeys({ b: 2, a: 1 }) is ['a', 'b'], and 'A'/'a' compare equal.
  it('objectKeys() sorts the keys, not keeping the object order', () => {
    expect(val("[objectKeys(createObject('b', 2, 'a', 1))]")).toEqual(['a', 'b']);
    expect(val("[objectKeys(createObject('zone', 1, 'Name', 2, 'apple', 3))]")).toEqual(['apple', 'Name', 'zone']);
  });
  it('items() sorts alphabetically, ignoring case', () => {
    const r = val("[items(createObject('b', 1, 'C', 2, 'a', 3))]") as { key: string }[];
    expect(r.map((e) => e.key)).toEqual(['a', 'b', 'C']);
  });
});

describe('string functions: uri()', () => {
  // template-functions-string.md (ms.date 08/01/2025), uri: "If baseUri ends with a trailing slash,
  // the result is simply baseUri followed by relativeUri. If relativeUri also begins with a leading
  // slash, the trailing slash and the leading slash will be combined into one", with the example
  // uri('http://contoso.org/firstpath/', '/myscript.sh') -> http://contoso.org/firstpath/myscript.sh.
  it('keeps the base path when the relative path starts with a slash', () => {
    expect(val("[uri('http://contoso.org/firstpath/', '/myscript.sh')]")).toBe('http://contoso.org/firstpath/myscript.sh');
    expect(val("[uri('https://acct.blob.core.windows.net/artifacts/', '/nested/azuredeploy.json')]")).toBe('https://acct.blob.core.windows.net/artifacts/nested/azuredeploy.json');
  });
  it('still follows the documented examples without a leading slash', () => {
    expect(val("[uri('http://contoso.org/firstpath', 'myscript.sh')]")).toBe('http://contoso.org/myscript.sh');
    expect(val("[uri('http://contoso.org/firstpath/', 'myscript.sh')]")).toBe('http://contoso.org/firstpath/myscript.sh');
    expect(val("[uri('http://contoso.org/firstpath/azuredeploy.json', 'myscript.sh')]")).toBe('http://contoso.org/firstpath/myscript.sh');
    expect(val("[uri('http://contoso.org/firstpath/azuredeploy.json/', 'myscript.sh')]")).toBe('http://contoso.org/firstpath/azuredeploy.json/myscript.sh');
  });
});

describe('string functions: trim()', () => {
  // template-functions-string.md, trim: "Removes all leading and trailing white-space characters";
  // ARM's String.Trim() uses Char.IsWhiteSpace, Unicode's White_Space set.
  it('removes Unicode white space, including U+0085, and keeps the byte order mark', () => {
    expect(val("[trim(json('\"\\u0085 a\\u00a0\\u3000\\u2029\"'))]")).toBe('a');
    expect(val("[trim(json('\"\\ufeffa\\ufeff\"'))]")).toBe('\ufeffa\ufeff');
    expect(val("[trim('    one two three   ')]")).toBe('one two three');
    expect(val("[trim('   ')]")).toBe('');
  });
});

describe('string functions: case-insensitive search keeps positions', () => {
  // template-functions-string.md, indexOf/lastIndexOf: "The comparison is case-insensitive" and the
  // result is "the position of the item to find. The value is zero-based": a position in the
  // string searched, even when lower-casing a character would change its length ('İ').
  it('indexOf/lastIndexOf give positions in the original string', () => {
    expect(val("[indexOf('İstanbul-x', 'x')]")).toBe(9);
    expect(val("[lastIndexOf('İİx', 'X')]")).toBe(2);
    expect(val("[indexOf('abcdef', 'CD')]")).toBe(2);
  });
  it('startsWith/endsWith compare unit by unit, ignoring case', () => {
    expect(val("[startsWith('İx', 'i')]")).toBe(false);
    expect(val("[startsWith('abcdef', 'A')]")).toBe(true);
    expect(val("[endsWith('abcdef', 'EF')]")).toBe(true);
  });
});

describe('string functions: toUpper()/toLower() use the invariant culture', () => {
  // ARM is .NET: toUpper/toLower are ToUpperInvariant/ToLowerInvariant, which map each character
  // (code point) to one character by Unicode's simple case mapping (ICU u_toupper/u_tolower), so a
  // string keeps its length; dotnet/runtime pal_casing.c (GlobalizationNative_ChangeCaseInvariant)
  // leaves U+0131 'ı' unchanged by upper-casing and U+0130 'İ' by lower-casing, as Windows does.
  it("'ß' stays 'ß' in upper case: no 'SS', so a name keeps its length", () => {
    expect(val("[toUpper('straße-vnet')]")).toBe('STRAßE-VNET');
    expect(val("[length(toUpper('straße-vnet'))]")).toBe(11);
    expect(val("[toUpper('ﬁle-share')]")).toBe('ﬁLE-SHARE');
  });
  it("dotted and dotless i keep their dots: 'İ' is not lowered, 'ı' is not raised", () => {
    expect(val("[toLower('İZMİR-RG')]")).toBe('İzmİr-rg');
    expect(val("[toUpper('ıdır')]")).toBe('ıDıR');
    expect(val("[toLower('Istanbul')]")).toBe('istanbul');
  });
  it('a final sigma is lowered as any sigma (no context rules)', () => {
    expect(val("[toLower('ΟΔΟΣ')]")).toBe('οδοσ');
  });
  it('characters outside the BMP and Greek letters with iota have simple mappings', () => {
    expect(val("[toUpper('𐐨x')]")).toBe('𐐀X');
    expect(val("[toLower('𐐀X')]")).toBe('𐐨x');
    expect(val("[toUpper('ᾳ')]")).toBe('ᾼ');
    expect(val("[toUpper('ᾀ')]")).toBe('ᾈ');
    expect(val("[toUpper('ŉ')]")).toBe('ŉ');
  });
});

describe("string functions: case-insensitive comparisons never equate 'ı' and 'I'", () => {
  // indexOf/lastIndexOf/startsWith/endsWith compare ignoring case (template-functions-string.md:
  // "The comparison is case-insensitive"), as .NET's OrdinalIgnoreCase, which, like the invariant
  // casing, treats U+0131 'ı' as having no upper case: dotnet/runtime pal_collation.c
  // AreEqualOrdinalIgnoreCase returns false when either character is U+0131.
  it("'ı' does not match 'I' or 'i'", () => {
    expect(val("[indexOf('kırmızı-vnet', 'I')]")).toBe(-1);
    expect(val("[startsWith('ıdır', 'I')]")).toBe(false);
    expect(val("[endsWith('nic-ı', 'i')]")).toBe(false);
    expect(val("[indexOf('kırmızı-nic', 'NIC')]")).toBe(8);
  });
});

describe('string functions: base64ToString()/base64ToJson() read base64 as .NET does', () => {
  // ARM decodes with .NET's Convert.FromBase64String: "white-space characters are ignored"
  // (space, tab, carriage return, line feed, anywhere in the text), and the rest must be whole
  // four-character groups, with at most two '=' at the end ("Invalid length for a Base-64 char
  // array or string" otherwise): learn.microsoft.com/dotnet/api/system.convert.frombase64string.
  const customData = ['I2Nsb3VkLWNvbmZpZwpwYWNrYWdl', 'czoKICAtIHRjcGR1bXAK'].join('\r\n');
  const template = {
    parameters: { customData: { type: 'string' }, settings: { type: 'string' } },
    resources: [],
  };
  it('line breaks and spaces inside the text are skipped', () => {
    expect(val("[base64ToString(parameters('customData'))]", { template, params: { customData } })).toBe('#cloud-config\npackages:\n  - tcpdump\n');
    expect(val("[base64ToString(' b25l LCB0 d28s IHRo cmVl ')]")).toBe('one, two, three');
    expect(val("[base64ToString('Y Q = =')]")).toBe('a');
    const settings = 'eyJjb21tYW5kVG9FeGVjdXRlIjoi\n\tYmFzaCBpbnN0YWxsLnNoIn0=';
    expect(val("[base64ToJson(parameters('settings'))]", { template, params: { settings } })).toEqual({ commandToExecute: 'bash install.sh' });
  });
  it('a text without its padding, or with a partial group, is an error, as in Azure', () => {
    for (const s of ['YQ', 'YQ=', 'b25lLCB0d28sIHRocmV', 'YQ==YQ==', '!!!!']) {
      const r = ev(`[base64ToString('${s}')]`);
      expect(r.plain, s).toEqual({ $unknown: 'error' });
      expect(r.diags[0]?.message, s).toMatch(/not a valid base64 string/);
    }
  });
});

describe('date functions: a date-time without a time zone is UTC, wherever vtaplint runs', () => {
  // template-functions-date.md, dateTimeAdd: "When the preceding template is deployed with a base
  // time of 2020-04-07 14:53:14Z, the output is: add3YearsOutput 4/7/2023 2:53:14 PM..."; a value
  // written that way (in a parameters file) is a UTC time to Azure, which runs in UTC, as an ISO
  // date-time without a zone already is here. It was read in the local time zone of the machine.
  const inZone = <T>(tz: string, f: () => T): T => {
    const saved = process.env.TZ;
    process.env.TZ = tz;
    try {
      return f();
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  };
  it('the same result in New York, Kolkata and UTC', () => {
    for (const tz of ['America/New_York', 'Asia/Kolkata', 'UTC']) {
      inZone(tz, () => {
        expect(val("[dateTimeAdd('4/7/2020 2:53:14 PM', 'PT1H')]"), tz).toBe('2020-04-07T15:53:14Z');
        expect(val("[dateTimeToEpoch('4/7/2020 2:53:14 PM')]"), tz).toBe(1586271194);
        expect(val("[dateTimeAdd('2020-04-07T14:53:14', 'PT1H')]"), tz).toBe('2020-04-07T15:53:14Z');
        // A zone written in the text still counts.
        expect(val("[dateTimeToEpoch('Tue, 07 Apr 2020 14:53:14 GMT')]"), tz).toBe(1586271194);
      });
    }
  });
});

describe('string functions: uriComponentToString() unescapes as .NET does', () => {
  // ARM's uriComponent() is .NET's Uri.EscapeDataString and uriComponentToString() its
  // Uri.UnescapeDataString, which never fails: an escape that is not '%' and two hex digits, or
  // bytes that are not UTF-8, are left as they are written
  // (learn.microsoft.com/dotnet/api/system.uri.unescapedatastring).
  it('keeps what is not a valid escape instead of failing', () => {
    expect(val("[uriComponentToString('sas%3Dabc%ZZ%2')]")).toBe('sas=abc%ZZ%2');
    expect(val("[uriComponentToString('100%')]")).toBe('100%');
    expect(val("[uriComponentToString('caf%C3%A9%E0%A4%FF')]")).toBe('café%E0%A4%FF');
    expect(val("[uriComponentToString('%F0%9F%98%80-%C3%A9')]")).toBe('😀-é');
  });
  it('still decodes the documented example', () => {
    expect(val("[uriComponentToString('http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json')]")).toBe('http://contoso.com/resources/nested/azuredeploy.json');
    expect(val("[uriComponentToString('a+b%20c')]")).toBe('a+b c');
  });
});

describe("string functions: string() writes JSON as Newtonsoft.Json does", () => {
  // string() of an array or object is its compact JSON text (template-functions-string.md, string:
  // objectOutput {"valueA":10,"valueB":"Example Text"}), written by Newtonsoft.Json, whose
  // JavaScriptUtils.WriteEscapedJavaScriptString also escapes U+0085, U+2028 and U+2029 and writes a
  // lone surrogate as it is (JSON.stringify does the opposite for both).
  const template = { parameters: { motd: { type: 'string' } }, resources: [] };
  it('escapes next line and the line and paragraph separators', () => {
    const motd = 'line one\u2028line two\u2029end\u0085';
    expect(val("[string(createObject('motd', parameters('motd')))]", { template, params: { motd } })).toBe('{"motd":"line one\\u2028line two\\u2029end\\u0085"}');
    expect(val("[string(createArray(parameters('motd'), 'tab\there'))]", { template, params: { motd: 'a\u2028b' } })).toBe('["a\\u2028b","tab\\there"]');
  });
  it('writes a lone surrogate as it is, and a pair as it is', () => {
    expect(val("[string(createArray(json('\"x\\ud800\"'), '😀'))]")).toBe('["x\ud800","😀"]');
  });
  it('keeps the usual escapes', () => {
    expect(val("[string(createArray('q\"b\\', json('\"\\u0001\\u001f\"')))]")).toBe('["q\\"b\\\\","\\u0001\\u001f"]');
  });
});

describe('comparison functions: equals() of strings is case-sensitive', () => {
  // The equals.json sample (Azure/azure-docs-json-samples, 2024-09-25) compares 'demo' with 'Demo';
  // no stored doc table gives its result, so the conformance suite filed it as runtime-dependent,
  // but it is not: ARM's string comparisons are case-sensitive (MicrosoftDocs/azure-docs#15656), and
  // Bicep's case-insensitive =~ compiles to equals(toLower(a), toLower(b)) (bicep-operators-comparison).
  it("equals('demo', 'Demo') is false, the =~ form is true", () => {
    expect(val("[equals('demo', 'Demo')]")).toBe(false);
    expect(val("[equals(toLower('demo'), toLower('Demo'))]")).toBe(true);
    expect(val("[equals(createObject('a', 'b'), createObject('A', 'b'))]")).toBe(true);
  });
});

describe('date functions: dateTimeAdd() adds 30 days for a month', () => {
  // bicep-functions-date.md (ms.date 10/12/2023), dateTimeAdd, Remarks: dateTimeAdd('2023-01-31
  // 00:00:00Z', 'P1M') is 2023-03-02T00:00:00Z, "not 2023-02-28T00:00:00Z", and from 2024-01-31 it
  // is 2024-03-01T00:00:00Z: a month is 30 days (XmlConvert.ToTimeSpan), not a calendar month
  // clamped at its end; the result is written yyyy-MM-ddTHH:mm:ssZ.
  it('matches the documented month-end examples', () => {
    expect(val("[dateTimeAdd('2023-01-31 00:00:00Z', 'P1M')]")).toBe('2023-03-02T00:00:00Z');
    expect(val("[dateTimeAdd('2024-01-31 00:00:00Z', 'P1M')]")).toBe('2024-03-01T00:00:00Z');
    expect(val("[dateTimeAdd('2020-04-07 14:53:14Z', 'P3Y')]")).toBe('2023-04-07T14:53:14Z');
    expect(val("[dateTimeAdd('2020-04-07 14:53:14Z', '-P9D')]")).toBe('2020-03-29T14:53:14Z');
  });
});

describe('date functions: dateTimeFromEpoch() range', () => {
  // bicep-functions-date.md, dateTimeFromEpoch: "Converts an epoch time integer value to an ISO 8601
  // datetime"; .NET's DateTimeOffset.FromUnixTimeSeconds takes -62135596800 (0001-01-01) to
  // 253402300799 (9999-12-31T23:59:59Z) and throws outside, as ARM's dates cannot go before year 1.
  it('accepts year 1 to 9999 and nothing before', () => {
    expect(val('[dateTimeFromEpoch(-62135596800)]')).toBe('0001-01-01T00:00:00Z');
    expect(val('[dateTimeFromEpoch(253402300799)]')).toBe('9999-12-31T23:59:59Z');
    expect(val('[dateTimeFromEpoch(1683040573)]')).toBe('2023-05-02T15:16:13Z');
    for (const n of ['-62135596801', '-253402300799', '253402300800']) {
      const r = ev(`[dateTimeFromEpoch(${n})]`);
      expect(r.plain, n).toEqual({ $unknown: 'error' });
      expect(r.diags[0]?.message, n).toMatch(/out of range/);
    }
  });
});

describe('date functions: standard date formats are the invariant culture', () => {
  // template-functions-date.md / bicep-functions-date.md, utcNow: with format 'd' the output is
  // "03/05/2019" and with 'M d' "3 5": .NET's invariant culture (ShortDatePattern MM/dd/yyyy),
  // not en-US (M/d/yyyy). dateTimeAdd()'s format parameter takes the same .NET format strings.
  const at = (f: string): unknown => val(`[dateTimeAdd('2019-03-05T17:53:18Z', 'PT0S', '${f}')]`);
  it('matches the documented utcNow() outputs', () => {
    expect(at('d')).toBe('03/05/2019');
    expect(at('M d')).toBe('3 5');
  });
  it('writes the other standard formats with the invariant patterns', () => {
    expect(at('D')).toBe('Tuesday, 05 March 2019');
    expect(at('f')).toBe('Tuesday, 05 March 2019 17:53');
    expect(at('F')).toBe('Tuesday, 05 March 2019 17:53:18');
    expect(at('g')).toBe('03/05/2019 17:53');
    expect(at('G')).toBe('03/05/2019 17:53:18');
    expect(at('m')).toBe('March 05');
    expect(at('t')).toBe('17:53');
    expect(at('T')).toBe('17:53:18');
    expect(at('U')).toBe('Tuesday, 05 March 2019 17:53:18');
    expect(at('y')).toBe('2019 March');
    // The culture-free ones are unchanged.
    expect(at('u')).toBe('2019-03-05 17:53:18Z');
    expect(at('s')).toBe('2019-03-05T17:53:18');
    expect(at('o')).toBe('2019-03-05T17:53:18.0000000Z');
    expect(at('r')).toBe('Tue, 05 Mar 2019 17:53:18 GMT');
  });
});

describe('string functions: the text of a non-integer number is .NET\'s', () => {
  // A number that is not an integer comes from json() or a parameter value; string(), concat() and
  // format('{0}') write it as .NET's Double.ToString() does, and string() of an array or object as
  // Newtonsoft does (the same shortest digits): fixed notation for exponents -4 to 14, otherwise
  // scientific with 'E', a sign and two digits at least (0.000001 is '1E-06', where JavaScript
  // writes '0.000001').
  it('small and large non-integers use .NET scientific notation', () => {
    expect(val("[string(json('0.000001'))]")).toBe('1E-06');
    expect(val("[string(json('[0.0000015, 0.5]'))]")).toBe('[1.5E-06,0.5]');
    expect(val("[concat('threshold-', json('0.00000025'))]")).toBe('threshold-2.5E-07');
    expect(val("[format('{0}', json('1000000000000000.5'))]")).toBe('1.0000000000000005E+15');
  });
  it('ordinary decimals are unchanged', () => {
    expect(val("[string(json('0.0001'))]")).toBe('0.0001');
    expect(val("[string(json('{\"ratio\": 1.5}'))]")).toBe('{"ratio":1.5}');
    expect(val("[format('{0}', json('-0.25'))]")).toBe('-0.25');
    expect(val("[string(json('0.00001'))]")).toBe('1E-05');
  });
});
