// A finding's related locations are listed once each.
import { describe, expect, it } from 'vitest';
import { distinctRelated } from '../src/engine/related.js';
import { SourceText } from '../src/model/source.js';
import { TextSpan } from '../src/model/span.js';

describe('distinctRelated', () => {
  const file = new SourceText('/virtual/main.bicep', "param a string\nparam b string\n", 'bicep');
  const a = new TextSpan(file, 0, 14);
  const b = new TextSpan(file, 15, 29);
  it('keeps the first of each place and message, in order', () => {
    const given = "the value of parameter 'a' is given here";
    const list = [
      { span: a, message: given },
      { span: b, message: "the value of parameter 'b' is given here" },
      { span: new TextSpan(file, 0, 14), message: given },
      { span: a, message: 'another message at the same place' },
    ];
    expect(distinctRelated(list).map((r) => r.message)).toEqual([given, "the value of parameter 'b' is given here", 'another message at the same place']);
  });
});
