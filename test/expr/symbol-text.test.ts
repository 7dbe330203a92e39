// readableSymbol: the symbol of a value known only at deployment, shown as a template writes it.
import { describe, expect, test } from 'vitest';
import { readableSymbol } from '../../src/expr/symbol-text.js';
import { Unknown } from '../../src/expr/value.js';
import { ev } from './helpers.js';

describe('readableSymbol', () => {
  test('the ids of the resource group and the subscription come back to their names, strings to ARM quotes', () => {
    expect(readableSymbol('uniqueString("/subscriptions/"+subscription().subscriptionId+"/resourceGroups/"+resourceGroup().name)')).toBe('uniqueString(resourceGroup().id)');
    expect(readableSymbol('substring(uniqueString("/subscriptions/"+subscription().subscriptionId+"/resourceGroups/"+resourceGroup().name,deployment().name),3,6)')).toBe('substring(uniqueString(resourceGroup().id, deployment().name), 3, 6)');
    expect(readableSymbol('uniqueString("/subscriptions/"+subscription().subscriptionId)')).toBe('uniqueString(subscription().id)');
    expect(readableSymbol('uniqueString("/subscriptions/"+subscription().subscriptionId+"/resourceGroups/"+resourceGroup().name+"/providers/x")')).toBe("uniqueString(concat(resourceGroup().id, '/providers/x'))");
    expect(readableSymbol('toLower("stor"+parameters(\'it\'\'s+x\'))')).toBe("toLower(concat('stor', parameters('it''s+x')))");
    expect(readableSymbol('uniqueString("it\'s \\"q\\"")')).toBe("uniqueString('it''s \"q\"')");
    expect(readableSymbol('uniqueString({"a":parameters(\'x\'),"b":[1,"c"]})')).toBe("uniqueString({'a': parameters('x'), 'b': [1, 'c']})");
  });

  test("a module's or nested deployment's own values are shown without the index that keeps them apart (it leaked into messages: 'deployment#0:parameters(...)')", () => {
    expect(readableSymbol("deployment#0:parameters('prefix')")).toBe("parameters('prefix')");
    expect(readableSymbol('toLower("x-"+deployment#12:parameters(\'name\'))')).toBe("toLower(concat('x-', parameters('name')))");
  });

  test('a plain symbol, and one it cannot read, are shown as they are', () => {
    expect(readableSymbol("parameters('vmName')")).toBe("parameters('vmName')");
    expect(readableSymbol('deployment().properties.templateLink.uri')).toBe('deployment().properties.templateLink.uri');
    expect(readableSymbol('f("unterminated)')).toBe('f("unterminated)');
    expect(readableSymbol('f("a",')).toBe('f("a",');
  });

  test('the symbols the evaluator gives read as the expressions were written', () => {
    const symbol = (expr: string) => {
      const { value } = ev(expr);
      expect(value).toBeInstanceOf(Unknown);
      return readableSymbol((value as Unknown).symbol ?? '');
    };
    expect(symbol("[uniqueString(resourceGroup().id, deployment().name)]")).toBe('uniqueString(resourceGroup().id, deployment().name)');
    expect(symbol("[toLower(uniqueString(subscription().id))]")).toBe('toLower(uniqueString(subscription().id))');
  });
});
