const __vtaplintBundleUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports2, module2) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports2) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports2.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports2.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports2.isRegexChar = (str) => str.length === 1 && exports2.hasRegexChars(str);
    exports2.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports2.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports2.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports2.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports2.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports2.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports2.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports2.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports2.basename = (path11, { windows } = {}) => {
      const segs = path11.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports2, module2) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts2 = options || {};
      const length = input.length - 1;
      const scanToEnd = opts2.parts === true || opts2.tokens === true || opts2.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index2 = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index2 >= length;
      const peek = () => str.charCodeAt(index2 + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index2);
      };
      while (index2 < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index2);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index2 === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index2 + 1;
          continue;
        }
        if (opts2.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index2 === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts2.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index2 === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts2.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts2.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts2.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts2.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts2.parts === true || opts2.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts2.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts2.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index2 = 0;
      const chars = [];
      while (index2 < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index2), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index2 += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse3 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts2 = { ...options };
      const max = typeof opts2.maxLength === "number" ? Math.min(MAX_LENGTH, opts2.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts2.prepend || "" };
      const tokens = [bos];
      const capture = opts2.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts2.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts3) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts3.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts2.dot ? "" : NO_DOT;
      const qmarkNoDot = opts2.dot ? QMARK : QMARK_NO_DOT;
      let star = opts2.bash === true ? globstar(opts2) : STAR;
      if (opts2.capture) {
        star = `(${star})`;
      }
      if (typeof opts2.noext === "boolean") {
        opts2.noextglob = opts2.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts2.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push3 = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts2.capture ? "(" : "") + token.open;
        increment("parens");
        push3({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push3({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts2);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts2.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open2 = tokens[token.tokensIndex];
          open2.type = "text";
          open2.value = literal;
          open2.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open2.output;
          state.backtrack = true;
          push3({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts2.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts2);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse3(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push3({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts2.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index2) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index2 === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts2.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts2.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts2.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push3({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts2.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push3({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts2.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts2.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts2.keepQuotes === true) {
            push3({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push3({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts2.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push3({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts2.nobracket === true || !remaining().includes("]")) {
            if (opts2.nobracket !== true && opts2.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push3({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts2.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push3({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts2.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push3({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts2.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts2.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts2.nobrace !== true) {
          increment("braces");
          const open2 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open2);
          push3(open2);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts2.nobrace === true || !brace) {
            push3({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts2);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push3({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push3({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push3({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push3({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push3({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push3({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts2.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push3({ type: "text", value, output });
            continue;
          }
          if (opts2.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push3({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push3({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts2.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts2.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts2.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts2.regex === false) {
            push3({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push3({ type: "plus", value });
            continue;
          }
          push3({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts2.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push3({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push3({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push3({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts2.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts2.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts2.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push3({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push3({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts2);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts2) + (opts2.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts2)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push3({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts2)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push3({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts2);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts2.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push3(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts2.regex === true) {
          token.output = value;
          push3(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts2.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push3(token);
      }
      while (state.brackets > 0) {
        if (opts2.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts2.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts2.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts2.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push3({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse3.fastpaths = (input, options) => {
      const opts2 = { ...options };
      const max = typeof opts2.maxLength === "number" ? Math.min(MAX_LENGTH, opts2.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts2.windows);
      const nodot = opts2.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts2.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts2.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts2.bash === true ? ".*?" : STAR;
      if (opts2.capture) {
        star = `(${star})`;
      }
      const globstar = (opts3) => {
        if (opts3.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts3.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts2);
          case "**/*":
            return `(?:${nodot}${globstar(opts2)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts2)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts2)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts2.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module2.exports = parse3;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    var scan = require_scan();
    var parse3 = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts2 = options || {};
      const posix = opts2.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts2.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts2.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts2.onResult === "function") {
          opts2.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts2.onIgnore === "function") {
            opts2.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts2.onMatch === "function") {
          opts2.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts2 = options || {};
      const format2 = opts2.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format2 ? format2(input) : input;
      if (match === false) {
        output = format2 ? format2(input) : input;
        match = output === glob;
      }
      if (match === false || opts2.capture === true) {
        if (opts2.matchBase === true || opts2.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse3(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts2 = options || {};
      const prepend = opts2.contains ? "" : "^";
      const append = opts2.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse3.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse3(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts2 = options || {};
        return new RegExp(source, opts2.flags || (opts2.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants2;
    module2.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports2, module2) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module2.exports = picomatch2;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports2.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// src/cli/worker.ts
var import_node_worker_threads = require("node:worker_threads");

// src/engine/rule.ts
function defineRule(meta, docs, check) {
  return { meta, docs, check };
}

// rules/invalid-template.md
var invalid_template_default = '# invalid-template\n\n**Level:** error \xB7 **Tags:** core\n\n## What it checks\nThat every file vtaplint lints can be read: ARM JSON that parses (comments, trailing commas and\nraw line breaks inside strings are accepted, as Azure accepts them), Bicep that parses, template\nexpressions (`"[...]"`) that are well formed (every one in the file, also those no rule\nevaluates), and a template structure Azure can deploy (a resource\nhas a `type` and a `name`, the name has one segment per type segment).\n\nWhere rules follow the deployment order (templates with vTAP resources), a `dependsOn` entry\nmust name a resource of the same template, as ARM requires ("The resource \'...\' is not defined in\nthe template"): one that names a resource a nested deployment or another template deploys, or\nthat names nothing at all (a misspelled `resourceId(\'Microsoft.Network/virtualNetworkTaps\', \'tap-1\')`\nfor the TAP `tap1`, which would also leave the VM unordered after the TAP), is this error. An entry\nis judged only when it is certain: not when a resource of the template has a name known only at\ndeployment, two resources share the name, or the entry has an empty segment.\n\nResources that depend on each other in a cycle are this error too, once per cycle, at the entry\nthat closes it, with the resources in order: ARM rejects the template ("Circular dependency detected\non resource"). In ARM JSON (where rules follow the deployment order), the edges are `dependsOn`\nentries (ids, names, copy loop names, symbolic names) and `reference()`/`list*()` calls by name; an\nentry whose target is not known is no edge, and only resources deployed whatever the parameters\ncount (not a resource whose condition is known only at deployment, nor a loop whose count is). A\nchild nested in its parent\'s `resources` is not ordered after it by ARM unless its `dependsOn` says\nso, so nesting alone makes no edge. In Bicep, the compiler rejects declarations that reference each\nother in a cycle (BCP080: modules reading each other\'s outputs, a TAP and its destination NIC naming\neach other, directly, through variables or in `dependsOn`) or one that references itself (BCP079: a\nmodule given its own output), in every file.\n\nA module, linked template (`templateLink.relativePath`), `load*()` file or `.bicepparam` `using`\ntemplate that does not exist is reported with its path as written: "the module \'modules/tap.bicep\'\ndoes not exist".\n\nIn Bicep, every call of a built-in function is checked where it is written, also in properties\nno rule reads: a function that does not exist (Bicep names are case-sensitive: `toupper()` is not\n`toUpper()`), an ARM function Bicep does not have (`parameters()`, `variables()`, `if()`,\n`createArray()`, `createObject()`), or a sys function given the wrong number of arguments. The\nnames and argument counts are the Bicep compiler\'s own (`src/bicep/functions.generated.ts`, from\nthe compiler of 2026-08-21): a function added to Bicep after that is reported until the list is\nregenerated (`scripts/gen-bicep-functions.mjs`); suppress the finding on that line meanwhile.\nUser-defined and imported functions, `sys.`/`az.` names, `list*()` and, in a file that declares\nextensions, unknown unqualified names are accepted.\nFiles that `load*()` functions read are held to the compiler\'s size limits (BCP184):\n`loadTextContent()` 131,072 characters, `loadFileAsBase64()` 98,304 bytes, `loadJsonContent()` and\n`loadYamlContent()` 1,048,576 characters. A larger file is this error, and its content is unknown.\n\n## Why it matters\nAzure rejects a template it cannot parse before deploying anything. vtaplint cannot check what it\ncannot read, so the other rules say nothing about the broken part; the rest of the file, and all\nother files, are still linted.\n\n## How to fix\nGo to the line and column in the message and correct the syntax there.\n\n## Examples\nFailing (ARM JSON): a missing comma.\n```json\n{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0"\n  "resources": []\n}\n```\nPassing:\n```json\n{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": []\n}\n```\nFailing (Bicep): an unterminated string.\n```bicep\nparam location string = \'eastus\n```\nFailing (Bicep): a function name in the wrong case, and a wrong number of arguments.\n```bicep\nvar name = toupper(\'tap\')\nvar short = substring(\'tap-eastus\')\n```\nPassing:\n```bicep\nvar name = toUpper(\'tap\')\nvar short = substring(\'tap-eastus\', 0, 3)\n```\n';

// rules/invalid-template.ts
var invalid_template_default2 = defineRule(
  {
    id: "invalid-template",
    name: "InvalidTemplate",
    shortDescription: "The file or an expression in it cannot be parsed.",
    fullDescription: "The template (ARM JSON or Bicep), a parameters file, or a template expression inside it cannot be parsed. Azure rejects such a template, and no other check can look at the part that is broken.",
    defaultLevel: "error",
    tags: ["core"],
    precision: "very-high"
  },
  invalid_template_default,
  () => {
  }
);

// rules/evaluation-error.md
var evaluation_error_default = '# evaluation-error\n\n**Level:** error \xB7 **Tags:** core\n\n## What it checks\nvtaplint evaluates every template expression the way Azure Resource Manager does. When Azure would\nfail to evaluate one, for example `int(\'abc\')`, `variables(\'x\')` where `x` refers back to itself,\na `copy` count above ARM\'s limit of 800, or an explicit `fail()`, this rule reports it at the exact\nexpression.\n\nvtaplint evaluates what its rules read. Every other expression of an ARM JSON template is still\nchecked, wherever it is (also in a resource whose condition is false): a call of a function that\ndoes not exist, a call with the wrong number of arguments, and `parameters(\'x\')` or\n`variables(\'x\')` for a name the template does not declare (in the scope the expression reads:\na nested template with `"scope": "inner"` has its own names, a user-defined function reads its\nown parameters). Azure rejects those whatever the parameters are. The branches of `if()`, the\nlater arguments of `and()` and `or()`, and lambda bodies run only on some paths, and Azure does\nnot evaluate a path it does not take, so there only syntax is checked (`invalid-template`).\n\n## Why it matters\nAzure rejects the deployment when it reaches that expression: nothing after it is deployed, and\nfor vTAP that can mean a TAP configuration is never created.\n\n## How to fix\nCorrect the expression at the reported position; the message says what Azure expects.\n\n## Examples\nA variable is evaluated where it is used: here in a copy count, which is always evaluated (a\nvariable nothing reads, or one read only by an output, is not; outputs are evaluated by\n`vtaplint eval`).\n\nFailing (ARM JSON):\n```json\n"variables": { "count": "[int(\'three\')]" },\n"resources": [\n  {\n    "copy": { "name": "nics", "count": "[variables(\'count\')]" },\n    "type": "Microsoft.Network/networkInterfaces",\n    "apiVersion": "2024-05-01",\n    "name": "[format(\'nic{0}\', copyIndex())]",\n    "location": "eastus",\n    "properties": {}\n  }\n]\n```\nPassing: the same with `"count": "[int(\'3\')]"`.\n\nFailing (Bicep):\n```bicep\nvar count = int(\'three\')\nresource nics \'Microsoft.Network/networkInterfaces@2024-05-01\' = [for i in range(0, count): {\n  name: \'nic${i}\'\n  location: \'eastus\'\n  properties: {}\n}]\n```\nPassing (Bicep): the same with `var count = int(\'3\')`.\n';

// rules/evaluation-error.ts
var evaluation_error_default2 = defineRule(
  {
    id: "evaluation-error",
    name: "EvaluationError",
    shortDescription: "An expression or declaration that Azure would reject when it deploys the template.",
    fullDescription: "Evaluating the template as Azure does fails: a function gets arguments of the wrong type, an index is out of range, a copy count is above 800, a variable refers to itself, fail() is called, and so on. Azure stops the deployment at that point.",
    defaultLevel: "error",
    tags: ["core"],
    precision: "high"
  },
  evaluation_error_default,
  () => {
  }
);

// rules/limit-exceeded.md
var limit_exceeded_default = '# limit-exceeded\n\n**Level:** warning \xB7 **Tags:** core\n\n## What it checks\nThat the input stays within the limits vtaplint sets for itself: file size, JSON nesting depth,\nexpression length and depth, evaluation steps, string, array and object sizes, and the number of\nresources in one template.\n\n## Why it matters\nA template that reaches a limit is not fully analysed: rules may miss problems in the part that was\ncut off. The limits exist so that a hostile template in a pull request cannot hang the PR gate.\n\n## How to fix\nIf the template is legitimate, raise the limit named in the message in `vtaplint.config.json`.\nOtherwise simplify the template.\n\n## Examples\nFailing (ARM JSON): a variable that doubles a string sixty times (`s2` to `s60` as `s1`, each\ndoubling the one before), used in a resource\'s name: past 4,194,304 characters it is cut off\n(limit `maxStringLength`).\n```json\n"variables": { "s0": "x", "s1": "[concat(variables(\'s0\'), variables(\'s0\'))]", "...": "...", "s60": "[concat(variables(\'s59\'), variables(\'s59\'))]" },\n"resources": [\n  { "type": "Microsoft.Network/networkInterfaces", "apiVersion": "2024-05-01", "name": "[variables(\'s60\')]", "location": "eastus", "properties": {} }\n]\n```\nPassing: ordinary templates never reach the limits.\n';

// rules/limit-exceeded.ts
var limit_exceeded_default2 = defineRule(
  {
    id: "limit-exceeded",
    name: "LimitExceeded",
    shortDescription: "A part of the input is too large or too deep to analyse within vtaplint\u2019s limits.",
    fullDescription: "vtaplint bounds the work it does for any input (file size, nesting depth, evaluation steps, string and array sizes, number of resources), so that a hostile or broken template cannot hang a CI job. When a limit is reached the affected part is not analysed; findings that do not depend on it are still reported.",
    defaultLevel: "warning",
    tags: ["core"],
    precision: "very-high"
  },
  limit_exceeded_default,
  () => {
  }
);

// rules/unused-suppression.md
var unused_suppression_default = '# unused-suppression\n\n**Level:** warning \xB7 **Tags:** core\n\n## What it checks\nEvery suppression vtaplint reads:\n\n| Where | Form |\n| --- | --- |\n| Bicep | `// vtaplint-disable-next-line <rule-id> -- <reason>` (also in a `/* */` comment) |\n| Bicep | `#disable-next-line <rule-id>` and `#disable-diagnostics` / `#restore-diagnostics` with vtaplint rule ids (Bicep\'s own codes are left to Bicep) |\n| ARM JSON with comments | `// vtaplint-disable-next-line <rule-id> -- <reason>` |\n| ARM JSON | a resource\'s `"metadata": {"vtaplint": {"suppress": {"<rule-id>": "<reason>"}}}` (findings inside that resource declaration, or about that resource) |\n| `vtaplint.config.json` | `"suppressions": [{"rule": "<rule-id>", "files": "<glob>", "resource": "<name>", "reason": "...", "expires": "YYYY-MM-DD"}]` |\n\nA suppression is reported when:\n- it suppresses no finding (the problem was fixed, or the rule is off, or it is on the wrong line);\n- its `expires` date has passed (the suppressed finding is reported again as well);\n- it names a rule vtaplint does not have;\n- it gives no reason (Bicep\'s `#` directives have no place for one and are exempt).\n\nA config suppression is only called unused when a linted file matches its `files`, so linting a\nfew files (pre-commit) does not flag the suppressions of the others.\n\n## Why it matters\nSuppressed findings are accepted risks. When the code changes, a forgotten suppression silently\nhides the next real problem on that line; a suppression without a reason cannot be reviewed.\n\n## How to fix\nRemove the suppression, renew it with a new date and a reason, or add the reason.\n\n## Examples\nFailing: the comment is above a line without a `vtap-destination-type` finding.\n```bicep\n// vtaplint-disable-next-line vtap-destination-type -- collector VM is a partner appliance\nparam location string = \'eastus\'\n```\nPassing: the TAP is in a region without virtual network TAP, so the suppression has a\n`vtap-supported-region` finding to suppress.\n```json\n{\n  "type": "Microsoft.Network/virtualNetworkTaps",\n  "apiVersion": "2023-09-01",\n  "name": "tap1",\n  "location": "westeurope",\n  "metadata": { "vtaplint": { "suppress": { "vtap-supported-region": "region enabled for our subscription by support ticket 1234" } } },\n  "properties": {}\n}\n```\n';

// rules/unused-suppression.ts
var unused_suppression_default2 = defineRule(
  {
    id: "unused-suppression",
    name: "UnusedSuppression",
    shortDescription: "A suppression suppresses nothing, has expired, names no rule, or gives no reason.",
    fullDescription: "A vtaplint suppression (a // vtaplint-disable-next-line comment, a Bicep #disable-next-line directive, a resource's metadata.vtaplint.suppress entry, or a suppressions entry of the config) that no finding needs any more, whose expiry date has passed, that names an unknown rule, or that does not say why the finding is acceptable. Stale suppressions hide the next real problem on that line.",
    defaultLevel: "warning",
    tags: ["core"],
    precision: "very-high"
  },
  unused_suppression_default,
  () => {
  }
);

// src/expr/value.ts
var INDEX_FROM = 16;
var SLOTS = 6;
var lowerNames = /* @__PURE__ */ new Map();
var MAX_LOWER_NAMES = 4096;
function lowerName(key2) {
  let lower3 = lowerNames.get(key2);
  if (lower3 === void 0) {
    lower3 = key2.toLowerCase();
    if (lowerNames.size < MAX_LOWER_NAMES) lowerNames.set(key2, lower3);
  }
  return lower3;
}
var ObjectValue = class _ObjectValue {
  // Properties in insertion order, six slots each in one array: original spelling, lowercased
  // name, value, the template property name it was evaluated from (see Entry.src), value span and
  // key span (nearly every evaluated object gets a span asked for, so no separate array). Every
  // evaluated resource body and nested object is one of these: a Map with an entry object per
  // property cost several times the data. The array is allocated at the size asked for (no
  // push-grown slack); `count` says how many properties it holds.
  data;
  count = 0;
  /** Lowercased name → position, built on first lookup of a large object. */
  #index;
  /** The span of the object as a whole, when it came from one template object. */
  span;
  /**
   * Set for the runtime state of a resource (what reference() returns): the declared properties
   * are known, and any other property is not missing but only known at deployment, for this reason.
   */
  runtime;
  // The template origin as two fields (no object of its own per evaluated object): see `origin`.
  originContainer;
  originSpan;
  /** `capacity`: the number of properties expected (more can be set; the storage then grows). */
  constructor(capacity = 0) {
    this.data = capacity > 0 ? new Array(SLOTS * capacity) : [];
  }
  /**
   * The template object it was evaluated from. Entries set with setFromTemplate() get their spans
   * from it on first request: most entries are never reported, and two spans per property of every
   * evaluated resource would dominate memory on large templates.
   */
  get origin() {
    return this.originContainer !== void 0 && this.originSpan !== void 0 ? { container: this.originContainer, span: this.originSpan } : void 0;
  }
  set origin(o) {
    this.originContainer = o?.container;
    this.originSpan = o?.span;
  }
  static from(entries) {
    const o = new _ObjectValue(Array.isArray(entries) ? entries.length : 0);
    for (const [k, v] of entries) o.set(k, v);
    return o;
  }
  get size() {
    return this.count;
  }
  /** The position of a property, or -1. */
  find(key2) {
    const lower3 = lowerName(key2);
    const d = this.data;
    const n = this.count;
    if (n < INDEX_FROM) {
      for (let i = 0; i < n; i++) if (d[SLOTS * i + 1] === lower3) return i;
      return -1;
    }
    if (!this.#index) {
      this.#index = /* @__PURE__ */ new Map();
      for (let i = 0; i < n; i++) this.#index.set(d[SLOTS * i + 1], i);
    }
    return this.#index.get(lower3) ?? -1;
  }
  has(key2) {
    return this.find(key2) >= 0;
  }
  get(key2) {
    const i = this.find(key2);
    return i >= 0 ? this.data[SLOTS * i + 2] : void 0;
  }
  /** The entry (original key spelling, value and spans). */
  entry(key2) {
    const i = this.find(key2);
    return i >= 0 ? this.withSpans(i) : void 0;
  }
  /** Entry `i` as stored (spans not derived). */
  raw(i) {
    const d = this.data;
    const b = SLOTS * i;
    return {
      key: d[b],
      value: d[b + 2],
      span: d[b + 4],
      keySpan: d[b + 5],
      src: d[b + 3]
    };
  }
  /**
   * Entry `i` with its spans derived from the origin. The value span is kept (later requests get
   * the same span object: rules compare an unknown's reason span with value spans by identity,
   * and a derived span can become a reason's span). A derived key span is not kept: key spans are
   * only ever reported, never compared by identity, and located() asks for every property's.
   */
  withSpans(i) {
    this.valueSpan(i);
    const e = this.raw(i);
    const src = e.src;
    if (src !== void 0 && this.originContainer !== void 0 && this.originSpan !== void 0) e.keySpan ??= this.originSpan.keySpan(this.originContainer, src);
    return e;
  }
  /** The value span of entry `i`, derived from the origin once and kept (see withSpans). */
  valueSpan(i) {
    const d = this.data;
    const b = SLOTS * i;
    let span = d[b + 4];
    if (span === void 0) {
      const src = d[b + 3];
      if (src !== void 0 && this.originContainer !== void 0 && this.originSpan !== void 0) {
        span = this.originSpan.child(this.originContainer, src);
        d[b + 4] = span;
      }
    }
    return span;
  }
  /**
   * Sets a property evaluated from `srcKey` of this object's template origin whose value span is
   * already at hand (the one it was evaluated with); the key's span is derived on request.
   */
  setFromTemplateAt(key2, value, srcKey, span) {
    this.put(key2, value, span, void 0, srcKey);
  }
  /** Sets a property evaluated from `srcKey` of this object's template origin (spans derived on request). */
  setFromTemplate(key2, value, srcKey) {
    this.put(key2, value, void 0, void 0, srcKey);
  }
  /** Sets a property; an existing key keeps its position and takes the new spelling, as ARM's JSON objects do. */
  set(key2, value, span, keySpan) {
    this.put(key2, value, span, keySpan, void 0);
  }
  put(key2, value, span, keySpan, src) {
    let i = this.find(key2);
    let d = this.data;
    if (i < 0) {
      i = this.count++;
      if (SLOTS * this.count > d.length) {
        const grown = new Array(SLOTS * Math.max(4, Math.ceil(this.count * 1.5)));
        for (let j = 0; j < SLOTS * i; j++) grown[j] = d[j];
        d = this.data = grown;
      }
      d[SLOTS * i + 1] = lowerName(key2);
      this.#index?.set(lowerName(key2), i);
    }
    const b = SLOTS * i;
    d[b] = key2;
    d[b + 2] = value;
    d[b + 3] = src;
    d[b + 4] = span;
    d[b + 5] = keySpan;
  }
  delete(key2) {
    const i = this.find(key2);
    if (i < 0) return false;
    const d = this.data;
    for (let j = SLOTS * i; j < SLOTS * (this.count - 1); j++) d[j] = d[j + SLOTS];
    for (let j = SLOTS * (this.count - 1); j < SLOTS * this.count; j++) d[j] = void 0;
    this.count--;
    this.#index = void 0;
    return true;
  }
  keys() {
    const out = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.data[SLOTS * i];
    return out;
  }
  values() {
    const out = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.data[SLOTS * i + 2];
    return out;
  }
  entries() {
    const out = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = [this.data[SLOTS * i], this.data[SLOTS * i + 2]];
    return out;
  }
  /** The name of property `i` in insertion order (0 <= i < size); with valueAt(), a walk that allocates nothing. */
  keyAt(i) {
    return this.data[SLOTS * i];
  }
  /** The value of property `i` in insertion order (0 <= i < size). */
  valueAt(i) {
    return this.data[SLOTS * i + 2];
  }
  /** The value span of property `i`, derived from the origin and kept as entry() does. */
  spanAt(i) {
    return this.valueSpan(i);
  }
  /** The position of property `key` (case-insensitive) for keyAt/valueAt/spanAt, or -1: a look-up that builds no entry. */
  indexOf(key2) {
    return this.find(key2);
  }
  /** Entries with their spans. */
  located() {
    const out = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.withSpans(i);
    return out;
  }
};
var Unknown = class {
  constructor(reason, type, parts, symbol, about, oneOf, atMost, branches) {
    this.reason = reason;
    this.type = type;
    this.parts = parts;
    this.symbol = symbol;
    this.about = about;
    this.oneOf = oneOf;
    this.atMost = atMost;
    this.branches = branches;
  }
  reason;
  type;
  parts;
  symbol;
  about;
  oneOf;
  atMost;
  branches;
  /** What is known about it, for messages. */
  get description() {
    const a = this.about;
    return a === void 0 || typeof a === "string" ? a : a.describe();
  }
};
function typeOf(v) {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
      return "int";
    case "string":
      return "string";
    default:
      if (Array.isArray(v)) return "array";
      if (v instanceof ObjectValue) return "object";
      return "unknown";
  }
}
var arraySpans = /* @__PURE__ */ new WeakMap();
var ORIGIN = /* @__PURE__ */ Symbol("vtaplint.origin");
function setElementSpans(arr, spans) {
  arraySpans.set(arr, spans);
}
function setElementOrigin(arr, container, span) {
  arr[ORIGIN] = { container, span };
}
function elementSpan(arr, index2) {
  const explicit = arraySpans.get(arr)?.[index2];
  if (explicit) return explicit;
  const origin = arr[ORIGIN];
  return origin && index2 < origin.container.length ? origin.span.child(origin.container, index2) : void 0;
}
var NODES_MEMO_FROM = 64;
var nodesMemo = /* @__PURE__ */ new WeakMap();
function valueNodes(v) {
  if (Array.isArray(v)) {
    const hit = nodesMemo.get(v);
    if (hit !== void 0) return hit;
    let n = 1;
    for (const x of v) n += valueNodes(x);
    if (n > NODES_MEMO_FROM) nodesMemo.set(v, n);
    return n;
  }
  if (v instanceof ObjectValue) {
    const hit = nodesMemo.get(v);
    if (hit !== void 0) return hit;
    let n = 1;
    for (const x of v.values()) n += valueNodes(x);
    if (n > NODES_MEMO_FROM) nodesMemo.set(v, n);
    return n;
  }
  return 1;
}

// src/graph/located.ts
function at(base, ...path11) {
  let cur = base;
  for (const key2 of path11) {
    const v = cur.value;
    if (v === void 0 || v === null) return { value: void 0, span: cur.span };
    if (v instanceof Unknown) return cur;
    if (v instanceof ObjectValue && typeof key2 === "string") {
      const i = v.indexOf(key2);
      if (i < 0) return { value: void 0, span: cur.span };
      cur = { value: v.valueAt(i), span: v.spanAt(i) ?? cur.span };
    } else if (Array.isArray(v) && typeof key2 === "number") {
      if (key2 < 0 || key2 >= v.length) return { value: void 0, span: cur.span };
      cur = { value: v[key2], span: elementSpan(v, key2) ?? cur.span };
    } else return { value: void 0, span: cur.span };
  }
  return cur;
}
function elements(base) {
  const v = base.value;
  if (!Array.isArray(v)) return [];
  return v.map((item, i) => ({ value: item, span: elementSpan(v, i) ?? base.span }));
}

// src/expr/ops.ts
function fromJson(j) {
  if (j === null || j === void 0) return null;
  if (typeof j === "string" || typeof j === "boolean" || typeof j === "number") return j;
  if (Array.isArray(j)) return j.map(fromJson);
  if (typeof j === "object") {
    const o = new ObjectValue();
    for (const k of Object.keys(j)) o.set(k, fromJson(j[k]));
    return o;
  }
  return null;
}
function unknownPropertyName(u) {
  const parts = u.parts ?? (u.symbol !== void 0 ? [u] : void 0);
  if (!parts) return void 0;
  return `{${parts.map((p) => typeof p === "string" ? p : `{${p.symbol ?? "?"}}`).join("")}}`;
}
function findUnknown(v, depth = 0) {
  if (v instanceof Unknown) return v;
  if (depth > 200) return void 0;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = findUnknown(x, depth + 1);
      if (u) return u;
    }
  } else if (v instanceof ObjectValue) {
    for (const x of v.values()) {
      const u = findUnknown(x, depth + 1);
      if (u) return u;
    }
  }
  return void 0;
}
function typeName(v) {
  const t = typeOf(v);
  switch (t) {
    case "int":
      return Number.isInteger(v) ? "Integer" : "Float";
    case "bool":
      return "Boolean";
    case "string":
      return "String";
    case "array":
      return "Array";
    case "object":
      return "Object";
    case "null":
      return "Null";
    default:
      return "Unknown";
  }
}
function jsonString(s) {
  return JSON.stringify(s);
}
function armJsonText(v, out = [], depth = 0) {
  if (depth > 512) return false;
  if (v instanceof Unknown) return false;
  if (v === null) out.push("null");
  else if (typeof v === "string") out.push(jsonString(v));
  else if (typeof v === "number" || typeof v === "boolean") out.push(String(v));
  else if (Array.isArray(v)) {
    out.push("[");
    for (let i = 0; i < v.length; i++) {
      if (i) out.push(",");
      if (!armJsonText(v[i], out, depth + 1)) return false;
    }
    out.push("]");
  } else {
    out.push("{");
    let first = true;
    for (const [k, x] of v.entries()) {
      if (!first) out.push(",");
      first = false;
      out.push(jsonString(k), ":");
      if (!armJsonText(x, out, depth + 1)) return false;
    }
    out.push("}");
  }
  return true;
}
function foldCase(s) {
  if (!/[^\u0020-\u007e]/.test(s)) return s.toUpperCase();
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const u = c.toUpperCase();
    out += u.length === 1 ? u : c;
  }
  return out;
}
function armToString(v) {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return String(v);
  if (v === null) return "";
  const out = [];
  return armJsonText(v, out) ? out.join("") : void 0;
}
function deepEquals(a, b, depth = 0) {
  if (a instanceof Unknown || b instanceof Unknown) return unknownEquals(a, b);
  if (depth > 256) return void 0;
  if (a === b) return true;
  const ta = typeOf(a);
  if (ta !== typeOf(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let unsure = false;
    for (let i = 0; i < a.length; i++) {
      const r = deepEquals(a[i], b[i], depth + 1);
      if (r === false) return false;
      if (r === void 0) unsure = true;
    }
    return unsure ? void 0 : true;
  }
  if (a instanceof ObjectValue && b instanceof ObjectValue) {
    if (a.size !== b.size) return false;
    let unsure = false;
    for (const [k, x] of a.entries()) {
      if (!b.has(k)) return false;
      const r = deepEquals(x, b.get(k), depth + 1);
      if (r === false) return false;
      if (r === void 0) unsure = true;
    }
    return unsure ? void 0 : true;
  }
  return false;
}
function unknownEquals(a, b) {
  if (a instanceof Unknown && b instanceof Unknown) {
    if (a.symbol !== void 0 && a.symbol === b.symbol) return true;
    const sa = symbolicKey(a);
    if (sa !== void 0 && sa === symbolicKey(b)) return true;
  }
  const u = a instanceof Unknown ? a : b;
  const other = u === a ? b : a;
  if (typeof other === "string" && u.parts) {
    const first = u.parts[0];
    const last = u.parts[u.parts.length - 1];
    if (typeof first === "string" && !other.startsWith(first)) return false;
    if (typeof last === "string" && !other.endsWith(last)) return false;
  }
  if (u.type && other !== null && !(other instanceof Unknown) && typeOfKnown(other) !== u.type) return false;
  return void 0;
}
function typeOfKnown(v) {
  const t = typeOf(v);
  return t === "unknown" ? void 0 : t;
}
function symbolicKey(v) {
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof Unknown) {
    if (v.symbol !== void 0) return v.symbol;
    if (v.parts) {
      const out = [];
      for (const p of v.parts) {
        const k = typeof p === "string" ? JSON.stringify(p) : symbolicKey(p);
        if (k === void 0) return void 0;
        out.push(k);
      }
      return out.join("+");
    }
    return void 0;
  }
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  if (Array.isArray(v)) {
    const out = [];
    for (const x of v) {
      const k = symbolicKey(x);
      if (k === void 0) return void 0;
      out.push(k);
    }
    return `[${out.join(",")}]`;
  }
  if (v instanceof ObjectValue) {
    const out = [];
    for (const [key2, x] of v.entries()) {
      const k = symbolicKey(x);
      if (k === void 0) return void 0;
      out.push(`${JSON.stringify(key2.toLowerCase())}:${k}`);
    }
    return `{${out.join(",")}}`;
  }
  return void 0;
}
var MAX_STRING_PARTS = 1024;
var sharedStrings = /* @__PURE__ */ new Map();
var MAX_SHARED_STRINGS = 4096;
var MAX_SHARED_LENGTH = 512;
function shareString(s) {
  if (s.length > MAX_SHARED_LENGTH) return s;
  const known3 = sharedStrings.get(s);
  if (known3 !== void 0) return known3;
  if (sharedStrings.size >= MAX_SHARED_STRINGS) sharedStrings.clear();
  sharedStrings.set(s, s);
  return s;
}
function partialString(pieces, description, reason) {
  let known3 = 0;
  let last = "";
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (typeof p !== "string") {
      known3 = -1;
      break;
    }
    if (p !== "") {
      known3++;
      last = p;
    }
  }
  if (known3 >= 0) return known3 <= 1 ? last : shareString(pieces.join(""));
  const parts = scratchParts;
  let firstUnknown;
  try {
    for (const p of pieces) {
      if (typeof p !== "string") firstUnknown ??= p;
      addPiece(p);
      if (parts.length + (scratchRun.length ? 1 : 0) > MAX_STRING_PARTS) return new Unknown(reason ?? firstUnknown.reason, "string", void 0, void 0, description);
    }
    endRun();
    if (!firstUnknown) return parts.length === 0 ? "" : parts[0];
    if (parts.length === 1 && parts[0] instanceof Unknown && !description) return parts[0];
    return new Unknown(reason ?? firstUnknown.reason, "string", parts.slice(), void 0, description);
  } finally {
    scratchParts.length = 0;
    scratchRun.length = 0;
  }
}
var scratchParts = [];
var scratchRun = [];
function endRun() {
  const run = scratchRun;
  if (run.length) scratchParts.push(run.length === 1 ? run[0] : shareString(run.join("")));
  run.length = 0;
}
function addPiece(p) {
  if (typeof p === "string") {
    if (p !== "") scratchRun.push(p);
    return;
  }
  if (p.parts && p.symbol === void 0) for (const q of p.parts) addPiece(q);
  else {
    endRun();
    scratchParts.push(p);
  }
}

// src/graph/resource-id.ts
var oneKnown = /* @__PURE__ */ new Map();
var oneUnknown = /* @__PURE__ */ new Map();
var MAX_SHARED_SEGMENTS = 4096;
var EMPTY_SEGMENT = [];
function oneSegment(p) {
  if (typeof p === "string") {
    let s2 = oneKnown.get(p);
    if (s2 === void 0) {
      if (oneKnown.size >= MAX_SHARED_SEGMENTS) oneKnown.clear();
      oneKnown.set(p, s2 = [p]);
    }
    return s2;
  }
  if (p.symbol === void 0) return [p];
  let s = oneUnknown.get(p);
  if (s === void 0) {
    if (oneUnknown.size >= MAX_SHARED_SEGMENTS) oneUnknown.clear();
    oneUnknown.set(p, s = [p]);
  }
  return s;
}
function splitSegments(v) {
  const pieces = typeof v === "string" ? [v] : v instanceof Unknown && v.parts ? flattenParts(v.parts) : [];
  if (pieces.length === 0) return void 0;
  const out = [];
  let cur;
  let one;
  let n = 0;
  for (const p of pieces) {
    if (typeof p !== "string") {
      if (n === 0) one = p;
      else (cur ??= [one]).push(p);
      n++;
      continue;
    }
    let from = 0;
    for (; ; ) {
      const slash = p.indexOf("/", from);
      const b = slash < 0 ? p.slice(from) : p.slice(from, slash);
      if (b !== "") {
        if (n === 0) one = b;
        else (cur ??= [one]).push(b);
        n++;
      }
      if (slash < 0) break;
      out.push(n === 0 ? EMPTY_SEGMENT : n === 1 ? oneSegment(one) : cur.slice());
      cur = void 0;
      one = void 0;
      n = 0;
      from = slash + 1;
    }
  }
  out.push(n === 0 ? EMPTY_SEGMENT : n === 1 ? oneSegment(one) : cur.slice());
  return out.slice();
}
function flattenParts(parts) {
  const out = [];
  for (const p of parts) {
    if (p instanceof Unknown && p.parts) out.push(...flattenParts(p.parts));
    else out.push(p);
  }
  return out;
}
function segmentText(s) {
  return s.every((p) => typeof p === "string") ? s.join("") : void 0;
}
var opaqueCounter = 0;
var opaqueKeys = /* @__PURE__ */ new WeakMap();
function segmentKey(s) {
  if (s.length === 1) return pieceKey(s[0]);
  return s.map(pieceKey).join("");
}
function pieceKey(p) {
  if (typeof p === "string") return p.toLowerCase();
  if (p.symbol) return `{${p.symbol.toLowerCase()}}`;
  let k = opaqueKeys.get(p);
  if (!k) {
    k = `{?${++opaqueCounter}}`;
    opaqueKeys.set(p, k);
  }
  return k;
}
function parseResourceId(v) {
  const segs = splitSegments(v);
  if (!segs || segs.length < 3) return void 0;
  if (typeof v === "string" && !v.startsWith("/")) return void 0;
  if (v instanceof Unknown) {
    const first = flattenParts(v.parts ?? [])[0];
    if (typeof first !== "string" || !first.startsWith("/")) return void 0;
  }
  return idFromBody(segs.slice(1).filter((seg) => seg.length > 0)) ?? idFromBody(segs.slice(1));
}
function idFromBody(body) {
  let p = -1;
  for (let i = body.length - 2; i >= 0; i--) {
    if (segmentText(body[i])?.toLowerCase() === "providers") {
      p = i;
      break;
    }
  }
  if (p < 0) return void 0;
  const namespace = segmentText(body[p + 1]);
  if (!namespace) return void 0;
  const rest = body.slice(p + 2);
  if (rest.length < 2 || rest.length % 2 !== 0) return void 0;
  const types = [];
  const names = [];
  for (let i = 0; i < rest.length; i += 2) {
    const t = segmentText(rest[i]);
    if (!t) return void 0;
    types.push(t);
    names.push(rest[i + 1]);
  }
  return { scope: body.slice(0, p), namespace, types: types.slice(), names: names.slice() };
}
function fullType(id, depth = id.types.length) {
  return [id.namespace, ...id.types.slice(0, depth)].join("/");
}
function relativeKey(id, depth = id.types.length) {
  const k = [id.namespace.toLowerCase()];
  for (let i = 0; i < depth; i++) k.push("/", id.types[i].toLowerCase(), "/", segmentKey(id.names[i]));
  return k.join("");
}
function sameScope(a, b) {
  if (a.length !== b.length) return false;
  let undecided = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const tx = x.length === 1 && typeof x[0] === "string" ? x[0] : void 0;
    const ty = y.length === 1 && typeof y[0] === "string" ? y[0] : void 0;
    if (tx !== void 0 && ty !== void 0) {
      if (tx !== ty && tx.toLowerCase() !== ty.toLowerCase()) return false;
      continue;
    }
    if (segmentKey(x) === segmentKey(y)) continue;
    if (segmentText(x) !== void 0 && segmentText(y) !== void 0) return false;
    undecided = true;
  }
  return undecided ? void 0 : true;
}
function scopeKey(id) {
  return id.scope.map(segmentKey).join("/");
}
function resourceKey(id) {
  return [scopeKey(id), "|", relativeKey(id)].join("");
}
function truncateId(id, depth) {
  return { scope: id.scope, namespace: id.namespace, types: id.types.slice(0, depth), names: id.names.slice(0, depth) };
}
function formatId(id) {
  const parts = id.scope.map(segmentDisplay);
  parts.push("providers", id.namespace);
  id.types.forEach((t, i) => parts.push(t, segmentDisplay(id.names[i])));
  return `/${parts.join("/")}`;
}
function describeId(id) {
  const names = idNames(id);
  const where = [];
  const sub = subscriptionOf(id);
  const rg = resourceGroupOf(id);
  const own2 = (s, symbol) => s === void 0 || s.length === 1 && s[0] instanceof Unknown && s[0].symbol === symbol;
  if (!own2(sub, "subscription().subscriptionId")) where.push(`subscription '${segmentDisplay(sub)}'`);
  if (!own2(rg, "resourceGroup().name")) where.push(`resource group '${segmentDisplay(rg)}'`);
  return `'${names}' (${fullType(id)}${where.length ? ` in ${where.join(", ")}` : ""})`;
}
function idNames(id) {
  return id.names.map(segmentDisplay).join("/");
}
function segmentDisplay(s) {
  return s.map((p) => typeof p === "string" ? p : `{${p.symbol ?? "?"}}`).join("");
}
function subscriptionOf(id) {
  for (let i = 0; i + 1 < id.scope.length; i++) {
    if (segmentText(id.scope[i])?.toLowerCase() === "subscriptions") return id.scope[i + 1];
  }
  return void 0;
}
function resourceGroupOf(id) {
  for (let i = 0; i + 1 < id.scope.length; i++) {
    if (segmentText(id.scope[i])?.toLowerCase() === "resourcegroups") return id.scope[i + 1];
  }
  return void 0;
}
function idValue(id) {
  const parts = [];
  let text = "";
  const flush = () => {
    if (text) parts.push(text);
    text = "";
  };
  const addSeg = (s) => {
    text += "/";
    for (const p of s) {
      if (typeof p === "string") text += p;
      else {
        flush();
        parts.push(p);
      }
    }
  };
  id.scope.forEach(addSeg);
  addSeg(["providers"]);
  addSeg([id.namespace]);
  id.types.forEach((t, i) => {
    addSeg([t]);
    addSeg(id.names[i]);
  });
  flush();
  const unknown = parts.find((p) => p instanceof Unknown);
  if (!unknown) return parts.join("");
  return new Unknown(unknown.reason, "string", parts, void 0, `a resource id of type ${fullType(id)}`);
}

// src/graph/vtap.ts
var TYPES = {
  tap: "Microsoft.Network/virtualNetworkTaps",
  tapConfig: "Microsoft.Network/networkInterfaces/tapConfigurations",
  nic: "Microsoft.Network/networkInterfaces",
  vm: "Microsoft.Compute/virtualMachines",
  vmss: "Microsoft.Compute/virtualMachineScaleSets",
  lb: "Microsoft.Network/loadBalancers",
  vnet: "Microsoft.Network/virtualNetworks",
  subnet: "Microsoft.Network/virtualNetworks/subnets",
  peering: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
  publicIp: "Microsoft.Network/publicIPAddresses",
  nsg: "Microsoft.Network/networkSecurityGroups",
  privateLinkService: "Microsoft.Network/privateLinkServices"
};
function deployedOfType(graph, type) {
  return graph.ofType(type).filter((r) => !r.existing);
}
function taps(graph) {
  return deployedOfType(graph, TYPES.tap);
}
function tapSources(graph) {
  const known3 = sourcesByGraph.get(graph);
  if (known3) return known3;
  const out = findTapSources(graph);
  sourcesByGraph.set(graph, out);
  return out;
}
var sourcesByGraph = /* @__PURE__ */ new WeakMap();
var INLINE_READ_ONLY_FROM = "2019-09-01";
function findTapSources(graph) {
  const out = [];
  for (const r of graph.resources) {
    if (r.existing) continue;
    const type = r.type.toLowerCase();
    if (type === TYPES.tapConfig.toLowerCase()) {
      const tap = optionalValue(at(r.root, "properties", "virtualNetworkTap"), CERTAIN);
      const tapId = optionalValue(at(tap.at, "id"), tap);
      const parentId = truncateId(r.id, r.id.types.length - 1);
      const nic = r.parent ? { kind: "resource", resource: r.parent } : { kind: "external", id: parentId };
      out.push({ declaration: "child", nic, config: r, holder: r, tapId: tapId.at, tap: graph.resolve(tapId.at.value), at: r.root, when: tapId.when, options: tapId.options });
    } else if (type === TYPES.nic.toLowerCase()) {
      const inlineIgnored = typeof r.apiVersion === "string" && r.apiVersion.slice(0, 10) >= INLINE_READ_ONLY_FROM;
      for (const cfg of inlineIgnored ? [] : optionalElements(at(r.root, "properties", "tapConfigurations"), CERTAIN)) {
        const tap = optionalValue(at(cfg.at, "properties", "virtualNetworkTap"), cfg);
        const tapId = optionalValue(at(tap.at, "id"), tap);
        out.push({ declaration: "inline", nic: { kind: "resource", resource: r }, config: void 0, holder: r, tapId: tapId.at, tap: graph.resolve(tapId.at.value), at: cfg.at, when: tapId.when, options: tapId.options });
      }
      for (const ipc of optionalElements(at(r.root, "properties", "ipConfigurations"), CERTAIN)) {
        for (const entry of optionalElements(at(ipc.at, "properties", "virtualNetworkTaps"), ipc)) {
          const tapId = optionalValue(at(entry.at, "id"), entry);
          out.push({ declaration: "ipconfig", nic: { kind: "resource", resource: r }, config: void 0, holder: r, tapId: tapId.at, tap: graph.resolve(tapId.at.value), at: entry.at, when: tapId.when, options: tapId.options });
        }
      }
    } else if (type === TYPES.vmss.toLowerCase()) {
      for (const nicConfig of optionalElements(at(r.root, "properties", "virtualMachineProfile", "networkProfile", "networkInterfaceConfigurations"), CERTAIN)) {
        for (const ipc of optionalElements(at(nicConfig.at, "properties", "ipConfigurations"), nicConfig)) {
          for (const entry of optionalElements(at(ipc.at, "properties", "virtualNetworkTaps"), ipc)) {
            const tapId = optionalValue(at(entry.at, "id"), entry);
            const nic = { kind: "scaleSet", scaleSet: r, configuration: nameOf(nicConfig.at), ipConfiguration: nameOf(ipc.at) };
            out.push({ declaration: "scaleset", nic, config: void 0, holder: r, tapId: tapId.at, tap: graph.resolve(tapId.at.value), at: entry.at, when: tapId.when, options: tapId.options });
          }
        }
      }
    }
  }
  return [...out.filter((s) => !s.when), ...out.filter((s) => s.when)];
}
var CERTAIN = { when: void 0 };
function optionsOf(v) {
  return v instanceof Unknown ? v.branches ?? v.oneOf : void 0;
}
function optionalElements(base, parent) {
  const v = base.value;
  if (Array.isArray(v)) return elements(base).map((e) => ({ ...pick(parent), at: e }));
  const options = optionsOf(v);
  if (!(v instanceof Unknown) || !options) return [];
  const same = (a, b) => a === b || deepEquals(a, b) === true;
  const seen = [];
  const out = [];
  for (const option of options) {
    if (!Array.isArray(option)) continue;
    option.forEach((item, i) => {
      if (seen.some((s) => same(s, item))) return;
      seen.push(item);
      const holding = /* @__PURE__ */ new Set();
      options.forEach((o, k) => {
        if (Array.isArray(o) && o.some((x) => same(x, item))) holding.add(k);
      });
      const at2 = { value: item, span: elementSpan(option, i) ?? base.span };
      out.push(holding.size === options.length || parent.when ? { ...pick(parent), at: at2 } : { at: at2, when: v, options: holding });
    });
  }
  return out;
}
function optionalValue(base, parent) {
  const v = base.value;
  const options = optionsOf(v);
  if (!(v instanceof Unknown) || !options || !options.some((o) => o === null)) return { ...pick(parent), at: base };
  const set = [];
  const holding = /* @__PURE__ */ new Set();
  options.forEach((o, k) => {
    if (o === null) return;
    holding.add(k);
    if (!set.some((s) => s === o || deepEquals(s, o) === true)) set.push(o);
  });
  const at2 = set.length === 1 ? { value: set[0], span: base.span } : base;
  return parent.when ? { ...pick(parent), at: at2 } : { at: at2, when: v, options: holding };
}
function pick(c) {
  return c.options ? { when: c.when, options: c.options } : { when: c.when };
}
function mayCoexist(a, b) {
  if (!a.when || a.when !== b.when || !a.options || !b.options) return true;
  for (const k of a.options) if (b.options.has(k)) return true;
  return false;
}
function nameOf(entry) {
  const n = at(entry, "name").value;
  return typeof n === "string" ? n : "?";
}
function tapConfigurationName(s) {
  if (s.declaration === "child" && s.config) return segmentText(s.config.id.names[s.config.id.names.length - 1])?.toLowerCase();
  if (s.declaration === "inline") {
    const n = at(s.at, "name").value;
    return typeof n === "string" ? n.toLowerCase() : void 0;
  }
  return void 0;
}
function sourcesOfTap(graph, tap) {
  return tapSources(graph).filter((s) => s.tap.kind === "resource" && s.tap.resource === tap);
}
function vmsOfNic(graph, nic) {
  return vmIndex(graph).byResource.get(nic.key) ?? [];
}
function vmsOfNicRef(graph, nic) {
  const found = nic.kind === "resource" ? vmsOfNic(graph, nic.resource) : nic.kind === "external" ? vmIndex(graph).byExternal.get(resourceKey(nic.id)) ?? [] : [];
  return found.filter((v) => !v.vm.existing);
}
function vmIndex(graph) {
  let index2 = vmsByNic.get(graph);
  if (!index2) {
    index2 = { byResource: /* @__PURE__ */ new Map(), byExternal: /* @__PURE__ */ new Map() };
    for (const vm of graph.ofType(TYPES.vm)) {
      for (const n of elements(at(vm.root, "properties", "networkProfile", "networkInterfaces"))) {
        const ref = at(n, "id");
        const res = graph.resolve(ref.value);
        if (res.kind === "resource") push(index2.byResource, res.resource.key, { vm, ref });
        else if (res.kind === "external") push(index2.byExternal, resourceKey(res.id), { vm, ref });
      }
    }
    vmsByNic.set(graph, index2);
  }
  return index2;
}
function push(m, k, v) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
var vmsByNic = /* @__PURE__ */ new WeakMap();
function destinationsOf(tap, graph) {
  const out = [];
  for (const property of ["destinationNetworkInterfaceIPConfiguration", "destinationLoadBalancerFrontEndIPConfiguration"]) {
    const holder = at(tap.root, "properties", property);
    if (holder.value === void 0 || holder.value === null) continue;
    const maybeUnset = holder.value instanceof Unknown;
    const id = maybeUnset ? holder : at(holder, "id");
    out.push({ property, id, resolution: graph.resolve(id.value), maybeUnset });
  }
  return out;
}
function normalizeRegion(region) {
  return region.replace(/\s+/g, "").toLowerCase();
}
function declaredNic(nic) {
  return nic.kind === "resource" && !nic.resource.existing ? nic.resource : void 0;
}
function isOutside(nic) {
  return nic.kind === "external" || nic.kind === "resource" && nic.resource.existing;
}
function resolvedName(r) {
  if (r.kind === "resource") return r.resource.displayName;
  if (r.kind === "external" || r.kind === "sub") return idNames(r.id);
  return void 0;
}
function nicName(nic) {
  if (nic.kind === "resource") return nic.resource.displayName;
  if (nic.kind === "external") return segmentText(nic.id.names[nic.id.names.length - 1]) ?? formatId(nic.id);
  if (nic.kind === "scaleSet") return `${nic.scaleSet.displayName}/${nic.configuration}`;
  return "an unknown network interface";
}
function describeSource(source) {
  switch (source.declaration) {
    case "child":
      return `tap configuration '${source.holder.displayName}'`;
    case "inline":
      return `the inline tapConfigurations entry of '${nicName(source.nic)}'`;
    case "scaleset":
      return `the virtualNetworkTaps entry of scale set '${source.holder.displayName}'`;
    case "ipconfig":
      return `the virtualNetworkTaps entry of '${nicName(source.nic)}'`;
  }
}
function nicKey(nic) {
  if (nic.kind === "resource") return nic.resource.key;
  if (nic.kind === "external") return resourceKey(nic.id);
  return void 0;
}
function sourceNics(graph) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const source of tapSources(graph)) {
    const nic = declaredNic(source.nic);
    if (!nic || seen.has(nic)) continue;
    seen.add(nic);
    out.push({ nic, source });
  }
  return out;
}
function tapOf(source) {
  return source.tap.kind === "resource" && lowerEq(source.tap.resource.type, TYPES.tap) && !source.tap.resource.existing ? source.tap.resource : void 0;
}
function orderedAfter(graph, from, to) {
  if (from === to) return true;
  return ordering(graph).after(to).has(from);
}
function dependencyPlace(from, to) {
  const a = unitsOf(from);
  const b = unitsOf(to);
  if (a[0] !== b[0]) return void 0;
  let k = 0;
  while (k + 1 < a.length && k + 1 < b.length && a[k + 1] === b[k + 1]) k++;
  const holder = (units, r) => k + 1 < units.length ? units[k + 1]?.parent : r;
  return { unit: a[k], dependent: holder(a, from), dependency: holder(b, to) };
}
function unitsOf(r) {
  const out = [];
  for (let u = r.unit; u; u = u.parent?.unit) out.push(u);
  return out.reverse();
}
function ordering(graph) {
  let o = orderings.get(graph);
  if (o) return o;
  const before = /* @__PURE__ */ new Map();
  const add = (a, b) => {
    const list = before.get(b);
    if (list) list.push(a);
    else before.set(b, [a]);
  };
  const ends = /* @__PURE__ */ new Map();
  for (const r of graph.resources) {
    const d = r.unit.parent;
    if (d && !ends.has(d)) ends.set(d, { deployment: d });
  }
  const done = (b) => ends.get(b) ?? b;
  graph.forEachOrderEdge((a, b) => add(a, done(b)));
  for (const r of graph.resources) {
    const d = r.unit.parent;
    if (!d) continue;
    add(r, d);
    add(ends.get(d), done(r));
  }
  const cache2 = /* @__PURE__ */ new Map();
  o = {
    after(to) {
      let set = cache2.get(to);
      if (set) return set;
      set = /* @__PURE__ */ new Set();
      const queue = [to];
      for (let i = 0; i < queue.length; i++) {
        for (const next of before.get(queue[i]) ?? []) {
          if (set.has(next)) continue;
          set.add(next);
          queue.push(next);
        }
      }
      cache2.set(to, set);
      return set;
    }
  };
  orderings.set(graph, o);
  return o;
}
var orderings = /* @__PURE__ */ new WeakMap();
function sameRegion(a, b) {
  if (typeof a === "string" && typeof b === "string") return normalizeRegion(a) === normalizeRegion(b);
  if (a instanceof Unknown && b instanceof Unknown && a.symbol !== void 0 && a.symbol === b.symbol) return true;
  return void 0;
}
function destinationTarget(d) {
  const res = d.resolution;
  if (res.kind !== "sub" || res.resource.existing || !res.entry || res.subTypes.length !== 1) return void 0;
  const type = `${res.resource.type}/${res.subTypes[0]}`.toLowerCase();
  const name = segmentText(res.subNames[0]) ?? "?";
  if (type === "microsoft.network/networkinterfaces/ipconfigurations") return { kind: "nic", resource: res.resource, entry: res.entry, name };
  if (type === "microsoft.network/loadbalancers/frontendipconfigurations") return { kind: "lb", resource: res.resource, entry: res.entry, name };
  return void 0;
}
function destinationOf(tap, graph) {
  const ds = destinationsOf(tap, graph);
  return ds.length === 1 ? ds[0] : void 0;
}
function literalSubscription(id) {
  const s = subscriptionOf(id);
  return s ? segmentText(s)?.toLowerCase() : void 0;
}
function lowerEq(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}
function privateEndpointOfNic(graph, nic) {
  if (nic.kind === "unknown" || nic.kind === "scaleSet") return void 0;
  const name = nicName(nic).toLowerCase();
  for (const pe of deployedOfType(graph, "Microsoft.Network/privateEndpoints")) {
    const custom2 = at(pe.root, "properties", "customNetworkInterfaceName");
    if (typeof custom2.value === "string" && custom2.value.toLowerCase() === name) return { pe, custom: custom2 };
  }
  return void 0;
}

// src/model/crypto.ts
var import_node_module = require("node:module");
var crypto;
function createHash(algorithm) {
  crypto ??= (0, import_node_module.createRequire)(__vtaplintBundleUrl)("node:crypto");
  return crypto.createHash(algorithm);
}

// src/engine/finding.ts
function locate(span) {
  return { file: span.file, region: span.region() };
}
function spanText(span) {
  return span.text(400).replace(/\s+/g, " ").trim();
}

// src/engine/describe.ts
function describeUnknown(u) {
  const what = u.reason.span ? spanText(u.reason.span) : void 0;
  const shown = what && what.length <= 120 ? ` (${what})` : "";
  switch (u.reason.code) {
    case "deployment-time":
      return `only known at deployment${shown}`;
    case "runtime-state":
      return `read from a deployed resource at deployment time${shown}`;
    case "parameter-without-value":
      return `not set: ${u.reason.message}`;
    case "secure":
      return `a secure value${shown}`;
    case "external-resource":
      return `a property of a resource outside the template${shown}`;
    case "not-fetched":
      return `not known to vtaplint: ${u.reason.message}`;
    case "limit":
      return `not evaluated because a limit was reached${shown}`;
    case "error":
      return `not computable because of an error${shown}`;
    case "unsupported":
      return `not computable by vtaplint${shown}`;
  }
}

// rules/vtap-supported-region.md
var vtap_supported_region_default = '# vtap-supported-region\n\n**Level:** error (warning for a "coming soon" region) \xB7 **Tags:** vtap\n\n## What it checks\nThe `location` of every `Microsoft.Network/virtualNetworkTaps` resource is a region where Azure\noffers virtual network TAP. Regions are compared case-insensitively with spaces removed, so\n`East US` and `eastus` are the same region.\n\n| list | regions |\n|---|---|\n| supported | `eastasia`, `westcentralus`, `uksouth`, `eastus`, `centralindia`, `germanywestcentral` |\n| coming soon (warning) | `centralus`, `australiaeast`, `koreacentral`, `canadacentral` |\n\nThe lists live in `rules/data/vtap-facts.json` with the revision of the Azure document they come\nfrom; override them in `vtaplint.config.json`:\n```json\n{ "regions": { "supported": ["eastus", "centralus"], "comingSoon": [] } }\n```\nA level set for the rule in the config (`"vtap-supported-region": "error"`, or a level for the tag\n`vtap`) applies to both lists: with `error`, a "coming soon" region fails the run too.\n\nWhen the location is only known at deployment (`resourceGroup().location`, a parameter without a\nvalue) the result is *indeterminate* (a note of kind `review`) naming the expression; set\n`deployment.location` in the config to decide it.\n\n## Where it comes from\n[Virtual network TAP overview, Supported Regions](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#supported-regions):\n\n> Virtual network TAP is now in public preview in select Azure regions.\n>\n> Supported Regions: Asia East, US West Central, UK South, US East, India Central, Germany West Central.\n> Coming soon: US Central, Australia East, Korean Central, Canada Central.\n\n## Why it matters\nOutside these regions Azure rejects the `virtualNetworkTaps` resource, and every TAP\nconfiguration that points at it fails with it: nothing is mirrored.\n\n## How to fix\nDeploy the TAP (and, since the collector and the sources must be in the TAP\'s region, the whole\nTAP chain) in a supported region.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource tap \'Microsoft.Network/virtualNetworkTaps@2024-05-01\' = {\n  name: \'tap1\'\n  location: \'westeurope\'\n  properties: {\n    destinationNetworkInterfaceIPConfiguration: { id: collectorNic.properties.ipConfigurations[0].id }\n  }\n}\n```\nPassing (Bicep):\n```bicep\nresource tap \'Microsoft.Network/virtualNetworkTaps@2024-05-01\' = {\n  name: \'tap1\'\n  location: \'eastus\'\n  properties: {\n    destinationNetworkInterfaceIPConfiguration: { id: collectorNic.properties.ipConfigurations[0].id }\n  }\n}\n```\nFailing (ARM JSON):\n```json\n{\n  "type": "Microsoft.Network/virtualNetworkTaps",\n  "apiVersion": "2024-05-01",\n  "name": "tap1",\n  "location": "westeurope",\n  "properties": {\n    "destinationNetworkInterfaceIPConfiguration": {\n      "id": "[resourceId(\'Microsoft.Network/networkInterfaces/ipConfigurations\', \'collector-nic\', \'ipconfig1\')]"\n    }\n  }\n}\n```\nPassing (ARM JSON): the same with `"location": "East US"`.\n';

// rules/vtap-supported-region.ts
function howToKnow(v) {
  const symbol = v.symbol ?? "";
  if (symbol === "resourceGroup().location" || symbol === "deployment().location") return 'set "deployment.location" in vtaplint.config.json, or pass the parameter, to check it';
  if (v.reason.code === "parameter-without-value") return "pass the parameter (a parameters file, or -p) to check it";
  if (symbol.endsWith(".location") && symbol.startsWith("resourceGroup("))
    return `it is the location of ${symbol.slice(0, -".location".length)}, another resource group than the deployment's, which "deployment.location" in vtaplint.config.json does not describe: pass the location as a parameter to check it`;
  return "write the region, or pass it as a parameter, to check it";
}
var vtap_supported_region_default2 = defineRule(
  {
    id: "vtap-supported-region",
    name: "VtapSupportedRegion",
    shortDescription: "A virtual network TAP is deployed in a region where Azure offers virtual network TAP.",
    fullDescription: 'Virtual network TAP is in public preview in a few regions only. A TAP in any other region fails to deploy; a TAP in a region listed as "coming soon" fails until Azure enables it there. The region lists are data (rules/data/vtap-facts.json) and can be overridden in vtaplint.config.json.',
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: 'Virtual network TAP overview, "Supported Regions" and "Coming soon"'
  },
  vtap_supported_region_default,
  (ctx) => {
    const supported = [...ctx.regions.supported].join(", ") || "(none: the config lists no supported region in regions.supported)";
    for (const tap of taps(ctx.graph)) {
      const loc = at(tap.root, "location");
      const v = loc.value;
      if (v === void 0) {
        ctx.indeterminate({
          message: `TAP '${tap.displayName}' sets no location, so its region cannot be checked; set location to one of: ${supported}`,
          span: tap.span,
          resource: tap
        });
      } else if (v instanceof Unknown) {
        ctx.indeterminate({
          message: `the region of TAP '${tap.displayName}' is ${describeUnknown(v)}; virtual network TAP is only available in: ${supported} (${howToKnow(v)})`,
          span: loc.span,
          related: v.reason.span && v.reason.span !== loc.span ? [{ span: v.reason.span, message: "the value comes from here" }] : [],
          resource: tap
        });
      } else if (typeof v !== "string") {
        ctx.fail({ message: `the location of TAP '${tap.displayName}' is not a string`, span: loc.span, resource: tap });
      } else {
        const region = normalizeRegion(v);
        if (ctx.regions.supported.has(region)) ctx.pass({ message: `region '${v}' supports virtual network TAP`, span: loc.span, resource: tap });
        else if (ctx.regions.comingSoon.has(region))
          ctx.fail({
            message: `TAP '${tap.displayName}' is in '${v}', where virtual network TAP is only "coming soon"; deploy it in one of: ${supported}`,
            span: loc.span,
            resource: tap,
            level: "warning"
          });
        else
          ctx.fail({
            message: `TAP '${tap.displayName}' is in '${v}', where virtual network TAP is not available; deploy it in one of: ${supported}`,
            span: loc.span,
            resource: tap
          });
      }
    }
  }
);

// rules/vtap-destination-type.md
var vtap_destination_type_default = "# vtap-destination-type\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nEvery `Microsoft.Network/virtualNetworkTaps` resource has exactly one destination:\n\n- `properties.destinationNetworkInterfaceIPConfiguration.id`: the id of a network interface's IP\n  configuration (`.../networkInterfaces/{nic}/ipConfigurations/{name}`), or\n- `properties.destinationLoadBalancerFrontEndIPConfiguration.id`: the id of a load balancer's\n  frontend IP configuration (`.../loadBalancers/{lb}/frontendIPConfigurations/{name}`).\n\nWhen the NIC or load balancer is in the template, the IP configuration or frontend named in the id\nmust exist on it, and a load balancer frontend must be internal (a subnet and private address, no\n`publicIPAddress` or `publicIPPrefix`). A destination outside the template (an id to a resource the template does not\ndeclare, or an `existing` resource) gives one *indeterminate* result that lists the checks that\ncould not be made; the other rules then stay silent about that destination.\n\n## Where it comes from\n[Virtual network TAP overview, Other Limitations](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#other-limitations):\n\n> Virtual network TAP supports Load Balancer or VM's network interface as a destination resource for mirrored traffic.\n\nThe REST API describes `destinationLoadBalancerFrontEndIPConfiguration` as \"the reference to the\nprivate IP address on the internal Load Balancer that will receive the tap\", and the portal\ntutorial says a TAP \"can only have a single destination resource\".\n\n## Why it matters\nA TAP without a valid destination is rejected, or sends the mirrored traffic nowhere a collector\nlistens.\n\n## How to fix\nPoint exactly one destination property at the IP configuration of the collector VM's NIC, or at\nthe frontend of an internal load balancer in front of the collectors.\n\n## Examples\nFailing (Bicep): the destination is the NIC, not its IP configuration.\n```bicep\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap1'\n  location: 'eastus'\n  properties: {\n    destinationNetworkInterfaceIPConfiguration: { id: collectorNic.id }\n  }\n}\n```\nPassing (Bicep):\n```bicep\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap1'\n  location: 'eastus'\n  properties: {\n    destinationNetworkInterfaceIPConfiguration: { id: '${collectorNic.id}/ipConfigurations/ipconfig1' }\n  }\n}\n```\nFailing (ARM JSON): a public load balancer frontend.\n```json\n\"properties\": {\n  \"destinationLoadBalancerFrontEndIPConfiguration\": {\n    \"id\": \"[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'public-lb', 'frontend')]\"\n  }\n}\n```\nPassing (ARM JSON):\n```json\n\"properties\": {\n  \"destinationNetworkInterfaceIPConfiguration\": {\n    \"id\": \"[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]\"\n  }\n}\n```\n";

// rules/vtap-destination-type.ts
var NIC_IPCONFIG = "microsoft.network/networkinterfaces/ipconfigurations";
var LB_FRONTEND = "microsoft.network/loadbalancers/frontendipconfigurations";
var EXPECTED = {
  destinationNetworkInterfaceIPConfiguration: { type: NIC_IPCONFIG, what: "a network interface's IP configuration" },
  destinationLoadBalancerFrontEndIPConfiguration: { type: LB_FRONTEND, what: "a load balancer's frontend IP configuration" }
};
function checksNeedingProperties(tap, destination) {
  const literal = (id) => {
    const sub = subscriptionOf(id);
    return sub !== void 0 && segmentText(sub) !== void 0;
  };
  const where = literal(tap.id) && literal(destination) ? "region and network" : "region, subscription and network";
  return `the IP configuration exists, a load balancer frontend is internal, the destination is in the TAP ${where} (or a peered one in the same region), it does not use IPv6, and UDP 4789 reaches it`;
}
var vtap_destination_type_default2 = defineRule(
  {
    id: "vtap-destination-type",
    name: "VtapDestinationType",
    shortDescription: "A TAP has exactly one destination: a VM network interface's IP configuration or an internal load balancer's frontend.",
    fullDescription: "A virtual network TAP sends mirrored traffic to one destination: the IP configuration of a network interface, or the frontend IP configuration of an internal load balancer. The rule checks that exactly one destination property is set, that its id has the right shape for that property, that the IP configuration or frontend it names exists when the NIC or load balancer is in the template, and that a load balancer frontend is internal (a subnet and private address, no public IP).",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: 'Virtual network TAP overview, "Other Limitations": destination is a Load Balancer or a VM network interface'
  },
  vtap_destination_type_default,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const dests = destinationsOf(tap, ctx.graph);
      if (dests.length === 0) {
        const props = at(tap.root, "properties");
        ctx.fail({
          message: `TAP '${tap.displayName}' has no destination; set properties.destinationNetworkInterfaceIPConfiguration (a collector NIC's IP configuration) or properties.destinationLoadBalancerFrontEndIPConfiguration (an internal load balancer frontend)`,
          span: props.value === void 0 ? tap.span : props.span,
          resource: tap
        });
        continue;
      }
      if (dests.length > 1) {
        const [first, second] = dests;
        const maybe = dests.find((d) => d.maybeUnset);
        if (maybe) {
          const u = maybe.id.value;
          ctx.indeterminate({
            message: `cannot tell whether TAP '${tap.displayName}' sets one destination or both ${first.property} and ${second.property}: ${maybe.property} may be null (its value is ${describeUnknown(u)}); a TAP has exactly one destination`,
            span: maybe.id.span,
            related: dests.filter((d) => d !== maybe).map((d) => ({ span: d.id.span, message: `the other destination, ${d.property}` })),
            resource: tap
          });
          continue;
        }
        ctx.fail({
          message: `TAP '${tap.displayName}' sets both ${first.property} and ${second.property}; a TAP has exactly one destination, remove one`,
          span: second.id.span,
          related: [{ span: first.id.span, message: `the other destination, ${first.property}` }],
          resource: tap
        });
        continue;
      }
      checkDestination(ctx, tap, dests[0]);
    }
  }
);
function checkDestination(ctx, tap, d) {
  const expected = EXPECTED[d.property];
  const v = d.id.value;
  const base = { span: d.id.span, resource: tap };
  if (v === void 0 || v === null) {
    ctx.fail({ ...base, message: `TAP '${tap.displayName}': ${d.property} has no id; set it to the id of ${expected.what}` });
    return;
  }
  const res = d.resolution;
  if (res.kind === "none") {
    const key2 = v instanceof Unknown && v.reason.code === "runtime-state" ? v.reason.resourceKey : void 0;
    const from = key2 === void 0 ? void 0 : ctx.graph.byResourceKey(key2);
    if (from?.existing) {
      existingDestination(ctx, tap, from, base);
      return;
    }
    if (v instanceof Unknown) {
      ctx.indeterminate({ ...base, message: `the destination of TAP '${tap.displayName}' is ${describeUnknown(v)}, so it cannot be checked` });
    } else {
      ctx.fail({ ...base, message: `the destination of TAP '${tap.displayName}' is not a resource id; set ${d.property}.id to the id of ${expected.what}` });
    }
    return;
  }
  const target = fullType(res.id).toLowerCase();
  if (target !== expected.type) {
    const other = target === NIC_IPCONFIG || target === LB_FRONTEND;
    ctx.fail({
      ...base,
      message: other ? `TAP '${tap.displayName}': ${d.property} points at ${target === NIC_IPCONFIG ? "a network interface's IP configuration" : "a load balancer's frontend"}; use ${target === NIC_IPCONFIG ? "destinationNetworkInterfaceIPConfiguration" : "destinationLoadBalancerFrontEndIPConfiguration"} for it` : `TAP '${tap.displayName}': the destination is a ${fullType(res.id)}, but it must be ${expected.what} (a TAP mirrors to a VM network interface or an internal load balancer)`
    });
    return;
  }
  if (res.kind === "external") {
    ctx.indeterminate({
      ...base,
      message: `the destination of TAP '${tap.displayName}', ${describeId(res.id)}, is outside the template, so vtaplint cannot check that ${checksNeedingProperties(tap, res.id)}`
    });
    return;
  }
  if (res.kind === "resource" && res.resource.existing) {
    existingDestination(ctx, tap, res.resource.parent ?? res.resource, base);
    return;
  }
  if (res.kind !== "sub") return;
  const holder = res.resource;
  const subName = segmentText(res.subNames[0]);
  if (holder.existing) {
    existingDestination(ctx, tap, holder, base);
    return;
  }
  if (!res.entry) {
    const list = at(holder.root, "properties", res.subTypes[0]);
    if (list.value instanceof Unknown || subName === void 0) {
      ctx.indeterminate({ ...base, message: `cannot tell whether '${holder.displayName}' has the IP configuration that TAP '${tap.displayName}' sends to` });
      return;
    }
    const names = elements(list).map((e) => at(e, "name").value).filter((n) => typeof n === "string");
    ctx.fail({
      ...base,
      message: `TAP '${tap.displayName}' sends to '${subName}', but '${holder.displayName}' has no ${res.subTypes[0]} named '${subName}'${names.length ? ` (it has: ${names.join(", ")})` : ""}`,
      related: [{ span: holder.span, message: `'${holder.displayName}' is declared here` }]
    });
    return;
  }
  if (target === LB_FRONTEND) {
    for (const [property, what] of [
      ["publicIPAddress", "the public IP address of the frontend"],
      ["publicIPPrefix", "the public IP prefix of the frontend"]
    ]) {
      const pip = at(res.entry, "properties", property);
      if (pip.value === void 0 || pip.value === null) continue;
      ctx.fail({
        ...base,
        message: `TAP '${tap.displayName}' sends to frontend '${subName}' of load balancer '${holder.displayName}', which is public; the destination must be an internal load balancer frontend (a subnet and private IP, no public IP)`,
        related: [{ span: pip.span, message: what }]
      });
      return;
    }
  }
  ctx.pass({ ...base, message: `destination of TAP '${tap.displayName}' is ${expected.what}` });
}
function existingDestination(ctx, tap, holder, base) {
  ctx.indeterminate({
    ...base,
    message: `the destination of TAP '${tap.displayName}' is on '${holder.displayName}', an existing resource whose properties are not in the template, so vtaplint cannot check that ${checksNeedingProperties(tap, holder.id)}`,
    related: [{ span: holder.span, message: `'${holder.displayName}' is declared here` }]
  });
}

// rules/data/vtap-facts.json
var vtap_facts_default = {
  $comment: "Facts that Azure changes, kept as data. Regions and the v6 size pattern come from the Azure document 'Virtual network TAP overview' (articles/virtual-network/virtual-network-tap-overview.md). One revision with the same ms.date lists 'US Central' as supported instead of coming soon; users can override the lists in vtaplint.config.json ('regions').",
  document: {
    title: "Azure virtual network TAP overview",
    url: "https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview",
    revision: "ms.date 04/21/2025"
  },
  supportedRegions: [
    "eastasia",
    "westcentralus",
    "uksouth",
    "eastus",
    "centralindia",
    "germanywestcentral"
  ],
  comingSoonRegions: [
    "centralus",
    "australiaeast",
    "koreacentral",
    "canadacentral"
  ],
  v6SizePattern: "_v6$",
  defaultDestinationPort: 4789,
  limits: {
    $source: "Azure virtual network limits (includes/azure-virtual-network-limits.md, ms.date 12/05/2022), per region per subscription",
    virtualNetworkTaps: 100,
    tapConfigurationsPerTap: 100
  },
  rolePermissions: {
    $source: "Virtual network TAP overview, Prerequisites (permissions), with the real operation names of the resource provider",
    required: [
      "Microsoft.Network/virtualNetworkTaps/*",
      "Microsoft.Network/networkInterfaces/read",
      "Microsoft.Network/networkInterfaces/tapConfigurations/*"
    ],
    documentedButWrong: {
      "Microsoft.Network/tapConfigurations/*": "Microsoft.Network/networkInterfaces/tapConfigurations/*"
    },
    operations: {
      "Microsoft.Network/virtualNetworkTaps/*": [
        "Microsoft.Network/virtualNetworkTaps/read",
        "Microsoft.Network/virtualNetworkTaps/write",
        "Microsoft.Network/virtualNetworkTaps/delete",
        "Microsoft.Network/virtualNetworkTaps/join/action"
      ],
      "Microsoft.Network/networkInterfaces/read": [
        "Microsoft.Network/networkInterfaces/read"
      ],
      "Microsoft.Network/networkInterfaces/tapConfigurations/*": [
        "Microsoft.Network/networkInterfaces/tapConfigurations/read",
        "Microsoft.Network/networkInterfaces/tapConfigurations/write",
        "Microsoft.Network/networkInterfaces/tapConfigurations/delete"
      ]
    }
  }
};

// rules/lib/support.ts
var import_node_path = __toESM(require("node:path"), 1);
function unknownOrigin(v, span) {
  return v instanceof Unknown && v.reason.span && v.reason.span !== span ? [{ span: v.reason.span, message: "the value comes from here" }] : [];
}
function sourceRelated(source) {
  return { span: source.tapId.span, message: `the TAP source: ${describeSource(source)}` };
}
function dependsOnAcrossModules(from, to, fromWhat, toWhat) {
  const place = dependencyPlace(from, to);
  if (!place || place.dependent === from && place.dependency === to) return void 0;
  const bicep = place.unit.file.kind === "bicep";
  const entry = dependsOnEntry(place.dependency);
  const target = `${declarationKind(place.dependent, bicep)}'${place.dependent.symbolicName ?? place.dependent.plainDisplayName}'`;
  const by = (r, held) => r === held ? void 0 : `${declarationKind(r, bicep)}'${r.plainDisplayName}'`;
  const toBy = by(place.dependency, to);
  const fromBy = by(place.dependent, from);
  const where = toBy && fromBy ? `${toWhat} is deployed by ${toBy} and ${fromWhat} by ${fromBy}` : toBy ? `${toWhat} is deployed by ${toBy}` : `${fromWhat} is deployed by ${fromBy ?? ""}`;
  const own2 = bicep ? "resources and modules of its own file" : "resources and deployments of its own template";
  return {
    advice: `in ${displayPath(place.unit)}, add ${entry} to the dependsOn of ${target} (${where}, and dependsOn names only ${own2})`,
    related: { span: place.dependent.nameSpan, message: `add ${entry} to the dependsOn of ${target}` }
  };
}
function declarationKind(r, bicep) {
  if (r.type.toLowerCase() !== "microsoft.resources/deployments") return "";
  return bicep ? "module " : "deployment ";
}
function dependsOnEntry(r) {
  if (r.symbolicName !== void 0) return `'${r.symbolicName}'`;
  if (typeof r.name === "string") return `"[resourceId('${r.type}', ${r.name.split("/").map((n) => `'${n}'`).join(", ")})]"`;
  return `'${r.plainDisplayName}'`;
}
function displayPath(unit) {
  let root = unit;
  while (root.parent) root = root.parent.unit;
  const rel = import_node_path.default.relative(import_node_path.default.dirname(root.file.path), unit.file.path);
  return (rel === "" ? import_node_path.default.basename(unit.file.path) : rel).split(import_node_path.default.sep).join("/");
}

// rules/vtap-source-vm-size-v6.md
var vtap_source_vm_size_v6_default = '# vtap-source-vm-size-v6\n\n**Level:** error \xB7 **Tags:** vtap, temporary\n\n## What it checks\nFor every network interface a TAP mirrors (a `networkInterfaces/tapConfigurations` resource, a\nNIC\'s inline `tapConfigurations`, or an ipConfiguration\'s `virtualNetworkTaps`), the virtual\nmachine that uses that NIC must not have a v6 size: `properties.hardwareProfile.vmSize` must not\nend in `_v6` (any case). `Standard_D2s_v6` is a v6 size; `Standard_NV6` is not.\n\nA size taken from a parameter is checked with the value in force: the parameters file or `-p`,\nelse the parameter\'s default. A parameter without any value is *indeterminate* when its\n`allowedValues` include a v6 size, and passes when none of them is one.\n\n## Where it comes from\n[Virtual network TAP overview, Public preview limitations, Adding a source](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#public-preview-limitations):\n\n> [Temporary] v6 VM SKU aren\'t supported as a source.\n\nThe limitation is marked temporary; switch every temporary rule off at once with\n`{"tags": {"temporary": "off"}}` in `vtaplint.config.json`.\n\n## Why it matters\nAzure rejects the TAP configuration on the NIC of a v6 VM, so that VM\'s traffic is not mirrored.\n\n## How to fix\nChoose a size from a series before v6 (for example `Standard_D2s_v5`) for the VMs you mirror, or\nmirror another VM.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource vm \'Microsoft.Compute/virtualMachines@2024-03-01\' = {\n  name: \'web-vm\'\n  location: \'eastus\'\n  properties: {\n    hardwareProfile: { vmSize: \'Standard_D2s_v6\' }\n    networkProfile: { networkInterfaces: [ { id: nic.id } ] }\n  }\n}\n```\nPassing (Bicep): `vmSize: \'Standard_D2s_v5\'`.\n\nFailing (ARM JSON):\n```json\n{\n  "type": "Microsoft.Compute/virtualMachines",\n  "apiVersion": "2024-03-01",\n  "name": "web-vm",\n  "location": "eastus",\n  "properties": {\n    "hardwareProfile": { "vmSize": "Standard_D2s_v6" },\n    "networkProfile": { "networkInterfaces": [ { "id": "[resourceId(\'Microsoft.Network/networkInterfaces\', \'web-nic\')]" } ] }\n  }\n}\n```\nPassing (ARM JSON): `"vmSize": "Standard_NV6"` (an older size whose name merely contains 6).\n';

// rules/vtap-source-vm-size-v6.ts
var V6 = new RegExp(vtap_facts_default.v6SizePattern, "i");
var isV6 = (v) => typeof v === "string" && V6.test(v);
var vtap_source_vm_size_v6_default2 = defineRule(
  {
    id: "vtap-source-vm-size-v6",
    name: "VtapSourceVmSizeV6",
    shortDescription: "A VM whose network interface is a TAP source does not use a v6 size.",
    fullDescription: "During the public preview, virtual machines of the v6 sizes (names ending in _v6, such as Standard_D2s_v6) cannot be mirroring sources. A size taken from a parameter uses the value in force (parameters file, -p, else the default); a parameter without a value is indeterminate only when its allowedValues include a v6 size.",
    defaultLevel: "error",
    tags: ["vtap", "temporary"],
    precision: "very-high",
    source: `Virtual network TAP overview, "Adding a source": "[Temporary] v6 VM SKU aren't supported as a source."`
  },
  vtap_source_vm_size_v6_default,
  (ctx) => {
    const done = /* @__PURE__ */ new Set();
    for (const source of tapSources(ctx.graph)) {
      const nic = source.nic.kind === "resource" ? source.nic.resource : void 0;
      const nicShown = nicName(source.nic);
      for (const { vm } of vmsOfNicRef(ctx.graph, source.nic)) {
        if (done.has(vm)) continue;
        done.add(vm);
        const size = at(vm.root, "properties", "hardwareProfile", "vmSize");
        const v = size.value;
        const related = [...nic ? [{ span: nic.nameSpan, message: `network interface '${nicShown}'` }] : [], sourceRelated(source)];
        const base = { span: size.span, resource: vm, involved: [...nic ? [nic] : [], ...source.config ? [source.config] : []], sources: [source], related };
        if (isV6(v)) {
          ctx.fail({
            ...base,
            message: `VM '${vm.displayName}' has the v6 size '${v}' and its network interface '${nicShown}' is a TAP source; v6 sizes cannot be mirrored during the preview: choose a size that does not end in _v6`
          });
        } else if (v instanceof Unknown) {
          const candidates = v.oneOf?.filter(isV6);
          if (v.oneOf && candidates?.length === 0) {
            ctx.pass({ ...base, message: `none of the allowed sizes of VM '${vm.displayName}' is a v6 size` });
          } else {
            ctx.indeterminate({
              ...base,
              message: candidates?.length ? `the size of VM '${vm.displayName}' (a TAP source) is ${describeUnknown(v)} and may be one of the v6 sizes it allows (${candidates.join(", ")}), which cannot be mirrored` : `the size of VM '${vm.displayName}' (a TAP source) is ${describeUnknown(v)}, so vtaplint cannot tell whether it is a v6 size, which cannot be mirrored`
            });
          }
        } else if (v !== void 0) {
          ctx.pass({ ...base, message: `VM '${vm.displayName}' does not use a v6 size` });
        }
      }
    }
  }
);

// rules/vtap-arm-only.md
var vtap_arm_only_default = "# vtap-arm-only\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nEvery resource in a TAP chain is a Resource Manager resource: the destination id, and the subnet of\nevery IP configuration of a source NIC the template declares, must not belong to a classic provider\n(`Microsoft.ClassicCompute`, `Microsoft.ClassicNetwork`).\n\n## Where it comes from\n[Virtual network TAP overview, Prerequisites](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#prerequisites):\n\n> You must have one or more virtual machines created with Azure Resource Manager, and a partner solution for aggregating the TAP traffic in the same Azure region.\n\n## Why it matters\nClassic (Azure Service Manager) virtual machines and networks cannot be mirrored: the TAP configuration is rejected, or the NIC never sees the traffic.\n\n## How to fix\nMigrate the classic network and VMs to Resource Manager, then point the NIC subnets and the destination at Resource Manager resources.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource webNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {\n  name: 'web-nic'\n  location: location\n  properties: {\n    ipConfigurations: [ { name: 'ipconfig1', properties: {\n      subnet: { id: '/subscriptions/${subscription().subscriptionId}/resourceGroups/${resourceGroup().name}/providers/Microsoft.ClassicNetwork/virtualNetworks/classic-vnet/subnets/default' }\n    } } ]\n  }\n}\n```\nPassing (Bicep):\n```bicep\nsubnet: { id: '${vnet.id}/subnets/default' }\n```\nFailing (ARM JSON):\n```json\n\"subnet\": { \"id\": \"[format('/subscriptions/{0}/resourceGroups/{1}/providers/Microsoft.ClassicNetwork/virtualNetworks/classic-vnet/subnets/default', subscription().subscriptionId, resourceGroup().name)]\" }\n```\nPassing (ARM JSON):\n```json\n\"subnet\": { \"id\": \"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vtap-vnet', 'default')]\" }\n```\n";

// rules/vtap-arm-only.ts
var CLASSIC = /* @__PURE__ */ new Set(["microsoft.classiccompute", "microsoft.classicnetwork"]);
var vtap_arm_only_default2 = defineRule(
  {
    id: "vtap-arm-only",
    name: "VtapArmOnly",
    shortDescription: "No classic (Azure Service Manager) resource is part of a TAP: sources, their VMs and networks, and the destination are Resource Manager resources.",
    fullDescription: "Virtual network TAP works with virtual machines created with Azure Resource Manager. The rule fails when a source NIC, its subnet or VM, or the destination is a classic resource (Microsoft.ClassicCompute or Microsoft.ClassicNetwork).",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: 'Virtual network TAP overview, "Prerequisites": "You must have one or more virtual machines created with Azure Resource Manager"'
  },
  vtap_arm_only_default,
  (ctx) => {
    const classicId = (lv) => {
      const id = parseResourceId(lv.value ?? null);
      return id && CLASSIC.has(id.namespace.toLowerCase()) ? formatId(id) : void 0;
    };
    for (const tap of taps(ctx.graph)) {
      for (const d of destinationsOf(tap, ctx.graph)) {
        const c = classicId(d.id);
        if (c)
          ctx.fail({
            message: `the destination of TAP '${tap.displayName}' is a classic resource (${c}); virtual network TAP only works with Resource Manager resources: use a Resource Manager NIC or load balancer`,
            span: d.id.span,
            resource: tap
          });
        else ctx.pass({ message: "destination is a Resource Manager resource", span: d.id.span, resource: tap });
      }
    }
    for (const { nic, source } of sourceNics(ctx.graph)) {
      const tap = tapOf(source);
      const of = tap ? ` of TAP '${tap.displayName}'` : "";
      for (const ipc of elements(at(nic.root, "properties", "ipConfigurations"))) {
        const subnet = at(ipc, "properties", "subnet", "id");
        const c = classicId(subnet);
        if (c)
          ctx.fail({
            message: `source NIC '${nic.displayName}'${of} is in a classic virtual network (${c}); virtual network TAP only mirrors Resource Manager VMs: migrate the network to Resource Manager`,
            span: subnet.span,
            related: [sourceRelated(source)],
            resource: nic,
            involved: tap ? [tap, source.holder] : [source.holder],
            sources: [source]
          });
      }
    }
  }
);

// rules/vtap-same-region.md
var vtap_same_region_default = '# vtap-same-region\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nThe TAP\'s `location` and the `location` of every source NIC, source VM and destination NIC or load\nbalancer the template declares are one region. Regions are compared case-insensitively with spaces\nremoved, so `East US` equals `eastus`; two locations from the same deployment-wide expression\n(`resourceGroup().location`) are equal. A location that is only known at deployment (a parameter\nwithout a value) gives an *indeterminate* result naming the expression.\n\nA source NIC attached to a TAP the template does not deploy (declared `existing`, or named only by\nits id) is compared with what can be known: the TAP\'s region is not in the template, so the result\nis *indeterminate*, unless the NIC is in a region where vTAP is neither available nor coming\n(`regions` in the config): no TAP can be there, so that fails.\n\n## Where it comes from\n[Virtual network TAP overview, Prerequisites](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#prerequisites):\n\n> You must have one or more virtual machines created with Azure Resource Manager, and a partner solution for aggregating the TAP traffic in the same Azure region.\n\nThe portal tutorial adds: "The destination and source resource must be in the same region as your virtual network TAP resource."\n\n## Why it matters\nA TAP only mirrors network interfaces of its own region and only sends to a destination in that region: Azure rejects the tap configuration or the TAP.\n\n## How to fix\nDeploy the TAP, the mirrored VMs and NICs, and the collector in one region (use one `location` parameter for all of them).\n\n## Examples\nFailing (Bicep):\n```bicep\nresource collectorNic \'Microsoft.Network/networkInterfaces@2024-05-01\' = {\n  name: \'collector-nic\'\n  location: \'westeurope\'   // the TAP is in eastus\n  ...\n}\n```\nPassing (Bicep):\n```bicep\nresource collectorNic \'Microsoft.Network/networkInterfaces@2024-05-01\' = {\n  name: \'collector-nic\'\n  location: location       // the same parameter as the TAP\n  ...\n}\n```\nFailing (ARM JSON):\n```json\n"type": "Microsoft.Network/networkInterfaces",\n"name": "collector-nic",\n"location": "westeurope"\n```\nPassing (ARM JSON):\n```json\n"type": "Microsoft.Network/virtualNetworkTaps",\n"name": "tap1",\n"location": "East US"\n... and every NIC: "location": "eastus"\n```\n';

// rules/vtap-same-region.ts
var vtap_same_region_default2 = defineRule(
  {
    id: "vtap-same-region",
    name: "VtapSameRegion",
    shortDescription: "The TAP, its source NICs and VMs, and its destination are in one Azure region.",
    fullDescription: 'A virtual network TAP mirrors only network interfaces in its own region and sends to a destination in that region. The rule compares the location of the TAP with the location of every source NIC, source VM and destination NIC or load balancer in the template ("East US" and "eastus" are the same region).',
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: 'Virtual network TAP overview, "Prerequisites": "a partner solution for aggregating the TAP traffic in the same Azure region"; portal tutorial: "The destination and source resource must be in the same region as your virtual network TAP resource."'
  },
  vtap_same_region_default,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const tapLoc = at(tap.root, "location");
      if (tapLoc.value === void 0) continue;
      const checked2 = /* @__PURE__ */ new Set();
      const check = (r, role, related, holders = [], sources = []) => {
        if (checked2.has(r) || r.existing) return;
        checked2.add(r);
        const loc = at(r.root, "location");
        const v = loc.value;
        if (v === void 0) return;
        const same = sameRegion(tapLoc.value, v);
        const base = { span: loc.span, resource: r, involved: [tap, ...holders.filter((h) => h !== r)], sources, related: [{ span: tapLoc.span, message: `the location of TAP '${tap.displayName}'` }, ...related] };
        if (same === true) ctx.pass({ ...base, message: `${role} '${r.displayName}' is in the TAP's region` });
        else if (same === false)
          ctx.fail({
            ...base,
            message: `${role} '${r.displayName}' is in '${String(v)}' but TAP '${tap.displayName}' is in '${String(tapLoc.value)}'; the TAP, its sources and its destination must be in one region: move them into one region`
          });
        else if (v instanceof Unknown || tapLoc.value instanceof Unknown) {
          const u = v instanceof Unknown ? v : tapLoc.value;
          ctx.indeterminate({
            ...base,
            related: [...base.related, ...unknownOrigin(u, loc.span)],
            message: `cannot tell whether ${role} '${r.displayName}' is in the region of TAP '${tap.displayName}': ${v instanceof Unknown ? `its location is ${describeUnknown(v)}` : `the TAP's location is ${describeUnknown(u)}`}; they must be in one region`
          });
        }
      };
      for (const source of sourcesOfTap(ctx.graph, tap)) {
        const nic = declaredNic(source.nic);
        if (!nic) {
          for (const { vm } of vmsOfNicRef(ctx.graph, source.nic)) check(vm, "source VM", [sourceRelated(source)], [source.holder], [source]);
          continue;
        }
        check(nic, "source NIC", [sourceRelated(source)], [source.holder], [source]);
        for (const { vm } of vmsOfNic(ctx.graph, nic)) check(vm, "source VM", [sourceRelated(source)], [nic, source.holder], [source]);
      }
      const d = destinationOf(tap, ctx.graph);
      const target = d && destinationTarget(d);
      if (target && d) check(target.resource, target.kind === "nic" ? "destination NIC" : "destination load balancer", [{ span: d.id.span, message: "the destination of the TAP" }]);
    }
    const outside = /* @__PURE__ */ new Set();
    for (const source of tapSources(ctx.graph)) {
      const nic = declaredNic(source.nic);
      const t = source.tap;
      if (!nic || nic.existing || outside.has(nic) || !(t.kind === "external" || t.kind === "resource" && t.resource.existing)) continue;
      outside.add(nic);
      const loc = at(nic.root, "location");
      if (typeof loc.value !== "string") continue;
      const tapName = `TAP '${resolvedName(t) ?? ""}'`;
      const base = { span: loc.span, resource: nic, sources: [source], related: [sourceRelated(source)] };
      const region = normalizeRegion(loc.value);
      if (!ctx.regions.supported.has(region) && !ctx.regions.comingSoon.has(region)) {
        ctx.fail({
          ...base,
          message: `source NIC '${nic.displayName}' is in '${loc.value}', where virtual network TAP is not available, so ${tapName} (not deployed by this template) cannot be in its region; the TAP and its sources must be in one region: move the source into the TAP's region`
        });
      } else {
        ctx.indeterminate({
          ...base,
          message: `cannot tell whether source NIC '${nic.displayName}' is in the region of ${tapName}: the TAP is not deployed by this template, so its region is not known here; they must be in one region ('${loc.value}')`
        });
      }
    }
  }
);

// rules/vtap-cross-subscription.md
var vtap_cross_subscription_default = "# vtap-cross-subscription\n\n**Level:** note (review) \xB7 **Tags:** vtap\n\n## What it checks\nA source NIC or the destination (outside the template, or declared in a module deployed to another\nsubscription) with a literal subscription id other than the TAP's\n(or when the TAP's subscription is only known at deployment) gets a *review* result: the\nsubscriptions must be associated with one Microsoft Entra tenant, which a template cannot show.\nThe other way round too: NICs the template declares, mirrored to a TAP outside it (`existing`, or\nan id) or to a TAP a module deploys to a subscription written out, when theirs differs or is only\nknown at deployment.\nSet `deployment.subscriptionId` in `vtaplint.config.json` to compare against a known subscription.\n\n## Where it comes from\n[Virtual network TAP overview, Prerequisites](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#prerequisites):\n\n> If the monitored network interfaces are in different subscriptions, the subscriptions must be associated to the same Microsoft Entra tenant.\n\n## Why it matters\nA TAP cannot mirror network interfaces of a subscription in another tenant: the tap configuration is rejected at deployment.\n\n## How to fix\nCheck that both subscriptions belong to the same tenant (`az account show --subscription <id> --query tenantId`), or keep sources and destination in the TAP's subscription.\n\n## Examples\nFailing (Bicep):\n```bicep\ndestinationNetworkInterfaceIPConfiguration: {\n  id: resourceId('11111111-1111-1111-1111-111111111111', 'collectors', 'Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')\n}\n```\nPassing (Bicep):\n```bicep\ndestinationNetworkInterfaceIPConfiguration: {\n  id: '${collectorNic.id}/ipConfigurations/ipconfig1'\n}\n```\nFailing (ARM JSON):\n```json\n\"destinationNetworkInterfaceIPConfiguration\": {\n  \"id\": \"[resourceId('11111111-1111-1111-1111-111111111111', 'collectors', 'Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]\"\n}\n```\nPassing (ARM JSON):\n```json\n\"destinationNetworkInterfaceIPConfiguration\": {\n  \"id\": \"[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]\"\n}\n```\n";

// rules/vtap-cross-subscription.ts
var vtap_cross_subscription_default2 = defineRule(
  {
    id: "vtap-cross-subscription",
    name: "VtapCrossSubscription",
    shortDescription: "Source NICs or a destination in another subscription must be in a subscription of the same Microsoft Entra tenant (a review item).",
    fullDescription: "A TAP can mirror network interfaces in other subscriptions only when all the subscriptions are associated with the same Microsoft Entra tenant. A template cannot prove that, so the rule asks for a review whenever a source NIC or the destination is referenced with a literal subscription id other than the one the TAP is deployed to (or when the TAP's subscription is only known at deployment).",
    defaultLevel: "note",
    tags: ["vtap"],
    precision: "medium",
    source: 'Virtual network TAP overview, "Prerequisites": the monitored network interfaces in other subscriptions "must be associated to the same Microsoft Entra tenant"'
  },
  vtap_cross_subscription_default,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const tapSub = literalSubscription(tap.id);
      const review = (id, what, span) => {
        const sub = literalSubscription(id);
        if (sub === void 0) {
          if (tapSub !== void 0)
            ctx.indeterminate({
              message: `${what} is in the deployment's subscription (only known at deployment) and TAP '${tap.displayName}' is in subscription '${tapSub}'; if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json`,
              span,
              resource: tap
            });
          return;
        }
        if (tapSub === sub) {
          ctx.pass({ message: `${what} is in the TAP's subscription`, span, resource: tap });
          return;
        }
        ctx.indeterminate({
          message: tapSub === void 0 ? `${what} is referenced in subscription '${sub}' and TAP '${tap.displayName}' is deployed to the deployment's subscription (only known at deployment); if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json` : `${what} is in subscription '${sub}' but TAP '${tap.displayName}' is in subscription '${tapSub}'; both must be associated with the same Microsoft Entra tenant: check that they are`,
          span,
          resource: tap
        });
      };
      for (const s of sourcesOfTap(ctx.graph, tap)) {
        if (s.nic.kind === "external") review(s.nic.id, `source NIC '${nicName(s.nic)}'`, s.tapId.span);
        else if (s.nic.kind === "resource") review(s.nic.resource.id, `source NIC '${nicName(s.nic)}'`, s.tapId.span);
      }
      const d = destinationOf(tap, ctx.graph);
      const r = d?.resolution;
      const destId = r?.kind === "external" ? r.id : r?.kind === "resource" || r?.kind === "sub" ? r.resource.id : void 0;
      if (d && destId) review(destId, `the destination of TAP '${tap.displayName}' ('${idNames(destId)}')`, d.id.span);
    }
    for (const s of tapSources(ctx.graph)) {
      if (s.nic.kind !== "resource") continue;
      const outside = s.tap.kind === "resource" && s.tap.resource.existing ? s.tap.resource.id : s.tap.kind === "external" ? s.tap.id : void 0;
      const tapSub = outside && literalSubscription(outside);
      if (!outside || tapSub === void 0) continue;
      const nic = s.nic.resource;
      const nicSub = literalSubscription(nic.id);
      const tapName = resolvedName(s.tap) ?? "";
      if (nicSub === tapSub) {
        ctx.pass({ message: "source NIC in the TAP's subscription", span: s.tapId.span, resource: nic });
        continue;
      }
      ctx.indeterminate({
        message: nicSub === void 0 ? `source NIC '${nicName(s.nic)}' is deployed to the deployment's subscription (only known at deployment) and TAP '${tapName}' is in subscription '${tapSub}'; if they differ, both subscriptions must be associated with the same Microsoft Entra tenant: check it, or set deployment.subscriptionId in vtaplint.config.json` : `source NIC '${nicName(s.nic)}' is in subscription '${nicSub}' but TAP '${tapName}' is in subscription '${tapSub}'; both must be associated with the same Microsoft Entra tenant: check that they are`,
        span: s.tapId.span,
        resource: nic
      });
    }
  }
);

// src/graph/network.ts
var lower = (s) => s.toLowerCase();
function ipConfigurationsOf(nic) {
  return elements(at(nic.root, "properties", "ipConfigurations"));
}
function networkOf(graph, ipConfig) {
  const ref = at(ipConfig, "properties", "subnet", "id");
  return networkOfSubnetId(graph, ref);
}
function networkOfSubnetId(graph, ref) {
  const res = graph.resolve(ref.value);
  if (res.kind === "resource" && lower(res.resource.type) === lower(TYPES.subnet)) {
    const vnet = res.resource.parent;
    if (vnet) return { kind: "vnet", vnet, subnet: res.resource.root, subnetResource: res.resource, ref };
    return { kind: "external", id: truncateId(res.id, 1), ref };
  }
  if (res.kind === "sub" && lower(res.resource.type) === lower(TYPES.vnet) && lower(res.subTypes[0] ?? "") === "subnets") {
    const child = res.resource.children.find((c) => lower(c.type) === lower(TYPES.subnet) && relativeKey(c.id) === relativeKey(res.id, 2));
    return { kind: "vnet", vnet: res.resource, subnet: res.entry ?? child?.root, subnetResource: child, ref };
  }
  if (res.kind === "external" && res.id.types.length >= 1 && lower(fullType(res.id, 1)) === lower(TYPES.vnet)) {
    return { kind: "external", id: truncateId(res.id, 1), ref };
  }
  return { kind: "unknown", value: ref.value, ref };
}
function networkOfId(graph, ref) {
  const res = graph.resolve(ref.value);
  if (res.kind === "resource" && lower(res.resource.type) === lower(TYPES.vnet)) return { kind: "vnet", vnet: res.resource, subnet: void 0, subnetResource: void 0, ref };
  if (res.kind === "external" && res.id.types.length === 1 && lower(fullType(res.id, 1)) === lower(TYPES.vnet)) return { kind: "external", id: res.id, ref };
  return { kind: "unknown", value: ref.value, ref };
}
function networksOfNic(graph, nic) {
  const out = [];
  for (const ipc of ipConfigurationsOf(nic)) {
    const n = networkOf(graph, ipc);
    if (!out.some((o) => sameNetwork(o, n) === true)) out.push(n);
  }
  return out;
}
function networkKey(n) {
  if (n.kind === "vnet") return `${n.vnet.key}`;
  if (n.kind === "external") return resourceKey(n.id);
  return void 0;
}
function sameNetwork(a, b) {
  if (a.kind === "unknown" || b.kind === "unknown") return void 0;
  if (a.kind === "vnet" && b.kind === "vnet") return a.vnet === b.vnet;
  const ida = networkId(a);
  const idb = networkId(b);
  if (relativeKey(ida) !== relativeKey(idb)) return false;
  return sameScope(ida.scope, idb.scope);
}
function networkName(n) {
  if (n.kind === "vnet") return n.vnet.displayName;
  if (n.kind === "external") return segmentText(n.id.names[0]) ?? "an external virtual network";
  return "an unknown virtual network";
}
function networkNames(a, b) {
  const na = networkName(a);
  const nb = networkName(b);
  if (na.toLowerCase() !== nb.toLowerCase() || a.kind === "unknown" || b.kind === "unknown") return [`'${na}'`, `'${nb}'`];
  return [`'${na}' ${placeOf(a, b)}`, `'${nb}' ${placeOf(b, a)}`];
}
function placeOf(n, other) {
  const id = networkId(n);
  const otherId = networkId(other);
  if (!id || !otherId) return "";
  const rg = resourceGroupOf(id);
  const otherRg = resourceGroupOf(otherId);
  const sub = subscriptionOf(id);
  const otherSub = subscriptionOf(otherId);
  const differs = (x, y) => x && y ? segmentKey(x) !== segmentKey(y) : x !== y;
  const [kind, seg] = rg && otherRg && !differs(rg, otherRg) && differs(sub, otherSub) ? ["subscription", sub] : ["resource group", rg];
  if (!seg) return "";
  const text = segmentText(seg);
  return text !== void 0 ? `in ${kind} '${text}'` : `in the deployment's ${kind}`;
}
function networkId(n) {
  return n.kind === "vnet" ? n.vnet.id : n.kind === "external" ? n.id : void 0;
}
var LB_PARTS = ["backendAddressPools", "inboundNatRules", "frontendIPConfigurations", "loadBalancingRules", "probes"];
function lbPartOf(graph, v) {
  return lbPartOfResolution(graph.resolve(v));
}
function lbPartOfResolution(res) {
  if (res.kind === "sub" && lower(res.resource.type) === lower(TYPES.lb)) {
    const type = LB_PARTS.find((t) => lower(t) === lower(res.subTypes[0] ?? ""));
    const name = segmentText(res.subNames[0]);
    if (!type || name === void 0) return void 0;
    const child = childPart(res.resource, type, name);
    return part(res.resource, type, name, res.entry, child);
  }
  if (res.kind === "resource" && res.resource.parent && lower(res.resource.parent.type) === lower(TYPES.lb)) {
    const type = LB_PARTS.find((t) => lower(`${TYPES.lb}/${t}`) === lower(res.resource.type));
    const name = segmentText(res.id.names[1]);
    if (!type || name === void 0) return void 0;
    return part(res.resource.parent, type, name, inlinePart(res.resource.parent, type, name), res.resource);
  }
  return void 0;
}
function part(lb, type, name, entry, child) {
  const decls = child ? entry ? [entry, child.root] : [child.root] : entry ? [entry] : [];
  return { lb, type, key: lower(name), name, decl: decls[0], child, decls };
}
function inlinePart(lb, type, name) {
  return elements(at(lb.root, "properties", type)).find((e) => {
    const n = at(e, "name").value;
    return typeof n === "string" && lower(n) === lower(name);
  });
}
function childPart(lb, type, name) {
  return lb.children.find((c) => lower(c.type) === lower(`${TYPES.lb}/${type}`) && lower(segmentText(c.id.names[1]) ?? "") === lower(name));
}
function lbParts(lb, type) {
  const out = [];
  for (const e of elements(at(lb.root, "properties", type))) {
    const n = at(e, "name").value;
    if (typeof n === "string") out.push(part(lb, type, n, e, void 0));
  }
  for (const c of lb.children) {
    if (lower(c.type) !== lower(`${TYPES.lb}/${type}`)) continue;
    const n = segmentText(c.id.names[1]);
    if (n === void 0) continue;
    const i = out.findIndex((o) => o.key === lower(n));
    const known3 = out[i];
    if (!known3) out.push(part(lb, type, n, void 0, c));
    else if (!known3.child) out[i] = part(lb, type, known3.name, known3.decl, c);
  }
  return out;
}
function poolAddresses(pool) {
  return pool.decls.flatMap((d) => elements(at(d, "properties", "loadBalancerBackendAddresses")));
}
function lbReferencesOf(ipc) {
  const out = [];
  for (const prop2 of ["loadBalancerBackendAddressPools", "loadBalancerInboundNatRules"]) {
    for (const e of elements(at(ipc, "properties", prop2))) out.push(at(e, "id"));
  }
  return out;
}
function loadBalancersOfNic(graph, nic) {
  const out = [];
  for (const ipc of ipConfigurationsOf(nic)) {
    for (const via of lbReferencesOf(ipc)) {
      const part2 = lbPartOf(graph, via.value);
      if (part2) out.push({ lb: part2.lb, part: part2, ipConfig: ipc, via });
    }
    const method = at(ipc, "properties", "privateIPAllocationMethod").value;
    const ip = at(ipc, "properties", "privateIPAddress").value;
    if (typeof method !== "string" || lower(method) !== "static" || typeof ip !== "string") continue;
    let nicNetwork;
    for (const lb of deployedOfType(graph, TYPES.lb)) {
      for (const pool of lbParts(lb, "backendAddressPools")) {
        for (const addr of poolAddresses(pool)) {
          const a = at(addr, "properties", "ipAddress");
          if (typeof a.value !== "string" || a.value !== ip) continue;
          const subnetRef = at(addr, "properties", "subnet", "id");
          const entryNetwork = subnetRef.value !== void 0 ? networkOfSubnetId(graph, subnetRef) : networkOfId(graph, at(addr, "properties", "virtualNetwork", "id"));
          nicNetwork ??= networkOf(graph, ipc);
          if (sameNetwork(nicNetwork, entryNetwork) === false) continue;
          out.push({ lb, part: pool, ipConfig: ipc, via: a });
        }
      }
    }
  }
  return out;
}
function outsideLoadBalancersOfNic(graph, nic) {
  const out = [];
  for (const ipc of ipConfigurationsOf(nic)) {
    for (const via of lbReferencesOf(ipc)) {
      const res = graph.resolve(via.value);
      let found;
      if (res.kind === "external" && res.id.types.length >= 1 && lower(fullType(res.id, 1)) === lower(TYPES.lb)) {
        const lbId = truncateId(res.id, 1);
        found = { key: resourceKey(lbId), name: idNames(lbId) };
      } else if (res.kind === "sub" || res.kind === "resource") {
        const lb = lower(res.resource.type) === lower(TYPES.lb) ? res.resource : res.resource.parent;
        if (lb && lb.existing && lower(lb.type) === lower(TYPES.lb)) found = { key: lb.key, name: lb.displayName };
      }
      if (found && !out.some((o) => o.key === found.key)) out.push({ ...found, via });
    }
  }
  return out;
}
function unknownLbReferencesOfNic(graph, nic) {
  const out = [];
  for (const ipc of ipConfigurationsOf(nic)) {
    for (const [prop2, part2] of [
      ["loadBalancerBackendAddressPools", "backendAddressPools"],
      ["loadBalancerInboundNatRules", "inboundNatRules"]
    ]) {
      const list = at(ipc, "properties", prop2);
      if (list.value instanceof Unknown) {
        out.push({ ref: list, part: part2 });
        continue;
      }
      for (const e of elements(list)) {
        const ref = at(e, "id");
        if (ref.value instanceof Unknown && graph.resolve(ref.value).kind === "none") out.push({ ref, part: part2 });
      }
    }
  }
  return out;
}
function membersOfPool(graph, pool) {
  let byPool = poolMembers.get(graph);
  if (!byPool) {
    byPool = /* @__PURE__ */ new Map();
    for (const nic of deployedOfType(graph, TYPES.nic)) {
      for (const m of loadBalancersOfNic(graph, nic)) {
        if (m.part.type !== "backendAddressPools") continue;
        let pools = byPool.get(m.lb);
        if (!pools) byPool.set(m.lb, pools = /* @__PURE__ */ new Map());
        const list = pools.get(m.part.key);
        const member2 = { nic, ipConfig: m.ipConfig, via: m.via };
        if (list) list.push(member2);
        else pools.set(m.part.key, [member2]);
      }
    }
    poolMembers.set(graph, byPool);
  }
  return byPool.get(pool.lb)?.get(pool.key) ?? [];
}
var poolMembers = /* @__PURE__ */ new WeakMap();
function lbRules(lb) {
  const out = [];
  for (const kind of ["loadBalancingRules", "inboundNatRules"]) {
    for (const p of lbParts(lb, kind)) if (p.decl) out.push({ lb, kind, name: p.name, decl: p.decl });
  }
  return out;
}
function rulesReaching(graph, m) {
  return lbRules(m.lb).filter((r) => {
    if (m.part.type === "inboundNatRules") return r.kind === "inboundNatRules" && lower(r.name) === m.part.key;
    return poolsOfRule(graph, r).some((p) => p.lb === m.lb && p.key === m.part.key);
  });
}
function poolsOfRule(graph, r) {
  const ids = [at(r.decl, "properties", "backendAddressPool", "id"), ...elements(at(r.decl, "properties", "backendAddressPools")).map((e) => at(e, "id"))];
  return ids.map((id) => lbPartOf(graph, id.value)).filter((p) => p?.type === "backendAddressPools");
}
function frontendOfRule(graph, r) {
  const p = lbPartOf(graph, at(r.decl, "properties", "frontendIPConfiguration", "id").value);
  return p?.type === "frontendIPConfigurations" ? p : void 0;
}
function rulesOfFrontend(graph, frontend) {
  return lbRules(frontend.lb).filter((r) => {
    const f = frontendOfRule(graph, r);
    return f !== void 0 && f.lb === frontend.lb && f.key === frontend.key;
  });
}
function peeringsOf(graph, vnet) {
  const out = [];
  for (const e of elements(at(vnet.root, "properties", "virtualNetworkPeerings"))) {
    out.push({ from: vnet, holder: vnet, decl: e, remote: at(e, "properties", "remoteVirtualNetwork", "id") });
  }
  for (const p of deployedOfType(graph, TYPES.peering)) {
    const parent = p.parent ?? graph.find(truncateId(p.id, 1));
    if (parent === vnet) out.push({ from: vnet, holder: p, decl: p.root, remote: at(p.root, "properties", "remoteVirtualNetwork", "id") });
  }
  return out;
}
function peeringFromTo(graph, a, b) {
  if (a.kind !== "vnet") return void 0;
  return peeringsOf(graph, a.vnet).find((p) => {
    const remote = graph.resolve(p.remote.value);
    if (b.kind === "vnet") return remote.kind === "resource" && remote.resource === b.vnet;
    if (b.kind === "external" && (remote.kind === "external" || remote.kind === "resource")) {
      const id = remote.kind === "external" ? remote.id : remote.resource.id;
      return relativeKey(id) === relativeKey(b.id) && sameScope(id.scope, b.id.scope) !== false;
    }
    return false;
  });
}
function hasUnknownPeering(graph, a) {
  if (a.kind !== "vnet") return false;
  return peeringsOf(graph, a.vnet).some((p) => graph.resolve(p.remote.value).kind === "none");
}
function securityGroupsOfNic(graph, nic, ipConfig) {
  const out = [];
  const add = (ref, on) => {
    const res = graph.resolve(ref.value);
    if (res.kind === "resource" && lower(res.resource.type) === lower(TYPES.nsg) && !out.some((o) => o.nsg === res.resource)) out.push({ nsg: res.resource, ref, on });
  };
  add(at(nic.root, "properties", "networkSecurityGroup", "id"), "nic");
  for (const ipc of ipConfig ? [ipConfig] : ipConfigurationsOf(nic)) {
    const n = networkOf(graph, ipc);
    if (n.kind === "vnet" && n.subnet) add(at(n.subnet, "properties", "networkSecurityGroup", "id"), "subnet");
  }
  return out;
}
function securityRulesOf(nsg) {
  const out = [];
  for (const e of elements(at(nsg.root, "properties", "securityRules"))) {
    const n = at(e, "name").value;
    out.push({ name: typeof n === "string" ? n : "?", decl: e });
  }
  for (const c of nsg.children) {
    if (lower(c.type) === lower(`${TYPES.nsg}/securityRules`)) out.push({ name: segmentText(c.id.names[1]) ?? "?", decl: c.root });
  }
  return out;
}
function publicIpOf(graph, ipConfig) {
  const ref = at(ipConfig, "properties", "publicIPAddress", "id");
  const res = graph.resolve(ref.value);
  return res.kind === "resource" && lower(res.resource.type) === lower(TYPES.publicIp) ? { pip: res.resource, ref } : void 0;
}
function privateLinkFrontends(graph) {
  const out = [];
  for (const pls of deployedOfType(graph, TYPES.privateLinkService)) {
    for (const e of elements(at(pls.root, "properties", "loadBalancerFrontendIpConfigurations"))) {
      const ref = at(e, "id");
      const frontend = lbPartOf(graph, ref.value);
      if (frontend?.type === "frontendIPConfigurations") out.push({ pls, ref, frontend });
    }
  }
  return out;
}
function portCovers(v, port) {
  if (v === void 0 || v === null) return false;
  if (v instanceof Unknown) return void 0;
  if (Array.isArray(v)) {
    const each = v.map((x) => portCovers(x, port));
    return each.includes(true) ? true : each.includes(void 0) ? void 0 : false;
  }
  if (typeof v === "number") return v === port;
  if (typeof v !== "string") return false;
  const s = v.trim();
  if (s === "*") return true;
  const m = /^(\d+)\s*-\s*(\d+)$/.exec(s);
  if (m) return Number(m[1]) <= port && port <= Number(m[2]);
  return /^\d+$/.test(s) ? Number(s) === port : false;
}
function broadSource(rule) {
  const one = at(rule, "properties", "sourceAddressPrefix").value;
  const many = at(rule, "properties", "sourceAddressPrefixes").value;
  if (one instanceof Unknown || many instanceof Unknown) return void 0;
  const broad = (x) => typeof x === "string" && ["*", "any", "virtualnetwork"].includes(x.toLowerCase());
  if (one !== void 0 && one !== null && one !== "") return broad(one);
  if (Array.isArray(many) && many.length > 0) return many.some(broad);
  return true;
}
function parseIpv4Range(s) {
  const text = s.trim();
  if (text.includes(":") && /^[0-9a-f:.]+(\/\d{1,3})?$/i.test(text)) return "v6";
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text);
  if (!m) return void 0;
  const octets = [m[1], m[2], m[3], m[4]].map(Number);
  const bits = m[5] === void 0 ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return void 0;
  const addr = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const first = addr - addr % size;
  return { first, last: first + size - 1, text };
}
function addressOf(graph, ipConfig) {
  if (!ipConfig) return { kind: "unknown", value: void 0 };
  const method = at(ipConfig, "properties", "privateIPAllocationMethod").value;
  const ip = at(ipConfig, "properties", "privateIPAddress").value;
  if (method instanceof Unknown) return { kind: "unknown", value: method };
  if (typeof method === "string" && lower(method) === "static") {
    if (ip instanceof Unknown) return { kind: "unknown", value: ip };
    const r = typeof ip === "string" ? parseIpv4Range(ip) : void 0;
    return r && r !== "v6" ? { kind: "known", ranges: [r], dynamic: false, subnet: void 0 } : { kind: "unknown", value: void 0 };
  }
  const n = networkOf(graph, ipConfig);
  if (n.kind !== "vnet" || !n.subnet) return { kind: "unknown", value: n.kind === "unknown" && n.value instanceof Unknown ? n.value : void 0 };
  const one = at(n.subnet, "properties", "addressPrefix").value;
  const many = at(n.subnet, "properties", "addressPrefixes").value;
  const prefixes = typeof one === "string" ? [one] : Array.isArray(many) ? many : [one];
  const ranges = [];
  for (const p of prefixes) {
    if (p instanceof Unknown) return { kind: "unknown", value: p };
    const r = typeof p === "string" ? parseIpv4Range(p) : void 0;
    if (r && r !== "v6") ranges.push(r);
  }
  if (ranges.length === 0) return { kind: "unknown", value: void 0 };
  const name = n.subnetResource ? segmentText(n.subnetResource.id.names[1]) : at(n.subnet, "name").value;
  return { kind: "known", ranges, dynamic: true, subnet: typeof name === "string" ? name : void 0 };
}
var WHOLE_NETWORK = /* @__PURE__ */ new Set(["*", "any", "virtualnetwork", "virtual_network"]);
function destinationCovers(graph, rule, ipConfig) {
  const one = at(rule, "properties", "destinationAddressPrefix").value;
  const many = at(rule, "properties", "destinationAddressPrefixes").value;
  const asgs = at(rule, "properties", "destinationApplicationSecurityGroups");
  for (const v of [one, many, asgs.value]) if (v instanceof Unknown) return { covers: void 0, value: v, prefix: void 0 };
  const prefixes = [];
  if (typeof one === "string" && one !== "") prefixes.push(one);
  if (Array.isArray(many)) prefixes.push(...many);
  const groups = elements(asgs);
  if (prefixes.length === 0 && groups.length === 0) return { covers: true };
  let address;
  const answers = [];
  const partial = [];
  for (const p of prefixes) {
    if (p instanceof Unknown) {
      answers.push({ covers: void 0, value: p, prefix: void 0 });
      continue;
    }
    if (typeof p !== "string") continue;
    if (WHOLE_NETWORK.has(lower(p.trim()))) return { covers: true };
    const range = parseIpv4Range(p);
    if (range === void 0 || range === "v6") continue;
    address ??= addressOf(graph, ipConfig);
    if (address.kind === "unknown") {
      answers.push({ covers: void 0, value: address.value, prefix: void 0 });
      continue;
    }
    const inside = address.ranges.every((a) => range.first <= a.first && a.last <= range.last);
    const outside = address.ranges.every((a) => a.last < range.first || range.last < a.first);
    if (inside) return { covers: true };
    if (!outside) {
      partial.push(range);
      answers.push({ covers: void 0, value: void 0, prefix: range.text });
    }
  }
  if (partial.length > 1 && address?.kind === "known" && address.ranges.every((a) => unionHolds(partial, a))) return { covers: true };
  if (groups.length > 0) {
    const own2 = ipConfig ? elements(at(ipConfig, "properties", "applicationSecurityGroups")).map((e) => at(e, "id").value) : [];
    for (const g of groups) {
      const id = at(g, "id").value;
      const answer = sameAsgIn(graph, id, own2);
      if (answer === true) return { covers: true };
      if (answer === void 0) answers.push({ covers: void 0, value: id instanceof Unknown ? id : own2.find((o) => o instanceof Unknown), prefix: void 0 });
    }
  }
  return answers[0] ?? { covers: false };
}
function unionHolds(ranges, a) {
  let next = a.first;
  for (const r of [...ranges].sort((x, y) => x.first - y.first)) {
    if (r.first > next) break;
    if (r.last >= next) next = r.last + 1;
    if (next > a.last) return true;
  }
  return next > a.last;
}
function sameAsgIn(graph, id, ids) {
  const a = graph.resolve(id);
  if (a.kind === "none") return void 0;
  let unknown = false;
  for (const other of ids) {
    const b = graph.resolve(other);
    if (b.kind === "none") unknown = true;
    else if (a.kind === "resource" && b.kind === "resource") {
      if (a.resource === b.resource) return true;
    } else if (a.kind === "external" && b.kind === "external") {
      if (relativeKey(a.id) === relativeKey(b.id)) {
        const same = sameScope(a.id.scope, b.id.scope);
        if (same === true) return true;
        if (same === void 0) unknown = true;
      }
    }
  }
  return unknown ? void 0 : false;
}

// src/graph/tap-network.ts
function tapNetworkPairs(graph) {
  const out = [];
  for (const tap of taps(graph)) {
    const destination = destinationOf(tap, graph);
    const target = destination && destinationTarget(destination);
    if (!destination || !target) continue;
    const destNet = networkOf(graph, target.entry);
    const seen = /* @__PURE__ */ new Set();
    for (const source of sourcesOfTap(graph, tap)) {
      const nic = declaredNic(source.nic);
      if (!nic) continue;
      for (const sourceNet of networksOfNic(graph, nic)) {
        const key2 = `${nic.key}|${networkKey(sourceNet) ?? "?"}`;
        if (seen.has(key2)) continue;
        seen.add(key2);
        const visible = (n) => n.kind === "vnet" && !n.vnet.existing && !hasUnknownPeering(graph, n);
        out.push({
          tap,
          destination,
          source,
          nic,
          sourceNet,
          destNet,
          same: sameNetwork(sourceNet, destNet),
          forward: peeringFromTo(graph, sourceNet, destNet),
          backward: peeringFromTo(graph, destNet, sourceNet),
          peeringsVisible: visible(sourceNet) && visible(destNet)
        });
      }
    }
  }
  return out;
}

// rules/vtap-destination-network.md
var vtap_destination_network_default = '# vtap-destination-network\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nThe destination\'s virtual network (the subnet of the destination NIC IP configuration, or of the\nload balancer frontend) is the virtual network of each source NIC, or the template declares\npeerings between the two networks in both directions (inline `virtualNetworkPeerings` or\n`virtualNetworks/virtualNetworkPeerings` child resources, matched by `remoteVirtualNetwork.id`).\nWhen one of the networks is outside the template (or `existing`), its peerings cannot be seen and\nthe result is *indeterminate*. Networks are compared by their whole id: a `vnet1` in resource\ngroup `other-rg` is not the template\'s `vnet1` when the config\'s `deployment.resourceGroup` says\nthe template goes elsewhere, and the message then names each network with its resource group. Peerings both ways of which one sets\n`allowVirtualNetworkAccess: false` give an *indeterminate* result: that setting blocks traffic\nbetween the networks, so the mirrored packets may not reach the collector.\nA peering deployed only under a condition known at deployment (a parameter without a value in\n`if (...)`, on the peering or on the module that deploys it) gives an *indeterminate* result when\nthe source is deployed without that condition: the networks may stay unpeered. A source under the\nsame condition as the peering passes.\n\n## Where it comes from\n[Virtual network TAP overview](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview):\n\n> The destination is a virtual network IP address in the same virtual network as the monitored network interface or a peered virtual network.\n\n## Why it matters\nA collector in an unconnected network never receives the mirrored packets: the TAP deploys, but nothing arrives.\n\n## How to fix\nPut the collector in the source network, or peer the two networks in both directions.\n\n## Examples\nFailing (Bicep):\n```bicep\n// collectorNic is in collectorVnet, webNic (the source) in vnet, and no peering connects them\nresource tap \'Microsoft.Network/virtualNetworkTaps@2024-05-01\' = {\n  name: \'tap1\'\n  location: location\n  properties: { destinationNetworkInterfaceIPConfiguration: { id: \'${collectorNic.id}/ipConfigurations/ipconfig1\' } }\n}\n```\nPassing (Bicep):\n```bicep\nresource toCollector \'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01\' = {\n  parent: vnet\n  name: \'to-collector-vnet\'\n  properties: { allowVirtualNetworkAccess: true, remoteVirtualNetwork: { id: collectorVnet.id } }\n}\nresource toSource \'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01\' = {\n  parent: collectorVnet\n  name: \'to-vtap-vnet\'\n  properties: { allowVirtualNetworkAccess: true, remoteVirtualNetwork: { id: vnet.id } }\n}\n```\nFailing (ARM JSON):\n```json\n"destinationNetworkInterfaceIPConfiguration": { "id": "[resourceId(\'Microsoft.Network/networkInterfaces/ipConfigurations\', \'collector-nic\', \'ipconfig1\')]" }\n// collector-nic is in collector-vnet; only vtap-vnet -> collector-vnet is peered\n```\nPassing (ARM JSON):\n```json\n{\n  "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",\n  "apiVersion": "2024-05-01",\n  "name": "[format(\'{0}/{1}\', \'vtap-vnet\', \'to-collector-vnet\')]",\n  "properties": { "remoteVirtualNetwork": { "id": "[resourceId(\'Microsoft.Network/virtualNetworks\', \'collector-vnet\')]" } }\n},\n{\n  "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",\n  "apiVersion": "2024-05-01",\n  "name": "[format(\'{0}/{1}\', \'collector-vnet\', \'to-vtap-vnet\')]",\n  "properties": { "remoteVirtualNetwork": { "id": "[resourceId(\'Microsoft.Network/virtualNetworks\', \'vtap-vnet\')]" } }\n}\n```\n';

// rules/vtap-destination-network.ts
var vtap_destination_network_default2 = defineRule(
  {
    id: "vtap-destination-network",
    name: "VtapDestinationNetwork",
    shortDescription: "The destination is in the source NIC's virtual network or in a virtual network peered with it.",
    fullDescription: "The collector that receives mirrored traffic must be in the same virtual network as the mirrored network interface, or in a peered virtual network. The rule compares the destination's network (the subnet of the NIC IP configuration or of the load balancer frontend) with each source NIC's network and, when they differ, looks for peerings in both directions (inline virtualNetworkPeerings or child resources) in the template.",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "high",
    source: 'Virtual network TAP overview, "Prerequisites": "The destination is a virtual network IP address in the same virtual network as the monitored network interface or a peered virtual network."'
  },
  vtap_destination_network_default,
  (ctx) => {
    for (const p of tapNetworkPairs(ctx.graph)) {
      const [src, dst] = networkNames(p.sourceNet, p.destNet);
      const base = {
        span: p.destination.id.span,
        resource: p.tap,
        // The source's declaration too: a TAP configuration that may not be deployed mirrors nothing.
        involved: [p.nic, p.source.holder],
        sources: [p.source],
        related: [sourceRelated(p.source), { span: p.sourceNet.ref.span, message: `source NIC '${p.nic.displayName}' is in ${src} here` }, { span: p.destNet.ref.span, message: `the destination is in ${dst} here` }]
      };
      if (p.same === true) {
        ctx.pass({ ...base, message: "destination in the source network" });
        continue;
      }
      if (p.same === void 0) {
        const pending = [p.sourceNet, p.destNet].some((n) => n.kind === "unknown" && n.value instanceof Unknown && ctx.graph.resolve(n.value).kind === "none");
        if (pending) {
          ctx.indeterminate({ ...base, message: `cannot tell whether the destination of TAP '${p.tap.displayName}' is in the network of source NIC '${p.nic.displayName}': a subnet id is not known before deployment` });
          continue;
        }
        if (p.sourceNet.kind !== "unknown" && p.destNet.kind !== "unknown" && !(p.forward && p.backward)) {
          ctx.indeterminate({
            ...base,
            message: `the destination of TAP '${p.tap.displayName}' is in ${dst} and source NIC '${p.nic.displayName}' is in ${src}: one network only if the deployment's resource group is that one; otherwise peer the two networks in both directions`
          });
        }
        continue;
      }
      if (p.forward && p.backward) {
        const holder = p.source.holder;
        const conditional = [p.forward, p.backward].find((x) => x.holder.state === "maybe" && !(holder.state === "maybe" && holder.condition?.reason.message === x.holder.condition?.reason.message));
        if (conditional) {
          const cond = conditional.holder.condition;
          ctx.indeterminate({
            ...base,
            related: [...base.related, { span: conditional.decl.span, message: `the peering from '${conditional.from.displayName}' is declared here` }],
            message: `the destination of TAP '${p.tap.displayName}' is in ${dst} and source NIC '${p.nic.displayName}' is in ${src}, but the peering from '${conditional.from.displayName}' ('${conditional.holder.displayName}') is deployed only if its condition allows (${cond ? describeUnknown(cond) : "not known before deployment"}); without it the collector is unreachable: give the source the same condition, or deploy the peerings unconditionally`
          });
          continue;
        }
        const closed = [p.forward, p.backward].find((x) => at(x.decl, "properties", "allowVirtualNetworkAccess").value === false);
        if (closed) {
          const flag = at(closed.decl, "properties", "allowVirtualNetworkAccess");
          ctx.indeterminate({
            ...base,
            related: [...base.related, { span: flag.span, message: "allowVirtualNetworkAccess is false here" }],
            message: `the destination of TAP '${p.tap.displayName}' is in ${dst} and source NIC '${p.nic.displayName}' is in ${src}, peered both ways, but a peering does not allow virtual network access, which blocks traffic between them; mirrored traffic may not reach the collector: set allowVirtualNetworkAccess to true`
          });
          continue;
        }
        ctx.pass({ ...base, message: "networks peered both ways" });
        continue;
      }
      const missing = [!p.forward ? `from ${src} to ${dst}` : void 0, !p.backward ? `from ${dst} to ${src}` : void 0].filter(Boolean).join(" and ");
      if (!p.peeringsVisible) {
        ctx.indeterminate({
          ...base,
          message: `the destination of TAP '${p.tap.displayName}' is in ${dst}, source NIC '${p.nic.displayName}' is in ${src}, and the template has no peering ${missing}; a network outside the template may have it: check that the two networks are peered both ways`
        });
        continue;
      }
      ctx.fail({
        ...base,
        message: `the destination of TAP '${p.tap.displayName}' is in ${dst} but source NIC '${p.nic.displayName}' is in ${src}, and no peering connects them ${missing}; put the collector in ${src} or peer the two networks in both directions`
      });
    }
  }
);

// rules/vtap-peering-same-region.md
var vtap_peering_same_region_default = '# vtap-peering-same-region\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nWhen the destination is in another virtual network than a source NIC, both networks (when the\ntemplate declares them) have the same `location`: global peering does not carry mirrored traffic.\n\n## Where it comes from\n[Virtual network TAP overview, Prerequisites](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#prerequisites):\n\n> Additionally, the monitored network interfaces, and the destination endpoint for aggregating the TAP traffic can be in peered virtual networks in the same region.\n\n## Why it matters\nMirrored traffic is not sent over global (cross-region) peering; the collector receives nothing.\n\n## How to fix\nPlace the collector in a network in the source network\'s region and peer those.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource collectorVnet \'Microsoft.Network/virtualNetworks@2024-05-01\' = {\n  name: \'collector-vnet\'\n  location: \'westus\'    // the source network is in eastus\n  ...\n}\n```\nPassing (Bicep):\n```bicep\nresource collectorVnet \'Microsoft.Network/virtualNetworks@2024-05-01\' = {\n  name: \'collector-vnet\'\n  location: location    // eastus, like the source network\n  ...\n}\n```\nFailing (ARM JSON):\n```json\n"type": "Microsoft.Network/virtualNetworks",\n"name": "collector-vnet",\n"location": "westus"\n```\nPassing (ARM JSON):\n```json\n"type": "Microsoft.Network/virtualNetworks",\n"name": "collector-vnet",\n"location": "[parameters(\'location\')]"\n```\n';

// rules/vtap-peering-same-region.ts
var vtap_peering_same_region_default2 = defineRule(
  {
    id: "vtap-peering-same-region",
    name: "VtapPeeringSameRegion",
    shortDescription: "When the destination is in a peered virtual network, both networks are in one region (no global peering).",
    fullDescription: "Mirrored traffic can reach a collector in a peered virtual network only when the peered networks are in the same region. The rule compares the locations of the source NIC's network and the destination's network when they differ.",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: 'Virtual network TAP overview, "Prerequisites": "the monitored network interfaces, and the destination endpoint for aggregating the TAP traffic can be in peered virtual networks in the same region"'
  },
  vtap_peering_same_region_default,
  (ctx) => {
    const done = /* @__PURE__ */ new Set();
    for (const p of tapNetworkPairs(ctx.graph)) {
      if (p.same !== false || p.sourceNet.kind !== "vnet" || p.destNet.kind !== "vnet" || p.sourceNet.vnet.existing || p.destNet.vnet.existing) continue;
      const a = p.sourceNet.vnet;
      const b = p.destNet.vnet;
      const key2 = `${p.tap.key}|${a.key}|${b.key}`;
      if (done.has(key2)) continue;
      done.add(key2);
      const la = at(a.root, "location");
      const lb = at(b.root, "location");
      if (la.value === void 0 || lb.value === void 0) continue;
      const same = sameRegion(la.value, lb.value);
      const base = { span: lb.span, resource: b, involved: [a, p.tap, p.source.holder], sources: [p.source], related: [{ span: la.span, message: `the location of '${a.displayName}', the network of source NIC '${p.nic.displayName}'` }, sourceRelated(p.source)] };
      if (same === true) ctx.pass({ ...base, message: "peered networks in one region" });
      else if (same === false)
        ctx.fail({
          ...base,
          message: `the destination network '${b.displayName}' is in '${String(lb.value)}' but the source network '${a.displayName}' is in '${String(la.value)}'; a TAP cannot send over global peering: put the collector in a network in '${String(la.value)}'`
        });
      else if (la.value instanceof Unknown || lb.value instanceof Unknown) {
        const u = la.value instanceof Unknown ? la.value : lb.value;
        ctx.indeterminate({ ...base, related: [...base.related, ...unknownOrigin(u, base.span)], message: `cannot tell whether networks '${a.displayName}' and '${b.displayName}' are in one region: a location is ${describeUnknown(u)}` });
      }
    }
  }
);

// rules/vtap-peering-before-tap.md
var vtap_peering_before_tap_default = "# vtap-peering-before-tap\n\n**Level:** warning \xB7 **Tags:** vtap\n\n## What it checks\nWhen a source NIC and the destination are in different networks and the template declares the\npeerings, every TAP configuration of that source (the `tapConfigurations` resource, or the NIC for\ninline and IP-configuration declarations) depends on each peering, directly or transitively:\n`dependsOn`, Bicep symbolic references, `parent`, or the module it is in (depending on a module\nmeans waiting for every resource in it: peerings in a network module whose outputs the source's\nmodule uses are in place first). Ids in properties do not order an ARM deployment and are not\ncounted.\n\n## Where it comes from\n[Virtual network TAP overview, Prerequisites](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#prerequisites):\n\n> If you're using this deployment model, ensure that the virtual network peering is enabled before you configure virtual network TAP.\n\n## Why it matters\nWithout the dependency ARM may create the tap configuration while the peering is still being set up, and the configuration fails or mirrors nothing.\n\n## How to fix\nAdd both peerings to the `dependsOn` of the TAP configuration.\n\nA `dependsOn` entry names only resources and modules of its own file. When the peerings and the\nTAP configuration are in different modules (nested deployments), add the module that deploys the\npeerings (`peerings`; a module loop's name waits for all its instances) to the `dependsOn` of the\nmodule that holds the TAP configuration, in the template that declares both; in ARM JSON, name the\ndeployment: `[resourceId('Microsoft.Resources/deployments', 'peerings')]`. The message names the\ntwo modules and that file, and points at the module to change.\n\n```bicep\nmodule workloads 'modules/workload.bicep' = [for (s, i) in spokes: {\n  name: 'workload-${s.name}'\n  params: { subnetId: spokeNetworks[i].outputs.subnetId, tapId: hub.outputs.tapId }\n  dependsOn: [ peerings ]\n}]\n```\n\n## Examples\nFailing (Bicep):\n```bicep\nresource tapConfig 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {\n  parent: webNic\n  name: 'to-collector'\n  properties: { virtualNetworkTap: { id: tap.id } }\n}\n```\nPassing (Bicep):\n```bicep\nresource tapConfig 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {\n  parent: webNic\n  name: 'to-collector'\n  properties: { virtualNetworkTap: { id: tap.id } }\n  dependsOn: [ toCollector, toSource ]\n}\n```\nFailing (ARM JSON):\n```json\n\"dependsOn\": [\n  \"[resourceId('Microsoft.Network/networkInterfaces', 'web-nic')]\",\n  \"[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]\"\n]\n```\nPassing (ARM JSON):\n```json\n\"dependsOn\": [\n  \"[resourceId('Microsoft.Network/networkInterfaces', 'web-nic')]\",\n  \"[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]\",\n  \"[resourceId('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', 'vtap-vnet', 'to-collector-vnet')]\",\n  \"[resourceId('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', 'collector-vnet', 'to-vtap-vnet')]\"\n]\n```\n";

// rules/vtap-peering-before-tap.ts
var vtap_peering_before_tap_default2 = defineRule(
  {
    id: "vtap-peering-before-tap",
    name: "VtapPeeringBeforeTap",
    shortDescription: "A TAP configuration that sends to a peered network is deployed after the peerings (both directions).",
    fullDescription: "When the destination is in a peered virtual network, the peering must be in place before the TAP configuration is created. The rule checks that every TAP configuration of such a source depends, directly or transitively (dependsOn, Bicep symbolic references, parent, module outputs), on the peerings the template declares in both directions.",
    defaultLevel: "warning",
    tags: ["vtap"],
    precision: "high",
    source: 'Virtual network TAP overview, "Prerequisites": "ensure that the virtual network peering is enabled before you configure virtual network TAP"'
  },
  vtap_peering_before_tap_default,
  (ctx) => {
    for (const p of tapNetworkPairs(ctx.graph)) {
      if (p.same !== false) continue;
      for (const peering of [p.forward, p.backward].filter((x) => x !== void 0)) {
        const holder = p.source.holder;
        const base = { span: p.source.tapId.span, resource: holder, involved: [peering.holder, p.tap], sources: [p.source], related: [{ span: peering.decl.span, message: `the peering from '${peering.from.displayName}'` }, sourceRelated(p.source)] };
        if (orderedAfter(ctx.graph, holder, peering.holder)) {
          ctx.pass({ ...base, message: "tap configuration after peering" });
          continue;
        }
        const across = dependsOnAcrossModules(holder, peering.holder, p.source.declaration === "child" ? "the TAP configuration" : `NIC '${p.nic.displayName}'`, "the peering");
        ctx.fail({
          ...base,
          related: across ? [...base.related, across.related] : base.related,
          message: `'${holder.displayName}' attaches NIC '${p.nic.displayName}' to TAP '${p.tap.displayName}' without waiting for the peering from '${peering.from.displayName}' ('${peering.holder.displayName}'); the peering must be in place first: ${across?.advice ?? "add it to dependsOn"}`
        });
      }
    }
  }
);

// src/graph/roles.ts
function roleDefinitions(graph) {
  return deployedOfType(graph, "Microsoft.Authorization/roleDefinitions");
}
function permissionsOf(role) {
  return elements(at(role.root, "properties", "permissions")).map((decl) => ({
    role,
    decl,
    actions: elements(at(decl, "actions")),
    notActions: elements(at(decl, "notActions"))
  }));
}
function actionMatches(pattern, operation) {
  const p = pattern.toLowerCase();
  const s = operation.toLowerCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < s.length) {
    if (i < p.length && p[i] !== "*" && p[i] === s[j]) {
      i++;
      j++;
    } else if (i < p.length && p[i] === "*") {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < p.length && p[i] === "*") i++;
  return i === p.length;
}
function grants(p, operation) {
  const by = p.actions.find((a) => typeof a.value === "string" && actionMatches(a.value, operation));
  if (!by) return { granted: false };
  const removedBy = p.notActions.find((a) => typeof a.value === "string" && actionMatches(a.value, operation));
  return removedBy ? { granted: false, by, removedBy } : { granted: true, by };
}

// rules/vtap-role-permissions.md
var vtap_role_permissions_default = '# vtap-role-permissions\n\n**Level:** warning \xB7 **Tags:** vtap\n\n## What it checks\nFor a `Microsoft.Authorization/roleDefinitions` whose `actions` or `notActions` name a TAP operation\n(`virtualNetworkTaps`, `tapConfigurations`), its permissions grant all of\n`Microsoft.Network/virtualNetworkTaps/*`, `Microsoft.Network/networkInterfaces/read` and\n`Microsoft.Network/networkInterfaces/tapConfigurations/*` (wildcards such as `Microsoft.Network/*`\ncount), and no `notActions` entry takes one of them away. The documented\n`Microsoft.Network/tapConfigurations/*` matches no real operation: the rule flags it and says what to\nwrite. The operation names are data (`rules/data/vtap-facts.json`).\n\n## Where it comes from\n[Virtual network TAP overview, Permissions](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#permissions):\n\n> Microsoft.Network/tapConfigurations/* | Required to create, update, read, and delete the TAP configuration on a network interface\n\nThe real operations are `Microsoft.Network/networkInterfaces/tapConfigurations/{read,write,delete}` (resource provider operations list).\n\n## Why it matters\nA custom role copied from the documentation cannot create TAP configurations: the deployment fails with an authorization error.\n\n## How to fix\nGrant `Microsoft.Network/networkInterfaces/tapConfigurations/*` and remove notActions that take TAP operations away.\n\n## Examples\nFailing (Bicep):\n```bicep\nactions: [\n  \'Microsoft.Network/virtualNetworkTaps/*\'\n  \'Microsoft.Network/networkInterfaces/read\'\n  \'Microsoft.Network/tapConfigurations/*\'\n]\n```\nPassing (Bicep):\n```bicep\nactions: [\n  \'Microsoft.Network/virtualNetworkTaps/*\'\n  \'Microsoft.Network/networkInterfaces/read\'\n  \'Microsoft.Network/networkInterfaces/tapConfigurations/*\'\n]\n```\nFailing (ARM JSON):\n```json\n"actions": ["Microsoft.Network/*"],\n"notActions": ["Microsoft.Network/virtualNetworkTaps/write"]\n```\nPassing (ARM JSON):\n```json\n"actions": [\n  "Microsoft.Network/virtualNetworkTaps/*",\n  "Microsoft.Network/networkInterfaces/read",\n  "Microsoft.Network/networkInterfaces/tapConfigurations/*"\n]\n```\n';

// rules/vtap-role-permissions.ts
var REQUIRED = vtap_facts_default.rolePermissions.required;
var OPERATIONS = vtap_facts_default.rolePermissions.operations;
var WRONG = vtap_facts_default.rolePermissions.documentedButWrong;
var TAP_WORDS = /virtualnetworktaps|tapconfigurations/i;
var vtap_role_permissions_default2 = defineRule(
  {
    id: "vtap-role-permissions",
    name: "VtapRolePermissions",
    shortDescription: "A custom role meant for virtual network TAP grants every operation TAP needs.",
    fullDescription: "To work with virtual network TAP an account needs Microsoft.Network/virtualNetworkTaps/*, Microsoft.Network/networkInterfaces/read and Microsoft.Network/networkInterfaces/tapConfigurations/*. For a role definition whose actions mention TAP operations, the rule checks that its permissions grant all of them (wildcards count, notActions must not take them away), and flags the documented Microsoft.Network/tapConfigurations/*, which matches no real operation.",
    defaultLevel: "warning",
    tags: ["vtap"],
    precision: "high",
    source: 'Virtual network TAP overview, "Prerequisites": the account needs a role with "Microsoft.Network/virtualNetworkTaps/*", "Microsoft.Network/networkInterfaces/read" and "Microsoft.Network/tapConfigurations/*"'
  },
  vtap_role_permissions_default,
  (ctx) => {
    for (const role of roleDefinitions(ctx.graph)) {
      const perms = permissionsOf(role);
      const all = perms.flatMap((p) => p.actions);
      if (![...all, ...perms.flatMap((p) => p.notActions)].some((a) => typeof a.value === "string" && TAP_WORDS.test(a.value))) continue;
      const roleName = at(role.root, "properties", "roleName").value;
      const name = typeof roleName === "string" ? roleName : role.displayName;
      for (const a of all) {
        const fix = typeof a.value === "string" ? Object.entries(WRONG).find(([w]) => w.toLowerCase() === a.value.toLowerCase())?.[1] : void 0;
        if (fix)
          ctx.fail({
            message: `role '${name}' grants '${a.value}', which matches no Azure operation (the TAP documentation's spelling); write '${fix}' instead`,
            span: a.span,
            resource: role
          });
      }
      const unknownAction = all.find((a) => a.value instanceof Unknown);
      const unknownNot = unknownAction ? void 0 : perms.flatMap((p) => p.notActions).find((n) => n.value instanceof Unknown);
      const pending = unknownAction ?? unknownNot;
      if (pending) {
        ctx.indeterminate({
          message: `some ${unknownAction ? "actions" : "notActions"} of role '${name}' are only known at deployment (${describeUnknown(pending.value)}), so vtaplint cannot tell whether it grants what virtual network TAP needs (${REQUIRED.join(", ")})`,
          span: pending.span,
          resource: role
        });
        continue;
      }
      for (const needed of REQUIRED) {
        const ops = OPERATIONS[needed] ?? [needed];
        const missing = ops.filter((op) => !perms.some((p) => grants(p, op).granted));
        if (missing.length === 0) {
          ctx.pass({ message: `grants ${needed}`, span: at0(perms, role.span), resource: role });
          continue;
        }
        const removed = perms.map((p) => grants(p, missing[0]).removedBy).find((x) => x !== void 0);
        ctx.fail({
          message: removed ? `role '${name}' takes away ${missing.join(", ")} with notActions '${String(removed.value)}'; virtual network TAP needs ${needed}: remove that notAction` : `role '${name}' does not grant ${missing.length === ops.length ? needed : missing.join(", ")}, which virtual network TAP needs: add ${needed} to the role's actions`,
          span: removed ? removed.span : at0(perms, role.span),
          resource: role
        });
      }
    }
  }
);
function at0(perms, fallback) {
  const first = perms[0];
  return first ? at(first.decl, "actions").span : fallback;
}

// rules/vtap-source-vm-nic.md
var vtap_source_vm_nic_default = "# vtap-source-vm-nic\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nEvery source NIC (declared by a `tapConfigurations` resource, an inline `tapConfigurations` entry, or\nan IP configuration's `virtualNetworkTaps`) is attached to a virtual machine: some\n`Microsoft.Compute/virtualMachines` lists it in `properties.networkProfile.networkInterfaces`. It fails\nfor a NIC no VM in the template uses, a scale set's NIC (an id under `virtualMachineScaleSets`, or a\n`Microsoft.Compute/virtualMachineScaleSets` whose\n`virtualMachineProfile.networkProfile.networkInterfaceConfigurations[].properties.ipConfigurations[].properties.virtualNetworkTaps`\nlists a TAP: the scale set IP configuration has no such property, so nothing is mirrored; the other\nrules say nothing about it), and a private endpoint's NIC (`customNetworkInterfaceName`). A source NIC outside the template (an id, or an\n`existing` resource) gives one *indeterminate* result listing the checks that could not be made (when\na VM the template creates lists it, that VM answers whether it is a VM's NIC and of what size); the\nrules behind those checks then stay silent about it (`vtap-source-vm-restart`, `vtap-live-migration`\nand `vtap-source-downtime` still report on its VM when that VM exists before the deployment). A NIC whose\nonly VM may not be deployed (its `condition` or copy count is known only at deployment) also gets an\n*indeterminate* result here, unless the NIC itself is deployed under that same condition; the rules\nabout that VM (its size, live migration, ...) report what they find as *indeterminate* too (\"if the\nVM is deployed\").\n\n## Where it comes from\n[Virtual network TAP overview, Adding a source](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#adding-a-source):\n\n> Virtual network TAP only supports virtual machine's (VM) network interface as a mirroring source.\n\n## Why it matters\nA TAP configuration on a NIC without a VM (or on a platform-owned NIC) mirrors nothing or is rejected.\n\n## How to fix\nAttach the NIC to the VM you want to mirror, or put the TAP configuration on that VM's NIC.\n\n## Examples\nFailing (Bicep), a scale set:\n```bicep\nipConfigurations: [ { name: 'ipconfig1', properties: {\n  subnet: { id: '${vnet.id}/subnets/nodes' }\n  virtualNetworkTaps: [ { id: tap.id } ]   // in a virtualMachineScaleSets network profile\n} } ]\n```\nFailing (Bicep):\n```bicep\n// webNic is used by no virtual machine\nresource tapConfig 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {\n  parent: webNic\n  name: 'to-collector'\n  properties: { virtualNetworkTap: { id: tap.id } }\n}\n```\nPassing (Bicep):\n```bicep\nresource webVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {\n  name: 'web-vm'\n  ...\n  properties: { networkProfile: { networkInterfaces: [ { id: webNic.id } ] } }\n}\n```\nFailing (ARM JSON):\n```json\n{\n  \"type\": \"Microsoft.Network/networkInterfaces/tapConfigurations\",\n  \"name\": \"[format('{0}/{1}', 'web-nic', 'to-collector')]\",\n  \"properties\": { \"virtualNetworkTap\": { \"id\": \"[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]\" } }\n}\n// and no VM lists web-nic\n```\nPassing (ARM JSON):\n```json\n\"networkProfile\": {\n  \"networkInterfaces\": [ { \"id\": \"[resourceId('Microsoft.Network/networkInterfaces', 'web-nic')]\" } ]\n}\n```\n";

// rules/vtap-source-vm-nic.ts
var CHECKS_NEEDING_PROPERTIES = "it belongs to a virtual machine, the VM size is not v6, it is in the TAP region and in the destination network (or a peered one), it is not behind a Basic load balancer or a Floating IP rule, its network is not encrypted, it does not use IPv6, and it has no TAP configuration besides those in this template";
var CHECKS_NEEDING_NIC_PROPERTIES = "it is in the TAP region and in the destination network (or a peered one), it is not behind a Basic load balancer or a Floating IP rule, its network is not encrypted, it does not use IPv6, and it has no TAP configuration besides those in this template";
function outsideNic(ctx, source) {
  const vm = vmsOfNicRef(ctx.graph, source.nic)[0]?.vm;
  return vm ? { who: `NIC '${nicName(source.nic)}' (a TAP source, attached to VM '${vm.displayName}')`, checks: CHECKS_NEEDING_NIC_PROPERTIES } : { who: `NIC '${nicName(source.nic)}' (a TAP source)`, checks: CHECKS_NEEDING_PROPERTIES };
}
var vtap_source_vm_nic_default2 = defineRule(
  {
    id: "vtap-source-vm-nic",
    name: "VtapSourceVmNic",
    shortDescription: "A TAP source is a virtual machine's network interface.",
    fullDescription: "Virtual network TAP only mirrors the network interface of a virtual machine. The rule fails for a source NIC that no VM in the template uses, a scale set's NIC, or a private endpoint's NIC, and gives one indeterminate result for a source NIC outside the template, listing the checks that could not be made.",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "high",
    source: `Virtual network TAP overview, "Other Limitations": "Virtual network TAP only supports virtual machine's (VM) network interface as a mirroring source."`
  },
  vtap_source_vm_nic_default,
  (ctx) => {
    const seen = /* @__PURE__ */ new Set();
    for (const source of tapSources(ctx.graph)) {
      const nic = source.nic;
      const related = [sourceRelated(source)];
      const involved = source.config ? [source.config] : [];
      if (nic.kind === "scaleSet") {
        const key2 = `scaleSet|${nic.scaleSet.key}|${nic.configuration}|${nic.ipConfiguration}`;
        if (seen.has(key2)) continue;
        seen.add(key2);
        ctx.fail({
          message: `scale set '${nic.scaleSet.displayName}' sets virtualNetworkTaps on IP configuration '${nic.ipConfiguration}' of its network interface configuration '${nic.configuration}'; a scale set's network interface cannot be a TAP source (a scale set IP configuration has no virtualNetworkTaps property, so nothing is mirrored): use standalone VMs (or Flexible orchestration scale set VMs with NICs of their own) and give each VM's NIC a tapConfigurations resource`,
          span: source.tapId.span,
          related: [{ span: nic.scaleSet.nameSpan, message: `scale set '${nic.scaleSet.displayName}' is declared here` }],
          resource: nic.scaleSet,
          involved,
          sources: [source]
        });
        continue;
      }
      if (nic.kind === "external") {
        const key2 = formatId(nic.id).toLowerCase();
        if (seen.has(key2)) continue;
        seen.add(key2);
        if (nic.id.types.some((t) => t.toLowerCase() === "virtualmachinescalesets") || nic.id.namespace.toLowerCase() === "microsoft.compute") {
          ctx.fail({
            message: `the TAP source ${describeId(nic.id)} is a scale set's network interface; a TAP can only mirror a standalone VM's network interface: use a VM (or a Flexible scale set VM with its own NIC)`,
            span: source.tapId.span,
            resource: source.holder,
            involved,
            sources: [source]
          });
          continue;
        }
        const pe2 = privateEndpointOfNic(ctx.graph, nic);
        if (pe2) {
          failPrivateEndpoint(ctx, source, pe2);
          continue;
        }
        const { who, checks } = outsideNic(ctx, source);
        ctx.indeterminate({
          message: `${who} is outside the template, so vtaplint cannot check that ${checks}`,
          span: source.tapId.span,
          resource: source.holder,
          involved,
          sources: [source]
        });
        continue;
      }
      if (nic.kind !== "resource") continue;
      const r = nic.resource;
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      if (r.existing) {
        const { who, checks } = outsideNic(ctx, source);
        ctx.indeterminate({
          message: `${who} is an existing resource whose properties are not in the template, so vtaplint cannot check that ${checks}`,
          span: source.tapId.span,
          related: [{ span: r.span, message: `'${r.displayName}' is declared here` }],
          resource: source.holder,
          involved: [r, ...involved],
          sources: [source]
        });
        continue;
      }
      const pe = privateEndpointOfNic(ctx.graph, nic);
      if (pe) {
        failPrivateEndpoint(ctx, source, pe);
        continue;
      }
      const vms = vmsOfNic(ctx.graph, r);
      const deployedVm = vms.find((v) => v.vm.state === "deployed" || r.state === "maybe" && v.vm.condition?.reason.message === r.condition?.reason.message);
      if (deployedVm) {
        ctx.pass({ message: `NIC '${r.displayName}' is attached to VM '${deployedVm.vm.displayName}'`, span: source.tapId.span, resource: r });
        continue;
      }
      const maybeVm = vms[0];
      if (maybeVm) {
        const vm = maybeVm.vm;
        const what = vm.copy && vm.copy.index === void 0 ? "copy count" : "condition";
        ctx.indeterminate({
          message: `NIC '${r.displayName}' (a TAP source) is attached to VM '${vm.displayName}', which is deployed only if its ${what} allows (${vm.condition ? describeUnknown(vm.condition) : "not known before deployment"}); without the VM the NIC cannot be mirrored`,
          span: source.tapId.span,
          related: [{ span: maybeVm.ref.span, message: `VM '${vm.displayName}' lists the NIC here` }],
          resource: r,
          involved,
          sources: [source]
        });
        continue;
      }
      if (ctx.graph.ofType(TYPES.vm).some((vm) => elements(at(vm.root, "properties", "networkProfile", "networkInterfaces")).some((n) => ctx.graph.resolve(at(n, "id").value).kind === "none"))) {
        ctx.indeterminate({
          message: `NIC '${r.displayName}' (a TAP source) is not attached to any VM whose network interfaces vtaplint can resolve; a TAP can only mirror a VM's network interface`,
          span: source.tapId.span,
          related,
          resource: r,
          involved,
          sources: [source]
        });
        continue;
      }
      ctx.fail({
        message: `NIC '${r.displayName}' is not attached to a virtual machine; a TAP can only mirror a VM's network interface: attach it to a VM (properties.networkProfile.networkInterfaces) or mirror the VM's NIC instead`,
        span: source.tapId.span,
        related: [{ span: r.nameSpan, message: `NIC '${r.displayName}' is declared here` }],
        resource: r,
        involved,
        sources: [source]
      });
    }
  }
);
function failPrivateEndpoint(ctx, source, found) {
  ctx.fail({
    message: `NIC '${nicName(source.nic)}' is the network interface of private endpoint '${found.pe.displayName}'; a TAP can only mirror a VM's network interface: mirror the VM that talks to the endpoint instead`,
    span: source.tapId.span,
    related: [{ span: found.custom.span, message: `private endpoint '${found.pe.displayName}' names its NIC here` }],
    resource: source.holder,
    involved: [found.pe],
    sources: [source]
  });
}

// rules/vtap-source-vm-restart.md
var vtap_source_vm_restart_default = "# vtap-source-vm-restart\n\n**Level:** warning \xB7 **Tags:** vtap, temporary\n\n## What it checks\nEvery source VM is started after the TAP exists. A VM the template creates and that depends on\nthe TAP (directly or transitively, through `dependsOn`, symbolic references, `parent` or its module,\nor ARM's implicit dependency: a `reference()` or `list*()` call naming a resource of the same\ntemplate by its name; called with a resource id it makes no dependency, as ARM documents) passes; a module (nested deployment) starts after what it depends on, and what depends on a module\nwaits until every resource in it is deployed, so a VM in a module that uses the TAP module's outputs\npasses too, and so does any VM when the TAP already exists (it is outside the template). A VM with no\ndependency path to the TAP, and the VM of a source NIC outside the template, needs one stop\n(deallocate) and start after the TAP is deployed: the rule warns. A VM the template creates with a\nNIC made elsewhere (an `existing` NIC, or one named by its id) is judged like any VM of the template. A TAP that a module deploys whose\ntemplate vtaplint does not read (a registry module, a template spec) is created by this deployment\ntoo: a VM that does not depend on that module is *indeterminate*.\n\n## Where it comes from\n[Virtual network TAP overview, Adding a source](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#adding-a-source):\n\n> [Temporary] Before adding a VM as a source, you must **first deploy a virtual network TAP resource** and **then STOP (deallocate) and START the source VM**. This is required only once for any VM that will be added as a source. **If not done, you will get an erorr stating the NIC is not on fastpath**.\n\nThe limitation is marked temporary; switch every temporary rule off at once with `{\"tags\": {\"temporary\": \"off\"}}` in `vtaplint.config.json`.\n\n## Why it matters\nAdding the TAP configuration fails with an error that the NIC is not on fastpath.\n\n## How to fix\nMake the VM depend on the TAP, so it is created after it; for an existing VM, deallocate and start it once after deploying the TAP (`az vm deallocate` / `az vm start`).\n\nWhen the VM and the TAP are in different modules (nested deployments), the VM cannot name the TAP:\nin the template that declares both modules, add the TAP's module to the `dependsOn` of the VM's\nmodule (in ARM JSON, `resourceId('Microsoft.Resources/deployments', '<name>')`). The message\nnames both and the file.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource webVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {\n  name: 'web-vm'\n  ...   // no dependency on the TAP\n}\n```\nPassing (Bicep):\n```bicep\nresource webVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {\n  name: 'web-vm'\n  ...\n  dependsOn: [ tap ]\n}\n```\nFailing (ARM JSON):\n```json\n\"dependsOn\": [ \"[resourceId('Microsoft.Network/networkInterfaces', 'web-nic')]\" ]\n```\nPassing (ARM JSON):\n```json\n\"dependsOn\": [\n  \"[resourceId('Microsoft.Network/networkInterfaces', 'web-nic')]\",\n  \"[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]\"\n]\n```\n";

// rules/vtap-source-vm-restart.ts
var vtap_source_vm_restart_default2 = defineRule(
  {
    id: "vtap-source-vm-restart",
    name: "VtapSourceVmRestart",
    shortDescription: "A source VM that is not created after the TAP needs one stop (deallocate) and start once the TAP exists.",
    fullDescription: "During the preview, a VM whose NIC becomes a TAP source must be stopped (deallocated) and started after the TAP is deployed, or adding the source fails with an error that the NIC is not on fastpath. A VM the template creates after the TAP (it depends on the TAP) is fine; an existing VM, a VM outside the template, or a VM with no dependency path to the TAP needs the restart.",
    defaultLevel: "warning",
    tags: ["vtap", "temporary"],
    precision: "medium",
    source: 'Virtual network TAP overview, "Adding a source": "[Temporary] ... first deploy a virtual network TAP resource and then STOP (deallocate) and START the source VM ... If not done, you will get an erorr [sic] stating the NIC is not on fastpath."'
  },
  vtap_source_vm_restart_default,
  (ctx) => {
    const seen = /* @__PURE__ */ new Set();
    let unreadModules;
    for (const source of tapSources(ctx.graph)) {
      const tap = tapOf(source);
      if (privateEndpointOfNic(ctx.graph, source.nic)) continue;
      const vms = vmsOfNicRef(ctx.graph, source.nic);
      if (isOutside(source.nic) && vms.length === 0) {
        const key2 = `outside|${nicKey(source.nic) ?? source.holder.key}`;
        if (seen.has(key2)) continue;
        seen.add(key2);
        ctx.fail({
          message: `the VM of NIC '${nicName(source.nic)}' exists before this deployment; after the TAP is deployed, stop (deallocate) and start that VM once, or adding the TAP source fails with "the NIC is not on fastpath"`,
          span: source.tapId.span,
          resource: source.holder,
          involved: source.config ? [source.config] : [],
          sources: [source]
        });
        continue;
      }
      const nic = source.nic.kind === "resource" ? source.nic.resource : void 0;
      const nicShown = nicName(source.nic);
      for (const { vm } of vms) {
        const key2 = `${vm.key}|${tap?.key ?? source.holder.key}`;
        if (seen.has(key2)) continue;
        seen.add(key2);
        const base = { span: vm.nameSpan, resource: vm, involved: [...nic ? [nic] : [], source.holder, ...tap ? [tap] : []], sources: [source], related: [sourceRelated(source), ...tap ? [{ span: tap.nameSpan, message: `TAP '${tap.displayName}'` }] : []] };
        const tapUnknown = !tap && source.tapId.value instanceof Unknown;
        const module2 = tapUnknown ? (unreadModules ??= unreadModulesDependedOn(ctx.graph)).get(source.holder) : void 0;
        if (module2 && !orderedAfter(ctx.graph, vm, module2)) {
          const across2 = dependsOnAcrossModules(vm, module2, "the VM", `module '${module2.plainDisplayName}'`);
          ctx.indeterminate({
            ...base,
            related: [...base.related, { span: module2.nameSpan, message: `module '${module2.displayName}'` }, ...across2 ? [across2.related] : []],
            message: `the TAP of source NIC '${nicShown}' comes from module '${module2.displayName}', whose template vtaplint does not read, and VM '${vm.displayName}' does not depend on it, so the VM may start before the TAP exists; ${across2?.advice ?? `make the VM depend on '${module2.displayName}'`}, or stop (deallocate) and start it once after the deployment`
          });
          continue;
        }
        if (!tap || orderedAfter(ctx.graph, vm, tap)) {
          ctx.pass({ ...base, message: `VM '${vm.displayName}' is created after the TAP` });
          continue;
        }
        const across = dependsOnAcrossModules(vm, tap, "the VM", "the TAP");
        ctx.fail({
          ...base,
          related: across ? [...base.related, across.related] : base.related,
          message: `VM '${vm.displayName}' (source NIC '${nicShown}') does not depend on TAP '${tap.displayName}', so it may start before the TAP exists; ${across?.advice ?? "make the VM depend on the TAP"}, or stop (deallocate) and start it once after the TAP is deployed, or adding the source fails with "the NIC is not on fastpath"`
        });
      }
    }
  }
);
function unreadModulesDependedOn(graph) {
  const expanded = new Set(graph.resources.map((r) => r.unit.parent));
  const out = /* @__PURE__ */ new Map();
  graph.forEachOrderEdge((from, to) => {
    if (!out.has(from) && to.type.toLowerCase() === "microsoft.resources/deployments" && !expanded.has(to)) out.set(from, to);
  });
  return out;
}

// rules/vtap-live-migration.md
var vtap_live_migration_default = '# vtap-live-migration\n\n**Level:** note \xB7 **Tags:** vtap, temporary\n\n## What it checks\nOne note per source VM (or, for a source NIC outside the template that no VM of the template\nuses, per NIC): live migration is\ndisabled for it while it is a mirroring source. No ARM property controls this, so the note is\ninformation, at the VM\'s name.\n\n## Where it comes from\n[Virtual network TAP overview, Other Limitations](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#other-limitations):\n\n> [Temporary] Virtual network doesn\'t support Live Migration. Live Migration will be disabled for VMs set as a source.\n\nThe limitation is marked temporary; switch every temporary rule off at once with `{"tags": {"temporary": "off"}}` in `vtaplint.config.json`. To hide only this note, set `"vtap-live-migration": "off"` in `rules`.\n\n## Why it matters\nHost maintenance reboots a VM that cannot be live-migrated, so the mirrored workload sees downtime during platform maintenance.\n\n## How to fix\nPlan for maintenance reboots (availability sets or zones, scheduled events), or mirror VMs that tolerate them.\n\n## Examples\nFailing (Bicep):\n```bicep\n// any VM whose NIC is a TAP source\nresource webVm \'Microsoft.Compute/virtualMachines@2024-03-01\' = {\n  name: \'web-vm\'\n  ...\n}\n```\nPassing (Bicep):\n```bicep\n// a template with a TAP and its collector, and no source yet\n```\nFailing (ARM JSON):\n```json\n"type": "Microsoft.Compute/virtualMachines",\n"name": "web-vm"\n// web-nic, its NIC, has a tap configuration\n```\nPassing (ARM JSON):\n```json\n// no tapConfigurations resource, no NIC with virtualNetworkTaps\n```\n';

// rules/vtap-live-migration.ts
var vtap_live_migration_default2 = defineRule(
  {
    id: "vtap-live-migration",
    name: "VtapLiveMigration",
    shortDescription: "Live migration is disabled for a VM whose NIC is a TAP source (information).",
    fullDescription: "During the preview, Azure disables live migration for virtual machines set as a mirroring source: host maintenance then reboots the VM instead of moving it. No ARM property controls this, so the rule gives one note per source VM.",
    defaultLevel: "note",
    tags: ["vtap", "temporary"],
    precision: "very-high",
    source: `Virtual network TAP overview, "Other Limitations": "[Temporary] Virtual network doesn't support Live Migration. Live Migration will be disabled for VMs set as a source."`
  },
  vtap_live_migration_default,
  (ctx) => {
    const seen = /* @__PURE__ */ new Set();
    for (const source of tapSources(ctx.graph)) {
      if (privateEndpointOfNic(ctx.graph, source.nic)) continue;
      const vms = vmsOfNicRef(ctx.graph, source.nic);
      if (isOutside(source.nic) && vms.length === 0) {
        const key2 = `outside|${nicKey(source.nic) ?? nicName(source.nic)}`;
        if (seen.has(key2)) continue;
        seen.add(key2);
        ctx.fail({
          message: `live migration will be disabled for the VM of NIC '${nicName(source.nic)}' while it is a TAP source; plan for maintenance reboots of that VM`,
          span: source.tapId.span,
          resource: source.holder,
          involved: source.config ? [source.config] : [],
          sources: [source]
        });
        continue;
      }
      const nic = source.nic.kind === "resource" ? [source.nic.resource] : [];
      for (const { vm } of vms) {
        if (seen.has(vm.key)) continue;
        seen.add(vm.key);
        ctx.fail({
          message: `live migration will be disabled for VM '${vm.displayName}' while its NIC '${nicName(source.nic)}' is a TAP source; plan for maintenance reboots of that VM`,
          span: vm.nameSpan,
          related: [sourceRelated(source)],
          resource: vm,
          involved: source.config ? [...nic, source.config] : nic,
          sources: [source]
        });
      }
    }
  }
);

// rules/vtap-source-floating-ip.md
var vtap_source_floating_ip_default = '# vtap-source-floating-ip\n\n**Level:** error \xB7 **Tags:** vtap, temporary\n\n## What it checks\nFor every source NIC the template declares, the load balancers in front of it: the NIC\'s\n`loadBalancerBackendAddressPools` and `loadBalancerInboundNatRules`, and IP-based pools whose\n`loadBalancerBackendAddresses` list the NIC\'s static private IP in the NIC\'s virtual network\n(the entry\'s `virtualNetwork.id` or `subnet.id`; the same IP in another network is another\nmachine) (inline or `loadBalancers/backendAddressPools` children). A pool named both inline and\nas a child resource (the Azure Verified Modules pattern: `backendAddressPools: [ { name: \'sql\' } ]`\non the load balancer, members in the child) is one pool: the members of both declarations count.\nA `loadBalancingRules` or `inboundNatRules` entry that sends to that pool (or is that NAT\nrule) must not have `enableFloatingIP: true`. The finding points at `enableFloatingIP`. A load\nbalancer outside the template, or behind a pool id known only at deployment, is reported once,\nby `vtap-source-basic-lb`; an inbound NAT rule the template adds to an `existing` load balancer\n(a `loadBalancers/inboundNatRules` child) is in the template, and is checked here.\n\n## Where it comes from\n[Virtual network TAP overview, Other Limitations](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#other-limitations):\n\n> [Temporary] VMs behind a Standard Load Balancer with Floating IP enabled can\'t be set as a mirroring source.\n\nThe limitation is marked temporary; switch every temporary rule off at once with `{"tags": {"temporary": "off"}}` in `vtaplint.config.json`.\n\n## Why it matters\nAzure rejects the TAP configuration of a VM behind a Floating IP rule, so the VM is not mirrored.\n\n## How to fix\nSet `enableFloatingIP` to `false` on the rules that reach the source, or mirror a VM that is not behind such a rule.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource webLb \'Microsoft.Network/loadBalancers@2024-05-01\' = {\n  name: \'web-lb\'\n  location: location\n  sku: { name: \'Standard\' }\n  properties: {\n    ...\n    loadBalancingRules: [ { name: \'http\', properties: {\n      backendAddressPool: { id: resourceId(\'Microsoft.Network/loadBalancers/backendAddressPools\', \'web-lb\', \'web-pool\') }\n      protocol: \'Tcp\', frontendPort: 80, backendPort: 80\n      enableFloatingIP: true\n    } } ]\n  }\n}\n```\nPassing (Bicep):\n```bicep\nresource webLb \'Microsoft.Network/loadBalancers@2024-05-01\' = {\n  name: \'web-lb\'\n  location: location\n  sku: { name: \'Standard\' }\n  properties: {\n    ...\n    loadBalancingRules: [ { name: \'http\', properties: {\n      backendAddressPool: { id: resourceId(\'Microsoft.Network/loadBalancers/backendAddressPools\', \'web-lb\', \'web-pool\') }\n      protocol: \'Tcp\', frontendPort: 80, backendPort: 80\n      enableFloatingIP: false\n    } } ]\n  }\n}\n```\nFailing (ARM JSON):\n```json\n{\n  "type": "Microsoft.Network/loadBalancers",\n  "name": "web-lb",\n  "sku": { "name": "Standard" },\n  "properties": {\n    "loadBalancingRules": [ { "name": "http", "properties": {\n      "backendAddressPool": { "id": "[resourceId(\'Microsoft.Network/loadBalancers/backendAddressPools\', \'web-lb\', \'web-pool\')]" },\n      "protocol": "Tcp", "frontendPort": 80, "backendPort": 80, "enableFloatingIP": true\n    } } ]\n  }\n}\n```\nPassing (ARM JSON):\n```json\n{\n  "type": "Microsoft.Network/loadBalancers",\n  "name": "web-lb",\n  "sku": { "name": "Standard" },\n  "properties": {\n    "loadBalancingRules": [ { "name": "http", "properties": {\n      "backendAddressPool": { "id": "[resourceId(\'Microsoft.Network/loadBalancers/backendAddressPools\', \'web-lb\', \'web-pool\')]" },\n      "protocol": "Tcp", "frontendPort": 80, "backendPort": 80, "enableFloatingIP": false\n    } } ]\n  }\n}\n```\n';

// rules/vtap-source-floating-ip.ts
var vtap_source_floating_ip_default2 = defineRule(
  {
    id: "vtap-source-floating-ip",
    name: "VtapSourceFloatingIp",
    shortDescription: "A source NIC is not behind a load-balancing or inbound NAT rule with Floating IP enabled.",
    fullDescription: "During the preview, VMs behind a Standard load balancer with Floating IP enabled cannot be mirroring sources. The rule follows each source NIC into the backend pools and inbound NAT rules it is in (NIC references, or IP-based pools listing its static IP) and fails for a load-balancing or inbound NAT rule using that pool with enableFloatingIP: true.",
    defaultLevel: "error",
    tags: ["vtap", "temporary"],
    precision: "very-high",
    source: `Virtual network TAP overview, "Other Limitations": "[Temporary] VMs behind a Standard Load Balancer with Floating IP enabled can't be set as a mirroring source."`
  },
  vtap_source_floating_ip_default,
  (ctx) => {
    const seen = /* @__PURE__ */ new Set();
    for (const source of tapSources(ctx.graph)) {
      const nic = declaredNic(source.nic);
      if (!nic) continue;
      for (const m of loadBalancersOfNic(ctx.graph, nic)) {
        for (const rule of rulesReaching(ctx.graph, m)) {
          const key2 = `${nic.key}|${m.lb.key}|${rule.kind}|${rule.name}`;
          if (seen.has(key2)) continue;
          seen.add(key2);
          const fip = at(rule.decl, "properties", "enableFloatingIP");
          const base = {
            span: fip.span,
            resource: m.lb,
            involved: [nic, ...source.config ? [source.config] : []],
            sources: [source],
            related: [{ span: m.via.span, message: `NIC '${nic.displayName}' is in '${m.part.name}' here` }, sourceRelated(source)]
          };
          if (fip.value === true)
            ctx.fail({
              ...base,
              message: `rule '${rule.name}' of load balancer '${m.lb.displayName}' has Floating IP enabled and sends to source NIC '${nic.displayName}'; a VM behind a Floating IP rule cannot be a TAP source: set enableFloatingIP to false or mirror another VM`
            });
          else if (fip.value instanceof Unknown)
            ctx.indeterminate({
              ...base,
              related: [...base.related, ...unknownOrigin(fip.value, fip.span)],
              message: `enableFloatingIP of rule '${rule.name}' of load balancer '${m.lb.displayName}' is ${describeUnknown(fip.value)}; if it is true, source NIC '${nic.displayName}' cannot be mirrored`
            });
          else ctx.pass({ ...base, message: "no floating IP" });
        }
      }
    }
  }
);

// rules/vtap-source-basic-lb.md
var vtap_source_basic_lb_default = `# vtap-source-basic-lb

**Level:** error \xB7 **Tags:** vtap

## What it checks
For every source NIC the template declares, no load balancer in front of it (backend pools,
inbound NAT rules, IP-based pools listing its static IP in its virtual network, inline or in a
child \`loadBalancers/backendAddressPools\` of the same pool) is Basic: \`sku.name\` is \`Basic\`, or the
load balancer sets no \`sku\` (which means Basic). The finding points at \`sku.name\` (or at the load
balancer's name when it has no sku). A load balancer the template does not deploy (a pool id in
another resource group, or an \`existing\` one, also when the template adds the pool to it as a child
resource) gives one *indeterminate* result at the NIC's pool
reference: neither its SKU nor its Floating IP rules can be seen (\`vtap-source-floating-ip\` then
says nothing about it). So does a pool or NAT rule id known only at deployment (a parameter without
a value, or read from an \`existing\` load balancer: \`lb.properties.backendAddressPools[0].id\`): the
NIC is behind a load balancer that cannot even be named.

## Where it comes from
[Virtual network TAP overview, Other Limitations](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#other-limitations):

> VMs behind Basic Load Balancer can't be set as a mirroring source. Basic Load Balancer is being deprecated.

## Why it matters
Azure rejects the TAP configuration of a VM behind a Basic load balancer.

## How to fix
Upgrade the load balancer to the Standard SKU (Basic is being retired anyway).

## Examples
Failing (Bicep):
\`\`\`bicep
resource webLb 'Microsoft.Network/loadBalancers@2024-05-01' = {
  name: 'web-lb'
  location: location
  sku: { name: 'Basic' }
  properties: {
    ...
    loadBalancingRules: [ { name: 'http', properties: {
      backendAddressPool: { id: resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'web-lb', 'web-pool') }
      protocol: 'Tcp', frontendPort: 80, backendPort: 80
      enableFloatingIP: false
    } } ]
  }
}
\`\`\`
Passing (Bicep):
\`\`\`bicep
resource webLb 'Microsoft.Network/loadBalancers@2024-05-01' = {
  name: 'web-lb'
  location: location
  sku: { name: 'Standard' }
  properties: {
    ...
    loadBalancingRules: [ { name: 'http', properties: {
      backendAddressPool: { id: resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'web-lb', 'web-pool') }
      protocol: 'Tcp', frontendPort: 80, backendPort: 80
      enableFloatingIP: false
    } } ]
  }
}
\`\`\`
Failing (ARM JSON):
\`\`\`json
{
  "type": "Microsoft.Network/loadBalancers",
  "name": "web-lb",
  "sku": { "name": "Basic" },
  "properties": {
    "loadBalancingRules": [ { "name": "http", "properties": {
      "backendAddressPool": { "id": "[resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'web-lb', 'web-pool')]" },
      "protocol": "Tcp", "frontendPort": 80, "backendPort": 80, "enableFloatingIP": false
    } } ]
  }
}
\`\`\`
Passing (ARM JSON):
\`\`\`json
{
  "type": "Microsoft.Network/loadBalancers",
  "name": "web-lb",
  "sku": { "name": "Standard" },
  "properties": {
    "loadBalancingRules": [ { "name": "http", "properties": {
      "backendAddressPool": { "id": "[resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'web-lb', 'web-pool')]" },
      "protocol": "Tcp", "frontendPort": 80, "backendPort": 80, "enableFloatingIP": false
    } } ]
  }
}
\`\`\`
`;

// rules/vtap-source-basic-lb.ts
var vtap_source_basic_lb_default2 = defineRule(
  {
    id: "vtap-source-basic-lb",
    name: "VtapSourceBasicLb",
    shortDescription: "A source NIC is not behind a Basic load balancer.",
    fullDescription: "VMs behind a Basic load balancer cannot be mirroring sources. The rule follows each source NIC into the backend pools and inbound NAT rules it is in and fails when the load balancer's sku.name is Basic (a load balancer without a sku is Basic).",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: `Virtual network TAP overview, "Other Limitations": "VMs behind Basic Load Balancer can't be set as a mirroring source."`
  },
  vtap_source_basic_lb_default,
  (ctx) => {
    const seen = /* @__PURE__ */ new Set();
    for (const source of tapSources(ctx.graph)) {
      const nic = declaredNic(source.nic);
      if (!nic) continue;
      for (const m of loadBalancersOfNic(ctx.graph, nic)) {
        if (m.lb.existing || seen.has(`${nic.key}|${m.lb.key}`)) continue;
        seen.add(`${nic.key}|${m.lb.key}`);
        const skuObject = at(m.lb.root, "sku");
        const sku = at(skuObject, "name");
        const v = sku.value;
        const noName = skuObject.value !== void 0 && skuObject.value !== null && !(skuObject.value instanceof Unknown);
        const base = {
          span: v === void 0 ? noName ? skuObject.span : m.lb.nameSpan : sku.span,
          resource: m.lb,
          involved: [nic, ...source.config ? [source.config] : []],
          sources: [source],
          related: [{ span: m.via.span, message: `NIC '${nic.displayName}' is in '${m.part.name}' here` }, sourceRelated(source)]
        };
        if (v === void 0 || typeof v === "string" && v.toLowerCase() === "basic")
          ctx.fail({
            ...base,
            message: `source NIC '${nic.displayName}' is behind load balancer '${m.lb.displayName}', which is ${v === void 0 ? noName ? "Basic (its sku sets no name)" : "Basic (it sets no sku)" : "Basic"}; a VM behind a Basic load balancer cannot be a TAP source: use a Standard load balancer`
          });
        else if (v instanceof Unknown)
          ctx.indeterminate({
            ...base,
            related: [...base.related, ...unknownOrigin(v, sku.span)],
            message: `the sku of load balancer '${m.lb.displayName}' in front of source NIC '${nic.displayName}' is ${describeUnknown(v)}; a Basic load balancer would keep the NIC from being mirrored`
          });
        else ctx.pass({ ...base, message: "not Basic" });
      }
      for (const lb of outsideLoadBalancersOfNic(ctx.graph, nic)) {
        if (seen.has(`${nic.key}|${lb.key}`)) continue;
        seen.add(`${nic.key}|${lb.key}`);
        ctx.indeterminate({
          span: lb.via.span,
          resource: nic,
          involved: source.config ? [source.config] : [],
          sources: [source],
          related: [sourceRelated(source)],
          message: `source NIC '${nic.displayName}' is behind load balancer '${lb.name}', which is outside the template, so vtaplint cannot check that it is not a Basic load balancer and has no Floating IP rule for the NIC's pool; either keeps the VM from being a TAP source: check that load balancer`
        });
      }
      for (const { ref, part: part2 } of unknownLbReferencesOfNic(ctx.graph, nic)) {
        const key2 = `${nic.key}|unknown|${ref.span.identity()}`;
        if (seen.has(key2) || !(ref.value instanceof Unknown)) continue;
        seen.add(key2);
        ctx.indeterminate({
          span: ref.span,
          resource: nic,
          involved: source.config ? [source.config] : [],
          related: [sourceRelated(source), ...unknownOrigin(ref.value, ref.span)],
          message: `source NIC '${nic.displayName}' is in ${part2 === "backendAddressPools" ? "a load balancer backend pool" : "a load balancer inbound NAT rule"} whose id is ${describeUnknown(ref.value)}, so vtaplint cannot check that its load balancer is not a Basic load balancer and has no Floating IP rule for it; either keeps the VM from being a TAP source: check that load balancer`
        });
      }
    }
  }
);

// rules/vtap-private-link-inbound.md
var vtap_private_link_inbound_default = "# vtap-private-link-inbound\n\n**Level:** warning \xB7 **Tags:** vtap\n\n## What it checks\nA `Microsoft.Network/privateLinkServices` whose `loadBalancerFrontendIpConfigurations` names a\nload balancer frontend, whose rules send to a backend pool holding a source NIC: the rule warns that\nthe traffic arriving through the private link service is not mirrored. The finding points at the\nprivate link service's frontend reference.\n\n## Where it comes from\n[Virtual network TAP overview, Other Limitations](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#other-limitations):\n\n> Virtual network doesn't support mirroring of inbound Private Link Service traffic.\n\n## Why it matters\nThe mirror silently misses everything consumers send through the private link service, so the analysis tool sees an incomplete picture.\n\n## How to fix\nCapture that traffic another way (on the VM or the consumer side), or accept and document the gap.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource webPls 'Microsoft.Network/privateLinkServices@2024-05-01' = {\n  name: 'web-pls'\n  location: location\n  properties: {\n    loadBalancerFrontendIpConfigurations: [ { id: resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'web-lb', 'frontend') } ]\n    ...\n  }\n}\n// web-lb's rule sends to the pool that holds webNic, a TAP source\n```\nPassing (Bicep):\n```bicep\n// the private link service fronts api-lb, whose pool holds no TAP source\n```\nFailing (ARM JSON):\n```json\n\"type\": \"Microsoft.Network/privateLinkServices\",\n\"properties\": {\n  \"loadBalancerFrontendIpConfigurations\": [\n    { \"id\": \"[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'web-lb', 'frontend')]\" }\n  ]\n}\n```\nPassing (ARM JSON):\n```json\n\"loadBalancerFrontendIpConfigurations\": [\n  { \"id\": \"[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'api-lb', 'frontend')]\" }\n]\n```\n";

// rules/vtap-private-link-inbound.ts
var vtap_private_link_inbound_default2 = defineRule(
  {
    id: "vtap-private-link-inbound",
    name: "VtapPrivateLinkInbound",
    shortDescription: "Inbound Private Link Service traffic to a source VM is not mirrored.",
    fullDescription: "Virtual network TAP does not mirror inbound Private Link Service traffic. The rule follows each private link service to the load balancer frontend it uses, the rules on that frontend and their backend pools; when a pool holds a source NIC it warns that the traffic arriving through the private link service will be missing from the mirror.",
    defaultLevel: "warning",
    tags: ["vtap"],
    precision: "very-high",
    source: `Virtual network TAP overview, "Other Limitations": "Virtual network doesn't support mirroring of inbound Private Link Service traffic."`
  },
  vtap_private_link_inbound_default,
  (ctx) => {
    const fronted = privateLinkFrontends(ctx.graph);
    if (fronted.length === 0) return;
    const seen = /* @__PURE__ */ new Set();
    for (const source of tapSources(ctx.graph)) {
      const nic = declaredNic(source.nic);
      if (!nic) continue;
      for (const m of loadBalancersOfNic(ctx.graph, nic)) {
        const reaching = rulesReaching(ctx.graph, m);
        for (const f of fronted) {
          if (f.frontend.lb !== m.lb) continue;
          const rule = rulesOfFrontend(ctx.graph, f.frontend).find((r) => reaching.some((x) => x.kind === r.kind && x.name === r.name));
          const key2 = `${f.pls.key}|${nic.key}`;
          if (!rule || seen.has(key2)) continue;
          seen.add(key2);
          ctx.fail({
            message: `private link service '${f.pls.displayName}' sends inbound traffic through frontend '${f.frontend.name}' of load balancer '${m.lb.displayName}' (rule '${rule.name}') to source NIC '${nic.displayName}'; virtual network TAP does not mirror inbound Private Link Service traffic, so that traffic is missing from the mirror: capture it on the collector side another way, or accept the gap`,
            span: f.ref.span,
            resource: f.pls,
            involved: [m.lb, nic, ...source.config ? [source.config] : []],
            sources: [source],
            related: [{ span: m.via.span, message: `NIC '${nic.displayName}' is in '${m.part.name}' here` }, sourceRelated(source)]
          });
        }
      }
    }
  }
);

// rules/vtap-source-vnet-encryption.md
var vtap_source_vnet_encryption_default = '# vtap-source-vnet-encryption\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nFor every source NIC the template declares, the virtual network of each IP configuration (through\n`subnet.id`, inline subnets or `virtualNetworks/subnets` children) does not have\n`properties.encryption.enabled: true`. A value only known at deployment is *indeterminate*, and so\nis a network the template does not deploy (an `existing` one, or a subnet id of a network elsewhere):\nits encryption is not in the template. So is a subnet id known only at deployment (a parameter\nwithout a value, or `vnet.properties.subnets[0].id` of an `existing` network): the network itself\nis not known.\n\n## Where it comes from\n[Virtual network TAP overview, Other Limitations](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#other-limitations):\n\n> VMs in a virtual network with encryption enabled can\'t be set as mirroring source.\n\n## Why it matters\nAzure rejects the TAP configuration of a VM in an encrypted virtual network.\n\n## How to fix\nMirror VMs in a network without encryption, or switch encryption off for that network.\n\n## Examples\nFailing (Bicep):\n```bicep\nencryption: {\n  enabled: true\n  enforcement: \'AllowUnencrypted\'\n}\n```\nPassing (Bicep):\n```bicep\nencryption: {\n  enabled: false\n  enforcement: \'AllowUnencrypted\'\n}\n```\nFailing (ARM JSON):\n```json\n"encryption": { "enabled": true, "enforcement": "AllowUnencrypted" }\n```\nPassing (ARM JSON):\n```json\n"encryption": { "enabled": false, "enforcement": "AllowUnencrypted" }\n```\n';

// rules/vtap-source-vnet-encryption.ts
var vtap_source_vnet_encryption_default2 = defineRule(
  {
    id: "vtap-source-vnet-encryption",
    name: "VtapSourceVnetEncryption",
    shortDescription: "A source NIC is not in a virtual network with encryption enabled.",
    fullDescription: "VMs in a virtual network with encryption enabled cannot be mirroring sources. The rule follows each source NIC's IP configurations to their virtual network and fails when properties.encryption.enabled is true.",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: `Virtual network TAP overview, "Other Limitations": "VMs in a virtual network with encryption enabled can't be set as mirroring source."`
  },
  vtap_source_vnet_encryption_default,
  (ctx) => {
    const seen = /* @__PURE__ */ new Set();
    const first = (key2) => !seen.has(key2) && Boolean(seen.add(key2));
    for (const source of tapSources(ctx.graph)) {
      const nic = declaredNic(source.nic);
      if (!nic) continue;
      const about = { resource: nic, involved: source.config ? [source.config] : [], sources: [source] };
      for (const n of networksOfNic(ctx.graph, nic)) {
        const outside = n.kind === "external" || n.kind === "vnet" && n.vnet.existing;
        if (outside) {
          if (!first(`${nic.key}|${networkKey(n) ?? ""}`)) continue;
          ctx.indeterminate({
            ...about,
            span: n.ref.span,
            related: [sourceRelated(source)],
            message: `source NIC '${nic.displayName}' is in virtual network '${networkName(n)}', which is outside the template, so vtaplint cannot check that its encryption is off; a VM in a virtual network with encryption enabled cannot be a TAP source: check that network`
          });
          continue;
        }
        if (n.kind === "unknown" && n.value instanceof Unknown && ctx.graph.resolve(n.value).kind === "none") {
          if (!first(`${nic.key}|unknown|${n.ref.span.identity()}`)) continue;
          ctx.indeterminate({
            ...about,
            span: n.ref.span,
            related: [sourceRelated(source), ...unknownOrigin(n.value, n.ref.span)],
            message: `the subnet of source NIC '${nic.displayName}' is ${describeUnknown(n.value)}, so vtaplint cannot check that its virtual network has encryption off; a VM in a virtual network with encryption enabled cannot be a TAP source: check that network`
          });
          continue;
        }
        if (n.kind !== "vnet" || !first(`${nic.key}|${n.vnet.key}`)) continue;
        const enabled = at(n.vnet.root, "properties", "encryption", "enabled");
        const base = {
          span: enabled.span,
          resource: n.vnet,
          involved: [nic, ...source.config ? [source.config] : []],
          sources: [source],
          related: [{ span: n.ref.span, message: `source NIC '${nic.displayName}' is in '${n.vnet.displayName}' here` }, sourceRelated(source)]
        };
        if (enabled.value === true)
          ctx.fail({
            ...base,
            message: `virtual network '${n.vnet.displayName}' has encryption enabled and holds source NIC '${nic.displayName}'; a VM in an encrypted virtual network cannot be a TAP source: mirror a VM in a network without encryption`
          });
        else if (enabled.value instanceof Unknown)
          ctx.indeterminate({
            ...base,
            related: [...base.related, ...unknownOrigin(enabled.value, enabled.span)],
            message: `whether virtual network '${n.vnet.displayName}' (with source NIC '${nic.displayName}') is encrypted is ${describeUnknown(enabled.value)}; a VM in an encrypted network cannot be a TAP source`
          });
        else ctx.pass({ ...base, message: "not encrypted" });
      }
    }
  }
);

// rules/vtap-no-ipv6.md
var vtap_no_ipv6_default = '# vtap-no-ipv6\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nNo IP configuration of a source NIC, and not the destination IP configuration or load balancer\nfrontend, has `privateIPAddressVersion: IPv6` or uses a public IP whose `publicIPAddressVersion` is\n`IPv6`. Either version known only at deployment (a parameter without a value) is *indeterminate*.\n\n## Where it comes from\n[Virtual network TAP overview, Other Limitations](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#other-limitations):\n\n> Virtual network TAP doesn\'t support IPv6.\n\n## Why it matters\nIPv6 traffic is not mirrored, and an IPv6 destination cannot receive the mirror.\n\n## How to fix\nMirror and send over IPv4 IP configurations only.\n\n## Examples\nFailing (Bicep):\n```bicep\n{\n  name: \'ipconfig-v6\'\n  properties: {\n    privateIPAddressVersion: \'IPv6\'\n    subnet: { id: \'${vnet.id}/subnets/default\' }\n  }\n}\n```\nPassing (Bicep):\n```bicep\n{\n  name: \'ipconfig1\'\n  properties: {\n    privateIPAllocationMethod: \'Dynamic\'\n    subnet: { id: \'${vnet.id}/subnets/default\' }\n  }\n}\n```\nFailing (ARM JSON):\n```json\n{ "name": "ipconfig-v6", "properties": { "privateIPAddressVersion": "IPv6", "privateIPAllocationMethod": "Dynamic" } }\n```\nPassing (ARM JSON):\n```json\n{ "name": "ipconfig1", "properties": { "privateIPAllocationMethod": "Dynamic" } }\n```\n';

// rules/vtap-no-ipv6.ts
var vtap_no_ipv6_default2 = defineRule(
  {
    id: "vtap-no-ipv6",
    name: "VtapNoIpv6",
    shortDescription: "No source NIC IP configuration and no destination uses IPv6.",
    fullDescription: "Virtual network TAP does not support IPv6. The rule fails when an IP configuration of a source NIC, or the destination IP configuration or load balancer frontend, has privateIPAddressVersion IPv6 or uses an IPv6 public IP address.",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: `Virtual network TAP overview, "Other Limitations": "Virtual network TAP doesn't support IPv6."`
  },
  vtap_no_ipv6_default,
  (ctx) => {
    for (const { nic, source } of sourceNics(ctx.graph)) {
      const tap = tapOf(source);
      for (const ipc of ipConfigurationsOf(nic)) checkIpConfig(ctx, ipc, nic, `source NIC '${nic.displayName}'`, [sourceRelated(source)], tap ? [tap] : [], [source]);
    }
    for (const tap of taps(ctx.graph)) {
      const d = destinationOf(tap, ctx.graph);
      const t = d && destinationTarget(d);
      if (d && t) checkIpConfig(ctx, t.entry, t.resource, `the destination of TAP '${tap.displayName}' ('${t.name}' of '${t.resource.displayName}')`, [{ span: d.id.span, message: "the destination of the TAP" }], [tap]);
    }
  }
);
function checkIpConfig(ctx, ipc, holder, what, related, involved, sources = []) {
  const name = at(ipc, "name").value;
  const version = at(ipc, "properties", "privateIPAddressVersion");
  const base = { resource: holder, involved, sources, related };
  const fix = "virtual network TAP does not support IPv6: mirror and send over IPv4 IP configurations only";
  if (typeof version.value === "string" && version.value.toLowerCase() === "ipv6") {
    ctx.fail({ ...base, span: version.span, message: `IP configuration '${String(name)}' of ${what} uses IPv6; ${fix}` });
    return;
  }
  if (version.value instanceof Unknown) {
    ctx.indeterminate({ ...base, span: version.span, related: [...related, ...unknownOrigin(version.value, version.span)], message: `the IP version of IP configuration '${String(name)}' of ${what} is ${describeUnknown(version.value)}; IPv6 cannot be mirrored` });
    return;
  }
  const pip = publicIpOf(ctx.graph, ipc);
  if (pip && !pip.pip.existing) {
    const pv = at(pip.pip.root, "properties", "publicIPAddressVersion");
    if (typeof pv.value === "string" && pv.value.toLowerCase() === "ipv6") {
      ctx.fail({
        ...base,
        span: pv.span,
        involved: [...involved, holder],
        resource: pip.pip,
        related: [...related, { span: pip.ref.span, message: `IP configuration '${String(name)}' uses public IP '${pip.pip.displayName}' here` }],
        message: `public IP '${pip.pip.displayName}' of ${what} is IPv6; ${fix}`
      });
      return;
    }
    if (pv.value instanceof Unknown) {
      ctx.indeterminate({
        ...base,
        span: pv.span,
        involved: [...involved, holder],
        resource: pip.pip,
        related: [...related, { span: pip.ref.span, message: `IP configuration '${String(name)}' uses public IP '${pip.pip.displayName}' here` }, ...unknownOrigin(pv.value, pv.span)],
        message: `the IP version of public IP '${pip.pip.displayName}' of ${what} is ${describeUnknown(pv.value)}; IPv6 cannot be mirrored`
      });
      return;
    }
  }
  ctx.pass({ ...base, span: version.span, message: "IPv4" });
}

// rules/vtap-source-downtime.md
var vtap_source_downtime_default = '# vtap-source-downtime\n\n**Level:** note \xB7 **Tags:** vtap, temporary\n\n## What it checks\nOne note per source NIC whose VM exists before this deployment: the NIC is an `existing` resource\nor only referenced by id, and no VM of the template uses it (a VM the template creates is new). Adding the TAP configuration to it may interrupt the VM\'s network.\n\n## Where it comes from\n[Virtual network TAP overview, Other Limitations](https://learn.microsoft.com/azure/virtual-network/virtual-network-tap-overview#other-limitations):\n\n> [Temporary] When a VM is added or removed as a source, the VM might experience network downtime (up to 60 seconds).\n\nThe limitation is marked temporary; switch every temporary rule off at once with `{"tags": {"temporary": "off"}}` in `vtaplint.config.json`.\n\n## Why it matters\nA running workload loses its network for up to a minute while the TAP configuration is added (or removed).\n\n## How to fix\nDeploy the TAP configuration of running VMs in a maintenance window.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource legacyNic \'Microsoft.Network/networkInterfaces@2024-05-01\' existing = {\n  name: \'legacy-web-nic\'\n}\nresource tapConfig \'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01\' = {\n  parent: legacyNic\n  name: \'to-collector\'\n  properties: { virtualNetworkTap: { id: tap.id } }\n}\n```\nPassing (Bicep):\n```bicep\n// the source VM and its NIC are created by this deployment, after the TAP\n```\nFailing (ARM JSON):\n```json\n{\n  "type": "Microsoft.Network/networkInterfaces/tapConfigurations",\n  "name": "[format(\'{0}/{1}\', \'legacy-web-nic\', \'to-collector\')]",\n  "properties": { "virtualNetworkTap": { "id": "[resourceId(\'Microsoft.Network/virtualNetworkTaps\', \'tap1\')]" } }\n}\n```\nPassing (ARM JSON):\n```json\n// web-nic and web-vm are declared in the template\n```\n';

// rules/vtap-source-downtime.ts
var vtap_source_downtime_default2 = defineRule(
  {
    id: "vtap-source-downtime",
    name: "VtapSourceDowntime",
    shortDescription: "Adding a TAP source to a VM that already runs may cut its network for up to 60 seconds (information).",
    fullDescription: "During the preview, adding or removing a TAP configuration on the network interface of a running VM may interrupt its network for up to 60 seconds. The rule gives one note per source NIC whose VM exists before this deployment (an existing NIC or one outside the template).",
    defaultLevel: "note",
    tags: ["vtap", "temporary"],
    precision: "high",
    source: 'Virtual network TAP overview, "Adding a source": "[Temporary] When a VM is added or removed as a source, the VM might experience network downtime (up to 60 seconds)."'
  },
  vtap_source_downtime_default,
  (ctx) => {
    const seen = /* @__PURE__ */ new Set();
    for (const source of tapSources(ctx.graph)) {
      if (!isOutside(source.nic) || privateEndpointOfNic(ctx.graph, source.nic)) continue;
      if (vmsOfNicRef(ctx.graph, source.nic).length > 0) continue;
      const key2 = nicKey(source.nic) ?? nicName(source.nic).toLowerCase();
      if (seen.has(key2)) continue;
      seen.add(key2);
      ctx.fail({
        message: `NIC '${nicName(source.nic)}' belongs to a VM that exists before this deployment; adding the TAP configuration may interrupt its network for up to 60 seconds: deploy in a maintenance window`,
        span: source.tapId.span,
        resource: source.holder,
        involved: source.config ? [source.config] : [],
        sources: [source]
      });
    }
  }
);

// rules/vtap-one-config-per-nic.md
var vtap_one_config_per_nic_default = '# vtap-one-config-per-nic\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nAt most one TAP configuration per network interface, counting all three ways of declaring one:\n`networkInterfaces/tapConfigurations` resources (copy loops expanded), inline `tapConfigurations`\nentries, and `ipConfigurations[].properties.virtualNetworkTaps` entries. Every declaration after\nthe first fails. Declarations of the same name (a tapConfigurations resource, or an inline entry,\nnamed `tapcfg` on one NIC) are one configuration: a module or nested deployment that deploys it\nagain updates it (two of one name in one template are `invalid-template`). Entries of the NIC\'s\nown body (`virtualNetworkTaps`, inline `tapConfigurations`) in two declarations of the same NIC\n(a NIC module deployed twice, as Azure Verified Modules\' idempotency tests do, or a NIC made by\none module and deployed again with its TAP) are not added up: each deployment PUTs the whole NIC,\nand the later body replaces the earlier.\n\n## Where it comes from\n[Virtual network FAQ, Virtual network TAP](https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#virtual-network-tap):\n\n> A monitored network interface can have only one TAP configuration.\n\n## Why it matters\nThe second TAP configuration is rejected, and the deployment fails.\n\n## How to fix\nKeep one TAP configuration per NIC; to send one NIC\'s traffic to several tools, use a packet broker as the destination.\n\n## Examples\nFailing (Bicep):\n```bicep\n// webNic\'s ipConfiguration already lists the TAP in virtualNetworkTaps\nresource tapConfig \'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01\' = {\n  parent: webNic\n  name: \'to-collector\'\n  properties: { virtualNetworkTap: { id: tap.id } }\n}\n```\nPassing (Bicep):\n```bicep\nresource tapConfigs \'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01\' = [for i in range(0, webCount): {\n  parent: webNics[i]\n  name: \'to-collector\'\n  properties: { virtualNetworkTap: { id: tap.id } }\n}]\n```\nFailing (ARM JSON):\n```json\n"ipConfigurations": [ { "name": "ipconfig1", "properties": {\n  "virtualNetworkTaps": [ { "id": "[resourceId(\'Microsoft.Network/virtualNetworkTaps\', \'tap1\')]" } ]\n} } ]\n// ... and a tapConfigurations resource on the same NIC\n```\nPassing (ARM JSON):\n```json\n"copy": { "name": "tapConfigs", "count": "[parameters(\'webCount\')]" },\n"name": "[format(\'web-nic-{0}/to-collector\', copyIndex())]"\n```\n';

// rules/vtap-one-config-per-nic.ts
var HOW = {
  child: "tapConfigurations resource",
  inline: "inline tapConfigurations entry",
  ipconfig: "IP configuration virtualNetworkTaps entry",
  // Never counted: a scale set's NIC has no key (vtap-source-vm-nic reports it).
  scaleset: "scale set IP configuration virtualNetworkTaps entry"
};
function inBody(s) {
  return s.declaration === "ipconfig" || s.declaration === "inline";
}
function coexist(a, b) {
  if (inBody(a) && inBody(b) && a.holder !== b.holder) return false;
  return mayCoexist(a, b);
}
function ordinal(n) {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}
var vtap_one_config_per_nic_default2 = defineRule(
  {
    id: "vtap-one-config-per-nic",
    name: "VtapOneConfigPerNic",
    shortDescription: "A network interface has at most one TAP configuration.",
    fullDescription: "A monitored network interface can have only one TAP configuration. The rule counts, per NIC, the tapConfigurations child resources, the inline tapConfigurations entries and the ipConfigurations[].properties.virtualNetworkTaps entries, and fails for every declaration after the first.",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: 'Virtual network FAQ, "Virtual network TAP": "A monitored network interface can have only one TAP configuration."'
  },
  vtap_one_config_per_nic_default,
  (ctx) => {
    const byNic = /* @__PURE__ */ new Map();
    for (const s of tapSources(ctx.graph)) {
      const k = nicKey(s.nic);
      if (k === void 0) continue;
      const list = byNic.get(k);
      if (list) list.push(s);
      else byNic.set(k, [s]);
    }
    for (const all of byNic.values()) {
      const names = /* @__PURE__ */ new Set();
      const list = all.filter((s) => {
        const n = tapConfigurationName(s);
        if (n === void 0) return true;
        if (names.has(n)) return false;
        names.add(n);
        return true;
      });
      const [first, ...rest] = list;
      if (rest.length === 0) {
        ctx.pass({ message: "one TAP configuration", span: first.tapId.span, resource: first.holder });
        continue;
      }
      for (const [i, s] of rest.entries()) {
        const before = list.slice(0, i + 1).filter((o) => coexist(o, s));
        const prior = before[0];
        if (!prior) {
          ctx.pass({ message: "one TAP configuration whichever option is chosen or declaration of the NIC is deployed last", span: s.tapId.span, resource: s.holder });
          continue;
        }
        const count = list.filter((o) => o === s || coexist(o, s)).length;
        ctx.fail({
          message: `NIC '${nicName(s.nic)}' gets ${count} TAP configurations, this ${HOW[s.declaration]} is the ${ordinal(before.length + 1)}; a network interface can have only one: keep one TAP configuration and mirror to one TAP`,
          span: s.tapId.span,
          related: [{ ...sourceRelated(prior), message: `the first TAP configuration of '${nicName(prior.nic)}'` }],
          resource: s.holder,
          involved: [prior.holder, ...s.config ? [s.config] : [], ...prior.config ? [prior.config] : []],
          // Both must exist for the NIC to have two: either may be one a condition leaves out.
          sources: [s, prior]
        });
      }
    }
  }
);

// rules/vtap-config-target.md
var vtap_config_target_default = "# vtap-config-target\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\nEvery TAP configuration names a virtual network TAP: `virtualNetworkTap.id` (or the\n`virtualNetworkTaps[].id` entry) is the id of a `Microsoft.Network/virtualNetworkTaps` resource. When\nthat TAP is in the template, the configuration (or the NIC holding it) depends on it: `dependsOn`,\na Bicep symbolic reference, `parent`, or the module it is in (a module starts after what it\ndepends on; depending on a module means waiting for every resource in it, so a configuration in a\nmodule that uses the TAP module's outputs is after the TAP). A `resourceId()` in a property does\nnot order an ARM deployment. An id only known at deployment is *indeterminate*, and so is a TAP\nthe template declares under a condition that is false: it must exist already (the \"create it or\nuse the one that exists\" pattern), or the deployment fails. A TAP whose condition is known only at\ndeployment, used by a configuration deployed without that condition, is *indeterminate* for the same\nreason: give the configuration the TAP's condition.\n\n## Where it comes from\n[Resource schema: NetworkInterfaceTapConfiguration](https://learn.microsoft.com/azure/templates/microsoft.network/networkinterfaces/tapconfigurations):\n\n> virtualNetworkTap: The reference to the Virtual Network Tap resource.\n\n## Why it matters\nA configuration pointing at something else is rejected; one created before its TAP fails with a \"not found\" error on the first deployment.\n\n## How to fix\nPoint `virtualNetworkTap.id` at the TAP and make the configuration depend on it (in Bicep, use `tap.id`).\nWhen the TAP is in another module (nested deployment), pass its id as that module's output, or,\nin the template that declares both modules, add the TAP's module to the `dependsOn` of the\nconfiguration's module: a `dependsOn` entry names only resources and modules of its own file.\n\n## Examples\nFailing (Bicep):\n```bicep\nproperties: {\n  virtualNetworkTap: {\n    id: resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')   // no dependency\n  }\n}\n```\nPassing (Bicep):\n```bicep\nproperties: {\n  virtualNetworkTap: {\n    id: tap.id\n  }\n}\n```\nFailing (ARM JSON):\n```json\n\"dependsOn\": [ \"[resourceId('Microsoft.Network/networkInterfaces', 'web-nic')]\" ],\n\"properties\": { \"virtualNetworkTap\": { \"id\": \"[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]\" } }\n```\nPassing (ARM JSON):\n```json\n\"dependsOn\": [\n  \"[resourceId('Microsoft.Network/networkInterfaces', 'web-nic')]\",\n  \"[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap1')]\"\n]\n```\n";

// rules/vtap-config-target.ts
var vtap_config_target_default2 = defineRule(
  {
    id: "vtap-config-target",
    name: "VtapConfigTarget",
    shortDescription: "A TAP configuration's virtualNetworkTap.id is the id of a virtual network TAP, and the configuration is deployed after that TAP.",
    fullDescription: "A TAP configuration (a tapConfigurations child resource, an inline tapConfigurations entry, or a virtualNetworkTaps entry of an IP configuration) names the TAP it sends to by id. The rule checks that the id is the id of a Microsoft.Network/virtualNetworkTaps resource and, when that TAP is in the template, that the configuration depends on it (dependsOn, a Bicep symbolic reference or a parent chain): ARM does not order resources by ids in their properties.",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: 'Resource schema: NetworkInterfaceTapConfiguration.properties.virtualNetworkTap is "the reference to the Virtual Network Tap resource"'
  },
  vtap_config_target_default,
  (ctx) => {
    for (const s of tapSources(ctx.graph)) {
      if (s.declaration === "scaleset") continue;
      const v = s.tapId.value;
      const base = { span: s.tapId.span, resource: s.holder, sources: [s] };
      if (v === void 0 || v === null) {
        ctx.fail({ ...base, message: `TAP configuration '${s.holder.displayName}' names no TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource` });
        continue;
      }
      const res = s.tap;
      if (res.kind === "none") {
        if (v instanceof Unknown) ctx.indeterminate({ ...base, related: unknownOrigin(v, s.tapId.span), message: `the TAP of '${s.holder.displayName}' is ${describeUnknown(v)}, so vtaplint cannot check that it is a virtual network TAP` });
        else ctx.fail({ ...base, message: `the TAP reference of '${s.holder.displayName}' is not a resource id; set it to the id of a Microsoft.Network/virtualNetworkTaps resource (resourceId('Microsoft.Network/virtualNetworkTaps', name))` });
        continue;
      }
      const type = fullType(res.id);
      if (type.toLowerCase() !== TYPES.tap.toLowerCase()) {
        ctx.fail({ ...base, message: `'${s.holder.displayName}' sends to ${res.kind === "external" ? describeId(res.id) : `'${res.resource.displayName}' (a ${type})`}, not a virtual network TAP; set virtualNetworkTap.id to the id of a Microsoft.Network/virtualNetworkTaps resource` });
        continue;
      }
      if (res.kind === "external" && ctx.graph.notDeployedAt(res.id)) {
        const n = ctx.graph.notDeployedAt(res.id);
        ctx.indeterminate({
          ...base,
          message: `'${s.holder.displayName}' refers to TAP '${n?.symbolicName ?? formatId(res.id).split("/").pop()}', which this template does not deploy (its condition is false): it must exist already, or the deployment fails`
        });
        continue;
      }
      if (res.kind !== "resource" || res.resource.existing) {
        ctx.pass({ ...base, message: "a TAP that exists before this deployment" });
        continue;
      }
      const tap = res.resource;
      if (tap.state === "maybe" && s.holder.state !== "maybe") {
        ctx.indeterminate({
          ...base,
          related: [{ span: tap.nameSpan, message: `TAP '${tap.displayName}' is declared here` }],
          message: `'${s.holder.displayName}' refers to TAP '${tap.displayName}', which is deployed only if its condition allows (${tap.condition ? describeUnknown(tap.condition) : "not known before deployment"}); when it is not, the TAP must exist already or the deployment fails: give the configuration the same condition`
        });
        continue;
      }
      if (orderedAfter(ctx.graph, s.holder, tap)) {
        ctx.pass({ ...base, message: "deployed after the TAP" });
        continue;
      }
      const across = dependsOnAcrossModules(s.holder, tap, s.declaration === "child" ? "the TAP configuration" : `'${s.holder.displayName}'`, "the TAP");
      ctx.fail({
        ...base,
        involved: [tap],
        related: [{ span: tap.nameSpan, message: `TAP '${tap.displayName}' is declared here` }, ...across ? [across.related] : []],
        message: `'${s.holder.displayName}' refers to TAP '${tap.displayName}' but does not depend on it, so ARM may create it before the TAP exists and the deployment fails: ${across?.advice ?? "add the TAP to dependsOn"}`
      });
    }
  }
);

// rules/vtap-destination-port.md
var vtap_destination_port_default = '# vtap-destination-port\n\n**Level:** warning \xB7 **Tags:** vtap\n\n## What it checks\nA TAP\'s `properties.destinationPort`, when set, is 4789 (the VXLAN port; data:\n`defaultDestinationPort` in `rules/data/vtap-facts.json`). Leaving it out is fine.\n\n## Where it comes from\n[Azure docs change, PR MicrosoftDocs/azure-docs#119717 (2024)](https://github.com/MicrosoftDocs/azure-docs/pull/119717):\n\n> VTAP destination port is no longer configurable.\n\nThe REST API example answers `"destinationPort": 4789` when none is sent; Azure PowerShell: "Default Destination Port is 4789".\n\n## Why it matters\nA collector listening on another port receives nothing: mirrored traffic arrives as VXLAN on UDP 4789.\n\n## How to fix\nRemove `destinationPort` (or set it to 4789) and make the collector listen on UDP 4789.\n\n## Examples\nFailing (Bicep):\n```bicep\nproperties: {\n  destinationNetworkInterfaceIPConfiguration: { id: \'${collectorNic.id}/ipConfigurations/ipconfig1\' }\n  destinationPort: 8888\n}\n```\nPassing (Bicep):\n```bicep\nproperties: {\n  destinationNetworkInterfaceIPConfiguration: { id: \'${collectorNic.id}/ipConfigurations/ipconfig1\' }\n}\n```\nFailing (ARM JSON):\n```json\n"destinationPort": 8888\n```\nPassing (ARM JSON):\n```json\n"destinationPort": 4789\n```\n';

// rules/vtap-destination-port.ts
var PORT = vtap_facts_default.defaultDestinationPort;
var vtap_destination_port_default2 = defineRule(
  {
    id: "vtap-destination-port",
    name: "VtapDestinationPort",
    shortDescription: `A TAP's destinationPort, when set, is ${PORT} (VXLAN).`,
    fullDescription: `The destination port of a virtual network TAP is no longer configurable: mirrored traffic arrives as VXLAN on UDP ${PORT}. A destinationPort other than ${PORT} is ignored or rejected, and a collector listening on it receives nothing. The rule warns when destinationPort is set to another value.`,
    defaultLevel: "warning",
    tags: ["vtap"],
    precision: "high",
    source: 'Azure docs change (2024): "VTAP destination port is no longer configurable"; the REST example answers destinationPort 4789'
  },
  vtap_destination_port_default,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const port = at(tap.root, "properties", "destinationPort");
      const v = port.value;
      if (v === void 0 || v === null) continue;
      const base = { span: port.span, resource: tap };
      if (v === PORT) ctx.pass({ ...base, message: "default port" });
      else if (v instanceof Unknown) {
        if (v.oneOf && v.oneOf.every((x) => x === PORT)) ctx.pass({ ...base, message: "default port" });
        else ctx.indeterminate({ ...base, related: unknownOrigin(v, port.span), message: `the destinationPort of TAP '${tap.displayName}' is ${describeUnknown(v)}; the port is no longer configurable and is always ${PORT}: remove destinationPort` });
      } else if (typeof v === "string" && v.trim() === String(PORT))
        ctx.fail({
          ...base,
          message: `TAP '${tap.displayName}' sets destinationPort to the string "${v}", where the resource schema wants an integer; remove destinationPort (the port is always ${PORT}) or write it as the number ${PORT}`
        });
      else
        ctx.fail({
          ...base,
          message: `TAP '${tap.displayName}' sets destinationPort ${JSON.stringify(v)}, but the destination port is no longer configurable: mirrored traffic arrives on UDP ${PORT}; remove destinationPort (or set it to ${PORT}) and listen on UDP ${PORT}`
        });
    }
  }
);

// src/graph/type-shape.ts
function typeShape(index2, type, apiVersion) {
  const key2 = Object.keys(index2.types).find((k) => k.toLowerCase() === type.toLowerCase());
  const t = key2 ? index2.types[key2] : void 0;
  if (!t) return void 0;
  const v = (apiVersion ?? "").toLowerCase();
  const range = [...t.ranges].reverse().find((r) => r.from <= v) ?? t.ranges[0];
  return {
    published: t.apiVersions.includes(v),
    apiVersions: t.apiVersions,
    writable: new Set((range?.writable ?? []).map((p) => p.toLowerCase())),
    writableNames: range?.writable ?? [],
    readOnly: new Set((range?.readOnly ?? []).map((p) => p.toLowerCase())),
    range: range ? { from: range.from, to: range.to } : void 0
  };
}
function propertyEntries(lv) {
  if (!(lv.value instanceof ObjectValue)) return [];
  return lv.value.located().map((e) => ({ key: e.key, value: { value: e.value, span: e.span ?? lv.span }, keySpan: e.keySpan ?? e.span ?? lv.span }));
}

// rules/data/type-index.json
var type_index_default = {
  $comment: "Generated by scripts/gen-type-index.ts from Azure's published Bicep type definitions (Azure/bicep-types-az generated/network/microsoft.network/*/types.json @1f896de2 (2026-08-20): API versions whose types include Microsoft.Network/virtualNetworkTaps); sampled types.json versions: 2018-08-01, 2019-08-01, 2019-09-01, 2024-05-01, 2025-09-01. Do not edit by hand.",
  types: {
    "Microsoft.Network/virtualNetworkTaps": {
      apiVersions: [
        "2018-08-01",
        "2018-10-01",
        "2018-11-01",
        "2018-12-01",
        "2019-02-01",
        "2019-04-01",
        "2019-06-01",
        "2019-07-01",
        "2019-08-01",
        "2019-09-01",
        "2019-11-01",
        "2019-12-01",
        "2020-03-01",
        "2020-04-01",
        "2020-05-01",
        "2020-06-01",
        "2020-07-01",
        "2020-08-01",
        "2020-11-01",
        "2021-02-01",
        "2021-03-01",
        "2021-05-01",
        "2021-08-01",
        "2022-01-01",
        "2022-05-01",
        "2022-07-01",
        "2022-09-01",
        "2022-11-01",
        "2023-02-01",
        "2023-04-01",
        "2023-05-01",
        "2023-06-01",
        "2023-09-01",
        "2023-11-01",
        "2024-01-01",
        "2024-03-01",
        "2024-05-01",
        "2024-07-01",
        "2024-10-01",
        "2025-01-01",
        "2025-03-01",
        "2025-05-01",
        "2025-07-01",
        "2025-09-01"
      ],
      ranges: [
        {
          from: "2018-08-01",
          to: "2025-09-01",
          writable: [
            "properties.destinationLoadBalancerFrontEndIPConfiguration",
            "properties.destinationNetworkInterfaceIPConfiguration",
            "properties.destinationPort"
          ],
          readOnly: [
            "properties.networkInterfaceTapConfigurations",
            "properties.provisioningState",
            "properties.resourceGuid"
          ]
        }
      ]
    },
    "Microsoft.Network/networkInterfaces/tapConfigurations": {
      apiVersions: [
        "2018-08-01",
        "2018-10-01",
        "2018-11-01",
        "2018-12-01",
        "2019-02-01",
        "2019-04-01",
        "2019-06-01",
        "2019-07-01",
        "2019-08-01",
        "2019-09-01",
        "2019-11-01",
        "2019-12-01",
        "2020-03-01",
        "2020-04-01",
        "2020-05-01",
        "2020-06-01",
        "2020-07-01",
        "2020-08-01",
        "2020-11-01",
        "2021-02-01",
        "2021-03-01",
        "2021-05-01",
        "2021-08-01",
        "2022-01-01",
        "2022-05-01",
        "2022-07-01",
        "2022-09-01",
        "2022-11-01",
        "2023-02-01",
        "2023-04-01",
        "2023-05-01",
        "2023-06-01",
        "2023-09-01",
        "2023-11-01",
        "2024-01-01",
        "2024-03-01",
        "2024-05-01",
        "2024-07-01",
        "2024-10-01",
        "2025-01-01",
        "2025-03-01",
        "2025-05-01",
        "2025-07-01",
        "2025-09-01"
      ],
      ranges: [
        {
          from: "2018-08-01",
          to: "2025-09-01",
          writable: [
            "properties.virtualNetworkTap"
          ],
          readOnly: [
            "properties.provisioningState"
          ]
        }
      ]
    },
    "Microsoft.Network/networkInterfaces": {
      apiVersions: [
        "2018-08-01",
        "2018-10-01",
        "2018-11-01",
        "2018-12-01",
        "2019-02-01",
        "2019-04-01",
        "2019-06-01",
        "2019-07-01",
        "2019-08-01",
        "2019-09-01",
        "2019-11-01",
        "2019-12-01",
        "2020-03-01",
        "2020-04-01",
        "2020-05-01",
        "2020-06-01",
        "2020-07-01",
        "2020-08-01",
        "2020-11-01",
        "2021-02-01",
        "2021-03-01",
        "2021-05-01",
        "2021-08-01",
        "2022-01-01",
        "2022-05-01",
        "2022-07-01",
        "2022-09-01",
        "2022-11-01",
        "2023-02-01",
        "2023-04-01",
        "2023-05-01",
        "2023-06-01",
        "2023-09-01",
        "2023-11-01",
        "2024-01-01",
        "2024-03-01",
        "2024-05-01",
        "2024-07-01",
        "2024-10-01",
        "2025-01-01",
        "2025-03-01",
        "2025-05-01",
        "2025-07-01",
        "2025-09-01"
      ],
      ranges: [
        {
          from: "2018-08-01",
          to: "2019-08-01",
          writable: [
            "properties.ipConfigurations[].properties.virtualNetworkTaps",
            "properties.tapConfigurations"
          ],
          readOnly: []
        },
        {
          from: "2019-09-01",
          to: "2025-09-01",
          writable: [
            "properties.ipConfigurations[].properties.virtualNetworkTaps"
          ],
          readOnly: [
            "properties.tapConfigurations"
          ]
        }
      ]
    }
  }
};

// rules/vtap-inline-config-readonly.md
var vtap_inline_config_readonly_default = '# vtap-inline-config-readonly\n\n**Level:** warning \xB7 **Tags:** vtap\n\n## What it checks\nA NIC that declares `properties.tapConfigurations` inline uses an API version where that property\nis writable. Azure\'s published type definitions (`rules/data/type-index.json`, generated by\n`scripts/gen-type-index.ts`) make it read-only from 2019-09-01 on. Such an inline entry is then no\nTAP source for the other rules: its VM is not mirrored, so it is not counted as a TAP configuration\nof the NIC, and its VM\'s size, region or load balancers are not checked.\nAn API version taken from a parameter that has no value (ARM JSON\n`"apiVersion": "[parameters(\'nicApiVersion\')]"`) is *indeterminate*: the entries are honoured only\nif the deployment supplies 2019-08-01 or earlier (the other rules still treat them as a source).\n\n## Where it comes from\n[Resource schema: networkInterfaces](https://learn.microsoft.com/azure/templates/microsoft.network/networkinterfaces):\n\n> tapConfigurations: A list of TapConfigurations of the network interface. (read-only from API 2019-09-01)\n\n## Why it matters\nAzure ignores read-only properties, so the NIC is created without a TAP configuration and nothing is mirrored, silently.\n\n## How to fix\nDeclare a `Microsoft.Network/networkInterfaces/tapConfigurations` child resource instead.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource webNic \'Microsoft.Network/networkInterfaces@2024-05-01\' = {\n  ...\n  properties: {\n    tapConfigurations: [ { name: \'to-collector\', properties: { virtualNetworkTap: { id: tap.id } } } ]\n  }\n}\n```\nPassing (Bicep):\n```bicep\nresource tapConfig \'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01\' = {\n  parent: webNic\n  name: \'to-collector\'\n  properties: { virtualNetworkTap: { id: tap.id } }\n}\n```\nFailing (ARM JSON):\n```json\n"type": "Microsoft.Network/networkInterfaces",\n"apiVersion": "2024-05-01",\n"properties": { "tapConfigurations": [ { "name": "to-collector", "properties": { "virtualNetworkTap": { "id": "[resourceId(\'Microsoft.Network/virtualNetworkTaps\', \'tap1\')]" } } } ] }\n```\nPassing (ARM JSON):\n```json\n"type": "Microsoft.Network/networkInterfaces",\n"apiVersion": "2019-08-01",\n"properties": { "tapConfigurations": [ { "name": "to-collector", "properties": { "virtualNetworkTap": { "id": "[resourceId(\'Microsoft.Network/virtualNetworkTaps\', \'tap1\')]" } } } ] }\n```\n';

// rules/vtap-inline-config-readonly.ts
var INDEX = type_index_default;
var PATH = "properties.tapconfigurations";
var vtap_inline_config_readonly_default2 = defineRule(
  {
    id: "vtap-inline-config-readonly",
    name: "VtapInlineConfigReadonly",
    shortDescription: "A NIC does not declare inline tapConfigurations with an API version where they are read-only.",
    fullDescription: "A network interface's inline properties.tapConfigurations is writable only up to API version 2019-08-01; from 2019-09-01 on it is read-only, and Azure ignores it: nothing is mirrored. The rule reads the API versions from Azure's published type definitions (rules/data/type-index.json) and says to use a networkInterfaces/tapConfigurations child resource instead.",
    defaultLevel: "warning",
    tags: ["vtap"],
    precision: "very-high",
    source: "Resource schema: NetworkInterfacePropertiesFormat.tapConfigurations is read-only from API 2019-09-01"
  },
  vtap_inline_config_readonly_default,
  (ctx) => {
    for (const nic of deployedOfType(ctx.graph, TYPES.nic)) {
      const inline = at(nic.root, "properties", "tapConfigurations");
      if (inline.value === void 0 || inline.value === null || Array.isArray(inline.value) && inline.value.length === 0) continue;
      const api = at(nic.root, "apiVersion");
      if (api.value instanceof Unknown) {
        ctx.indeterminate({
          span: inline.span,
          resource: nic,
          related: [{ span: api.span, message: "the API version" }, ...unknownOrigin(api.value, api.span)],
          message: `NIC '${nic.displayName}' declares tapConfigurations inline and its API version is ${describeUnknown(api.value)}; from API 2019-09-01 that property is read-only and Azure ignores it, so these entries mirror nothing: declare a Microsoft.Network/networkInterfaces/tapConfigurations child resource instead`
        });
        continue;
      }
      const shape = typeShape(INDEX, TYPES.nic, nic.apiVersion);
      if (!shape) continue;
      const base = { span: inline.span, resource: nic, related: [{ span: api.span, message: `API version ${nic.apiVersion ?? "(none)"}` }] };
      if (shape.readOnly.has(PATH))
        ctx.fail({
          ...base,
          message: `NIC '${nic.displayName}' declares tapConfigurations inline with API version ${nic.apiVersion ?? "(none)"}, where that property is read-only (from 2019-09-01): Azure ignores it, so these entries mirror nothing; declare a Microsoft.Network/networkInterfaces/tapConfigurations child resource instead`
        });
      else ctx.pass({ ...base, message: "writable at this API version" });
    }
  }
);

// rules/vtap-api-version.md
var vtap_api_version_default = '# vtap-api-version\n\n**Level:** error \xB7 **Tags:** vtap\n\n## What it checks\n`Microsoft.Network/virtualNetworkTaps` and `Microsoft.Network/networkInterfaces/tapConfigurations`\nuse an API version Azure publishes for them (44 stable versions, 2018-08-01 to 2025-09-01; there are\nno preview versions), and set only properties under `properties` that the type has at that version\nand that are writable. The data is `rules/data/type-index.json`, generated by\n`scripts/gen-type-index.ts` from Azure\'s published Bicep type definitions. A version later than\nthe newest in that data is *indeterminate*, not a failure: Azure may have published it since. So is\nan API version taken from a parameter that has no value (ARM JSON written as\n`"apiVersion": "[parameters(\'networkApiVersion\')]"`): the value comes with the deployment; the\nfinding names any of the parameter\'s `allowedValues` that Azure does not publish.\n\n## Where it comes from\n[Resource schema: virtualNetworkTaps](https://learn.microsoft.com/azure/templates/microsoft.network/virtualnetworktaps):\n\n> networkInterfaceTapConfigurations: Specifies the list of resource IDs for the network interface IP configuration that needs to be tapped. (read-only)\n\n## Why it matters\nAn unknown API version fails the deployment ("No registered resource provider found ... for API version"); read-only or unknown properties are ignored or rejected.\n\n## How to fix\nUse a published API version (for example 2024-05-01) and only `destinationNetworkInterfaceIPConfiguration`, `destinationLoadBalancerFrontEndIPConfiguration` and `destinationPort` on a TAP, `virtualNetworkTap` on a TAP configuration.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource tap \'Microsoft.Network/virtualNetworkTaps@2024-05-01\' = {\n  name: \'tap1\'\n  location: location\n  properties: {\n    destinationNetworkInterfaceIPConfiguration: { id: \'${collectorNic.id}/ipConfigurations/ipconfig1\' }\n    networkInterfaceTapConfigurations: []\n  }\n}\n```\nPassing (Bicep):\n```bicep\nresource tap \'Microsoft.Network/virtualNetworkTaps@2024-05-01\' = {\n  name: \'tap1\'\n  location: location\n  properties: {\n    destinationNetworkInterfaceIPConfiguration: { id: \'${collectorNic.id}/ipConfigurations/ipconfig1\' }\n  }\n}\n```\nFailing (ARM JSON):\n```json\n"type": "Microsoft.Network/virtualNetworkTaps",\n"apiVersion": "2018-06-01"\n```\nPassing (ARM JSON):\n```json\n"type": "Microsoft.Network/virtualNetworkTaps",\n"apiVersion": "2024-05-01"\n```\n';

// rules/vtap-api-version.ts
var INDEX2 = type_index_default;
var vtap_api_version_default2 = defineRule(
  {
    id: "vtap-api-version",
    name: "VtapApiVersion",
    shortDescription: "virtualNetworkTaps and tapConfigurations use an API version Azure publishes for them, and only properties that type has at that version.",
    fullDescription: "Checks Microsoft.Network/virtualNetworkTaps and Microsoft.Network/networkInterfaces/tapConfigurations against Azure's published type definitions (rules/data/type-index.json): the apiVersion must be one that has the type (2018-08-01 and later stable versions; there are no preview versions), and every property under `properties` must exist at that version and be writable (provisioningState, resourceGuid and networkInterfaceTapConfigurations are read-only).",
    defaultLevel: "error",
    tags: ["vtap"],
    precision: "very-high",
    source: "Resource schema (Azure's published type definitions for Microsoft.Network)"
  },
  vtap_api_version_default,
  (ctx) => {
    for (const type of [TYPES.tap, TYPES.tapConfig]) {
      for (const r of deployedOfType(ctx.graph, type)) {
        const api = at(r.root, "apiVersion");
        if (api.value instanceof Unknown) {
          const shape2 = typeShape(INDEX2, type, void 0);
          if (!shape2) continue;
          const allowed = (api.value.oneOf ?? []).filter((v) => typeof v === "string");
          const bad = allowed.filter((v) => !shape2.apiVersions.includes(v.toLowerCase()));
          const newest = shape2.apiVersions[shape2.apiVersions.length - 1] ?? "";
          ctx.indeterminate({
            message: `the API version of '${r.displayName}' is ${describeUnknown(api.value)}, so vtaplint cannot check that Azure publishes it for ${type}${bad.length > 0 ? ` (of its allowed values, ${bad.map((b) => `'${b}'`).join(", ")} ${bad.length === 1 ? "is" : "are"} not published)` : ""}; use a stable version from ${shape2.apiVersions[0]} on, such as ${newest}`,
            span: api.span,
            related: unknownOrigin(api.value, api.span),
            resource: r
          });
          continue;
        }
        const shape = typeShape(INDEX2, type, r.apiVersion);
        if (!shape) continue;
        if (!shape.published) {
          const newest = shape.apiVersions[shape.apiVersions.length - 1] ?? "";
          const version = (r.apiVersion ?? "").toLowerCase();
          if (/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(version) && version > newest) {
            ctx.indeterminate({
              message: `'${r.displayName}' uses API version '${r.apiVersion}', newer than the newest vtaplint knows for ${type} (${newest}); Azure may have published it since: check it in the resource schema`,
              span: api.span,
              resource: r
            });
            continue;
          }
          ctx.fail({
            message: `'${r.displayName}' uses API version '${r.apiVersion ?? "(none)"}', which Azure does not publish for ${type}; use a stable version from ${shape.apiVersions[0]} on, such as ${newest}`,
            span: api.value === void 0 ? r.typeSpan : api.span,
            resource: r
          });
          continue;
        }
        let ok = true;
        for (const p of propertyEntries(at(r.root, "properties"))) {
          const path11 = `properties.${p.key}`.toLowerCase();
          if (shape.writable.has(path11)) continue;
          ok = false;
          ctx.fail({
            message: shape.readOnly.has(path11) ? `'${r.displayName}' sets ${p.key}, which is read-only for ${type} (API ${r.apiVersion}): Azure sets it; remove it` : `'${r.displayName}' sets ${p.key}, which ${type} does not have at API ${r.apiVersion} (it has: ${shape.writableNames.map((w) => w.replace(/^properties\./, "")).join(", ")}); remove it or fix its name`,
            span: p.keySpan,
            resource: r
          });
        }
        if (ok) ctx.pass({ message: "published API version and known properties", span: api.span, resource: r });
      }
    }
  }
);

// rules/vtap-destination-same-subscription.md
var vtap_destination_same_subscription_default = "# vtap-destination-same-subscription\n\n**Level:** warning \xB7 **Tags:** vtap\n\n## What it checks\nWhen both the TAP's subscription (from the deployment scope, a nested deployment's\n`subscriptionId`, a Bicep module `scope`, or `deployment.subscriptionId` in the config) and the\nsubscription of the destination are literal, they are equal: the subscription in the destination\nid, or the one the template deploys the destination to (a module in another subscription). When either is only known at\ndeployment, `vtap-destination-type` lists this among the checks it could not make.\n\n## Where it comes from\n[Virtual network FAQ, Virtual network TAP](https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#virtual-network-tap):\n\n> The virtual network TAP resource and the destination load balancer or destination network interface must be in the same subscription.\n\n## Why it matters\nAzure rejects a TAP whose destination is in another subscription.\n\n## How to fix\nDeploy the TAP into the collector's subscription, or use a collector in the TAP's subscription.\n\n## Examples\nFailing (Bicep):\n```bicep\nmodule monitoringTap 'modules/monitoring-tap.bicep' = {\n  name: 'monitoring-tap'\n  scope: resourceGroup('22222222-2222-2222-2222-222222222222', 'monitoring')\n  params: { collectorSubscriptionId: '33333333-3333-3333-3333-333333333333' }\n}\n```\nPassing (Bicep):\n```bicep\nmodule monitoringTap 'modules/monitoring-tap.bicep' = {\n  name: 'monitoring-tap'\n  scope: resourceGroup('22222222-2222-2222-2222-222222222222', 'monitoring')\n  params: { collectorSubscriptionId: '22222222-2222-2222-2222-222222222222' }\n}\n```\nFailing (ARM JSON):\n```json\n\"subscriptionId\": \"22222222-2222-2222-2222-222222222222\",\n...\n\"destinationNetworkInterfaceIPConfiguration\": { \"id\": \"[resourceId('33333333-3333-3333-3333-333333333333', 'collectors', 'Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]\" }\n```\nPassing (ARM JSON):\n```json\n\"subscriptionId\": \"22222222-2222-2222-2222-222222222222\",\n...\n\"destinationNetworkInterfaceIPConfiguration\": { \"id\": \"[resourceId('22222222-2222-2222-2222-222222222222', 'collectors', 'Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]\" }\n```\n";

// rules/vtap-destination-same-subscription.ts
var vtap_destination_same_subscription_default2 = defineRule(
  {
    id: "vtap-destination-same-subscription",
    name: "VtapDestinationSameSubscription",
    shortDescription: "The TAP and its destination NIC or load balancer are in the same subscription.",
    fullDescription: "The virtual network FAQ says the TAP resource and the destination load balancer or network interface must be in the same subscription. The rule compares the subscription in the destination id with the TAP's when both are literal; otherwise vtap-destination-type lists this among the checks it could not make.",
    defaultLevel: "warning",
    tags: ["vtap"],
    precision: "high",
    source: 'Virtual network FAQ, "Virtual network TAP": "The virtual network TAP resource and the destination load balancer or destination network interface must be in the same subscription."'
  },
  vtap_destination_same_subscription_default,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const d = destinationOf(tap, ctx.graph);
      const r = d?.resolution;
      const destId = r?.kind === "external" ? r.id : r?.kind === "resource" || r?.kind === "sub" ? r.resource.id : void 0;
      if (!d || !destId) continue;
      const tapSub = literalSubscription(tap.id);
      const sub = literalSubscription(destId);
      if (tapSub === void 0 || sub === void 0) continue;
      if (tapSub === sub) ctx.pass({ message: "destination in the same subscription", span: d.id.span, resource: tap });
      else
        ctx.fail({
          message: `the destination of TAP '${tap.displayName}' is in subscription '${sub}' but the TAP is in '${tapSub}'; the TAP and its destination must be in the same subscription: deploy the TAP to '${sub}' or use a collector there`,
          span: d.id.span,
          resource: tap
        });
    }
  }
);

// rules/vtap-collector-port-open.md
var vtap_collector_port_open_default = "# vtap-collector-port-open\n\n**Level:** warning \xB7 **Tags:** vtap\n\n## What it checks\nMirrored traffic (VXLAN, UDP 4789) can reach the destination. For a NIC destination, every network\nsecurity group the template puts on the NIC or its subnet (inline `securityRules` and child\n`securityRules`) is checked: among inbound rules for UDP (or any protocol) covering port 4789 from\nthe whole network (`*`, `Any`, `VirtualNetwork`) to the NIC's address, the first by priority must\nnot be `Deny`. Rules for specific source prefixes are not considered.\n\nA rule's destination (`destinationAddressPrefix`, `destinationAddressPrefixes`,\n`destinationApplicationSecurityGroups`) covers the NIC when it is `*` or `VirtualNetwork`, an IPv4\naddress or CIDR block holding the NIC's static private IP (for a dynamic IP: holding the whole\nsubnet Azure assigns it from), or an application security group the NIC's IP configuration is in.\nOther service tags (`Internet`, `AzureLoadBalancer`, `Storage`, ...) and IPv6 prefixes do not cover\nit. When that cannot be decided (a destination known only at deployment, a block holding part of\nthe subnet of a dynamic IP, an IP or subnet outside the template), the rule may or may not apply:\nif it would decide otherwise than the first rule that certainly applies (an `Allow` ahead of a\n`Deny`, or a `Deny` ahead of an `Allow` or of the default rules), the result is *indeterminate*.\nFor a load balancer destination, a\n`loadBalancingRules` entry on that frontend must forward UDP 4789, or all ports (protocol `All`,\nport 0: HA ports); the NICs the template puts in that rule's backend pools (by their pool\nreferences, or a static IP an IP-based pool lists; a pool named inline and filled by a child\n`loadBalancers/backendAddressPools` resource is one pool) are the collectors, and their network security\ngroups are checked as a NIC destination's, on the rule's backend port (4789 for HA ports).\n\n## Where it comes from\n[Virtual network TAP REST API: destinationPort](https://learn.microsoft.com/rest/api/virtualnetwork/virtual-network-taps/create-or-update):\n\n> The VXLAN destination port that will receive the tapped traffic.\n\nThe default and, since 2024, only port is 4789 (\"VTAP destination port is no longer configurable\", MicrosoftDocs/azure-docs#119717).\n\n## Why it matters\nPackets the NSG drops or the load balancer does not forward never reach the collector: the TAP looks healthy and the tool sees nothing.\n\n## How to fix\nAllow inbound UDP 4789 from the virtual network ahead of any deny (on the destination NIC, or on the collector NICs behind a load balancer destination), and give an internal load balancer destination a UDP 4789 or HA-ports rule.\n\n## Examples\nA network security group shared by several subnets, denying VXLAN only to one of them\n(`destinationAddressPrefix: '10.20.1.0/24'`), does not block a collector at `10.20.2.4`.\n\nFailing (Bicep):\n```bicep\nsecurityRules: [ { name: 'deny-vxlan', properties: {\n  priority: 100, direction: 'Inbound', access: 'Deny', protocol: 'Udp'\n  sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '4789'\n} } ]\n```\nPassing (Bicep):\n```bicep\nsecurityRules: [ { name: 'allow-vxlan', properties: {\n  priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Udp'\n  sourceAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '4789'\n} } ]\n```\nFailing (ARM JSON):\n```json\n\"loadBalancingRules\": [ { \"name\": \"vxlan\", \"properties\": { \"protocol\": \"Tcp\", \"frontendPort\": 80, \"backendPort\": 80 } } ]\n```\nPassing (ARM JSON):\n```json\n\"loadBalancingRules\": [ { \"name\": \"vxlan\", \"properties\": { \"protocol\": \"All\", \"frontendPort\": 0, \"backendPort\": 0 } } ]\n```\n";

// rules/vtap-collector-port-open.ts
var PORT2 = vtap_facts_default.defaultDestinationPort;
var lower2 = (v) => typeof v === "string" ? v.toLowerCase() : void 0;
var vtap_collector_port_open_default2 = defineRule(
  {
    id: "vtap-collector-port-open",
    name: "VtapCollectorPortOpen",
    shortDescription: `Mirrored traffic (VXLAN, UDP ${PORT2}) can reach the destination: no NSG denies it first, and a load balancer destination has a rule for it and collectors that let it in.`,
    fullDescription: `Virtual network TAP sends mirrored packets as VXLAN to UDP port ${PORT2} of the destination. The rule checks the network security groups the template puts on the destination NIC and its subnet: the first inbound rule (by priority) that matches UDP ${PORT2} from the virtual network to the NIC's address (its destination prefix or application security group covers it) must not deny it. For a load balancer destination it checks that a load-balancing rule on that frontend forwards UDP ${PORT2} (or all ports, HA ports), and the network security groups of the collector NICs in that rule's backend pools, on its backend port.`,
    defaultLevel: "warning",
    tags: ["vtap"],
    precision: "high",
    source: `VXLAN traffic arrives on UDP ${PORT2} (REST API: destinationPort "The VXLAN destination port"; default ${PORT2})`
  },
  vtap_collector_port_open_default,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const d = destinationOf(tap, ctx.graph);
      const t = d && destinationTarget(d);
      if (!d || !t) continue;
      if (t.kind === "nic") {
        const what = `the destination of TAP '${tap.displayName}' ('${t.resource.displayName}')`;
        checkNsgs(ctx, tap, d, { nic: t.resource, ipConfig: t.entry, port: PORT2, what, nicText: "the destination NIC", subnetText: "the destination subnet" });
      } else checkLbRules(ctx, tap, d, t);
    }
  }
);
function checkNsgs(ctx, tap, d, to) {
  for (const g of securityGroupsOfNic(ctx.graph, to.nic, to.ipConfig)) {
    if (g.nsg.existing) continue;
    const candidates = [];
    for (const rule of securityRulesOf(g.nsg)) {
      const c = candidate(ctx, rule, to);
      if (c) candidates.push(c);
    }
    const ordered = candidates.filter((c) => c.priority !== void 0).sort((a, b) => a.priority - b.priority);
    const doubtful = candidates.filter((c) => c.priority === void 0);
    const first = ordered.find((c) => {
      if (c.doubt === void 0) return true;
      doubtful.push(c);
      return false;
    });
    const base = {
      resource: g.nsg,
      involved: [tap, to.nic],
      related: [
        { span: d.id.span, message: `the destination of TAP '${tap.displayName}'` },
        { span: g.ref.span, message: `'${g.nsg.displayName}' applies to ${g.on === "nic" ? to.nicText : to.subnetText} here` }
      ]
    };
    const open2 = (u, message) => ctx.indeterminate({
      ...base,
      span: g.ref.span,
      related: [...base.related, { span: u.decl.span, message: `rule '${u.name}'` }, ...unknownOrigin(u.unknown, g.ref.span)],
      message
    });
    const nsgText = `network security group '${g.nsg.displayName}'`;
    if (first && first.access === void 0) {
      open2(first, `cannot tell whether rule '${first.name}' of ${nsgText} blocks inbound UDP ${to.port} to ${to.what}: its access is ${describe(at(first.decl, "properties", "access").value)}`);
      continue;
    }
    const decided = first?.access ?? "allow";
    const against = doubtful.find((u) => u.access !== decided);
    if (against) {
      const doubt = against.doubt ?? "some of its values are only known at deployment";
      if (!first) open2(against, `cannot tell whether rule '${against.name}' of ${nsgText} blocks inbound UDP ${to.port} to ${to.what}: ${doubt}`);
      else if (first.access === "deny")
        open2(against, `cannot tell whether rule '${against.name}' of ${nsgText} allows inbound UDP ${to.port} to ${to.what} ahead of rule '${first.name}', which denies it: ${doubt}`);
      else open2(against, `cannot tell whether rule '${against.name}' of ${nsgText} blocks inbound UDP ${to.port} to ${to.what} ahead of rule '${first.name}', which allows it: ${doubt}`);
      continue;
    }
    if (first?.access === "deny") {
      const access = at(first.decl, "properties", "access");
      ctx.fail({
        ...base,
        span: access.span,
        message: `rule '${first.name}' of ${nsgText} denies inbound UDP ${to.port} to ${to.what}; the mirrored VXLAN traffic is dropped: allow inbound UDP ${to.port} from the virtual network at a higher priority (lower number)`
      });
    } else ctx.pass({ ...base, span: g.ref.span, message: "UDP port open" });
  }
}
function candidate(ctx, rule, to) {
  const dir = lower2(at(rule.decl, "properties", "direction").value);
  const proto = lower2(at(rule.decl, "properties", "protocol").value);
  const ports = portCovers(at(rule.decl, "properties", "destinationPortRange").value, to.port) ?? void 0;
  const portsMany = portCovers(at(rule.decl, "properties", "destinationPortRanges").value, to.port);
  const priority = at(rule.decl, "properties", "priority").value;
  const source = broadSource(rule.decl);
  if (dir === "outbound") return void 0;
  if (proto !== void 0 && proto !== "udp" && proto !== "*") return void 0;
  if (ports === false && portsMany === false) return void 0;
  if (source === false) return void 0;
  const dest = destinationCovers(ctx.graph, rule.decl, to.ipConfig);
  if (dest.covers === false) return void 0;
  const accessValue = lower2(at(rule.decl, "properties", "access").value);
  const access = accessValue === "allow" || accessValue === "deny" ? accessValue : void 0;
  const maybe = ports === void 0 || portsMany === void 0 || dir === void 0 || proto === void 0 || source === void 0 || typeof priority !== "number";
  let doubt;
  let unknown;
  if (maybe) doubt = "some of its values are only known at deployment";
  else if (dest.covers === void 0) {
    unknown = dest.value;
    doubt = destinationDoubt(ctx, rule.decl, to, dest);
  }
  return { name: rule.name, decl: rule.decl, priority: typeof priority === "number" ? priority : void 0, access, doubt, unknown };
}
function destinationDoubt(ctx, decl, to, dest) {
  const address = addressOf(ctx.graph, to.ipConfig);
  if (dest.prefix !== void 0 && address.kind === "known") {
    const subnet = address.subnet !== void 0 ? `subnet '${address.subnet}'` : "its subnet";
    return `its destination ${dest.prefix} holds part of ${subnet} (${address.ranges.map((r) => r.text).join(", ")}), from which the NIC's dynamic private IP is assigned at deployment; give the NIC a static private IP (privateIPAllocationMethod: 'Static')`;
  }
  const dests = ["destinationAddressPrefix", "destinationAddressPrefixes", "destinationApplicationSecurityGroups"].map((k) => at(decl, "properties", k).value);
  if (dest.value && dests.includes(dest.value)) return `its destination is ${describeUnknown(dest.value)}`;
  if (address.kind === "unknown") {
    const why = address.value ? describeUnknown(address.value) : "assigned at deployment";
    return `its destination is an address range, and the NIC's private IP is ${why}`;
  }
  return dest.value ? `an application security group it names is ${describeUnknown(dest.value)}` : "its destination cannot be decided";
}
function describe(v) {
  return v instanceof Unknown ? describeUnknown(v) : v === void 0 ? "not set" : `'${String(v)}'`;
}
function checkLbRules(ctx, tap, d, t) {
  if (t.resource.existing) return;
  const frontend = { lb: t.resource, type: "frontendIPConfigurations", key: t.name.toLowerCase(), name: t.name, decl: t.entry, child: void 0, decls: [t.entry] };
  const rules = rulesOfFrontend(ctx.graph, frontend).filter((r) => r.kind === "loadBalancingRules");
  let unknown = false;
  for (const r of rules) {
    const proto = at(r.decl, "properties", "protocol").value;
    const port = at(r.decl, "properties", "frontendPort").value;
    if (proto instanceof Unknown || port instanceof Unknown) {
      unknown = true;
      continue;
    }
    const p = lower2(proto);
    if (p === "udp" && port === PORT2 || p === "all" && port === 0) {
      ctx.pass({ message: "a rule forwards UDP 4789", span: at(r.decl, "properties", "frontendPort").span, resource: t.resource });
      checkBackends(ctx, tap, d, t, r);
      return;
    }
  }
  const base = { span: d.id.span, resource: tap, involved: [t.resource], related: [{ span: t.entry.span, message: `frontend '${t.name}' of load balancer '${t.resource.displayName}'` }] };
  if (unknown) ctx.indeterminate({ ...base, message: `cannot tell whether load balancer '${t.resource.displayName}' forwards UDP ${PORT2} from frontend '${t.name}': a rule's protocol or port is only known at deployment` });
  else
    ctx.fail({
      ...base,
      message: `TAP '${tap.displayName}' sends to frontend '${t.name}' of load balancer '${t.resource.displayName}', but no load-balancing rule on that frontend forwards UDP ${PORT2}; the mirrored traffic is dropped: add a rule for UDP ${PORT2} (or an HA-ports rule, protocol All, port 0) to the collector pool`
    });
}
function checkBackends(ctx, tap, d, t, r) {
  const backendPort = at(r.decl, "properties", "backendPort").value;
  const port = backendPort === 0 || backendPort === void 0 ? PORT2 : backendPort;
  if (typeof port !== "number") return;
  for (const pool of poolsOfRule(ctx.graph, r)) {
    for (const m of membersOfPool(ctx.graph, pool)) {
      checkNsgs(ctx, tap, d, {
        nic: m.nic,
        ipConfig: m.ipConfig,
        port,
        what: `collector NIC '${m.nic.displayName}' in pool '${pool.name}' of load balancer '${t.resource.displayName}', the destination of TAP '${tap.displayName}'`,
        nicText: `collector NIC '${m.nic.displayName}'`,
        subnetText: `the subnet of collector NIC '${m.nic.displayName}'`
      });
    }
  }
}

// rules/vtap-limits.md
var vtap_limits_default = '# vtap-limits\n\n**Level:** warning \xB7 **Tags:** vtap\n\n## What it checks\nOne deployment creates at most 100 virtual network TAPs per region per subscription, and at most\n100 TAP configurations per TAP (copy loops expanded; data: `limits` in `rules/data/vtap-facts.json`).\nTAPs whose location is known only at deployment count in one region when it comes from one place\n(one parameter, `resourceGroup().location`); when they might share a region with other TAPs and\ntogether pass the limit, the result is *indeterminate*. Resources that already exist\nin the subscription are not visible, so staying under the limits here is necessary, not sufficient.\nTAP configurations count against the TAP they name whether this deployment creates it or it exists\nalready (an `existing` TAP, or the id of a TAP outside the template, such as a hub\'s): the\nconfigurations are new either way.\nTAP configurations from a copy loop whose count is known only at deployment are *indeterminate*,\nunless the count\'s parameter has `allowedValues` that all stay within the limit, or (an `int`\nparameter) a `maxValue` within it: ARM rejects a supplied value above `maxValue`. The same holds\nfor a Bicep loop over `range(0, n)`, and for a loop over an array parameter with a `maxLength`\nwithin it. So does a copy loop of TAPs.\n\n## Where it comes from\n[Azure virtual network limits](https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#azure-networking-limits):\n\n> Virtual network TAPs | 100 \xB7 Network interface TAP configurations per virtual network TAP | 100\n\nThe limits apply per region per subscription. A 2026 revision of the page speaks of 10 TAP configurations per subscription; the data file can be changed when that is confirmed.\n\n## Why it matters\nThe deployment fails once the subscription reaches the limit.\n\n## How to fix\nSpread the sources over fewer TAPs per subscription, or over several subscriptions.\n\n## Examples\nFailing (Bicep):\n```bicep\nresource extraTaps \'Microsoft.Network/virtualNetworkTaps@2024-05-01\' = [for i in range(0, 100): {\n  name: \'extra-tap-${i}\'\n  ...\n}]   // plus tap1: 101 TAPs\n```\nPassing (Bicep):\n```bicep\nresource tap \'Microsoft.Network/virtualNetworkTaps@2024-05-01\' = {\n  name: \'tap1\'\n  ...\n}\n```\nFailing (ARM JSON):\n```json\n"copy": { "name": "extraTaps", "count": 100 },\n"name": "[format(\'extra-tap-{0}\', copyIndex())]"\n```\nPassing (ARM JSON):\n```json\n"name": "tap1"\n```\n';

// rules/vtap-limits.ts
var MAX_TAPS = vtap_facts_default.limits.virtualNetworkTaps;
var MAX_CONFIGS = vtap_facts_default.limits.tapConfigurationsPerTap;
function boundedBy(count, max) {
  if (count?.atMost !== void 0 && count.atMost <= max) return true;
  return count?.oneOf !== void 0 && count.oneOf.length > 0 && count.oneOf.every((v) => typeof v === "number" && v <= max);
}
function regionOf(tap) {
  const v = at(tap.root, "location").value;
  if (typeof v === "string") return { key: normalizeRegion(v), known: true };
  if (v instanceof Unknown) return { key: `?${v.symbol ?? `${v.reason.code}|${v.reason.span?.identity() ?? v.reason.message}`}`, known: false };
  return { key: "?", known: false };
}
function subscriptionKeyOf(tap) {
  const s = subscriptionOf(tap.id);
  return s ? segmentKey(s) : "?";
}
function countedTap(s) {
  const t = s.tap;
  if (t.kind === "resource") return t.resource.type.toLowerCase() === TYPES.tap.toLowerCase() ? { key: t.resource.key, name: t.resource.displayName, decl: t.resource } : void 0;
  if (t.kind !== "external" || fullType(t.id).toLowerCase() !== TYPES.tap.toLowerCase()) return void 0;
  if (t.id.names.some((n) => segmentText(n) === void 0)) return void 0;
  return { key: resourceKey(t.id), name: idNames(t.id), decl: void 0 };
}
var vtap_limits_default2 = defineRule(
  {
    id: "vtap-limits",
    name: "VtapLimits",
    shortDescription: `One deployment creates at most ${MAX_TAPS} virtual network TAPs per region per subscription and at most ${MAX_CONFIGS} TAP configurations per TAP.`,
    fullDescription: `Azure limits virtual network TAPs to ${MAX_TAPS} per region per subscription and network interface TAP configurations to ${MAX_CONFIGS} per TAP. The rule counts what one deployment creates (copy loops expanded); resources that already exist in the subscription are not visible to it, so staying under the limits here is necessary, not sufficient.`,
    defaultLevel: "warning",
    tags: ["vtap"],
    precision: "high",
    source: 'Azure virtual network limits: "Virtual network TAPs: 100", "Network interface TAP configurations per virtual network TAP: 100"'
  },
  vtap_limits_default,
  (ctx) => {
    const all = taps(ctx.graph);
    const groups = /* @__PURE__ */ new Map();
    for (const tap of all) {
      const region = regionOf(tap);
      const subscription = subscriptionKeyOf(tap);
      const key2 = `${subscription}|${region.key}`;
      const g = groups.get(key2);
      if (g) g.taps.push(tap);
      else groups.set(key2, { taps: [tap], known: region.known, subscription });
    }
    let reported = false;
    for (const g of groups.values()) {
      if (g.taps.length <= MAX_TAPS) continue;
      const over = g.taps[MAX_TAPS];
      const where = g.known ? `in region '${String(at(over.root, "location").value)}'` : "in one region";
      ctx.fail({
        message: `this deployment creates ${g.taps.length} virtual network TAPs ${where}; Azure allows ${MAX_TAPS} per region per subscription: split the TAPs over subscriptions or regions, or mirror more NICs into fewer TAPs`,
        span: over.nameSpan,
        resource: over
      });
      reported = true;
    }
    for (const g of groups.values()) {
      if (g.taps.length > MAX_TAPS) continue;
      const loop = g.taps.find((t) => t.copy && t.copy.index === void 0);
      if (!loop || boundedBy(loop.condition, MAX_TAPS - (g.taps.length - 1))) continue;
      const room = MAX_TAPS - (g.taps.length - 1);
      ctx.indeterminate({
        message: `TAP '${loop.displayName}' is created by a copy loop whose count is ${loop.condition ? describeUnknown(loop.condition) : "known only at deployment"}; Azure allows ${MAX_TAPS} TAPs per region per subscription: keep the count at ${room} or less${room === MAX_TAPS ? "" : ` (the deployment creates ${g.taps.length - 1} more in that region)`} (maxValue or allowedValues on its parameter lets vtaplint check it)`,
        span: loop.nameSpan,
        resource: loop
      });
      reported = true;
    }
    if (!reported) {
      const unknown = [...groups.values()].filter((g) => !g.known);
      const together = (g) => unknown.reduce((n, u2) => n + (u2 !== g && u2.subscription === g.subscription ? u2.taps.length : 0), g.taps.length);
      const maybe = [...groups.values()].find((g) => together(g) > MAX_TAPS);
      const u = maybe && (maybe.known ? unknown.find((x) => x.subscription === maybe.subscription) : maybe);
      const first = u?.taps[0];
      if (maybe && u && first) {
        const loc = at(first.root, "location");
        ctx.indeterminate({
          message: `this deployment creates ${together(maybe)} virtual network TAPs, ${u.taps.length} of them in a region that is ${loc.value instanceof Unknown ? describeUnknown(loc.value) : "not set"}; if that is the region of the others, that passes Azure's limit of ${MAX_TAPS} per region per subscription: keep them in different regions, or mirror more NICs into fewer TAPs`,
          span: loc.span,
          resource: first
        });
      } else if (all[0]) ctx.pass({ message: "TAP count within limits", span: all[0].nameSpan, resource: all[0] });
    }
    const perTap = /* @__PURE__ */ new Map();
    const unknownCount = /* @__PURE__ */ new Set();
    const counted = /* @__PURE__ */ new Set();
    for (const s of tapSources(ctx.graph)) {
      const tap = countedTap(s);
      if (!tap || s.declaration === "scaleset") continue;
      const name = tapConfigurationName(s);
      const nic = nicKey(s.nic);
      if (name !== void 0 && nic !== void 0) {
        const key2 = `${tap.key}|${nic}|${name}`;
        if (counted.has(key2)) continue;
        counted.add(key2);
      }
      const tapText = tap.decl ? `TAP '${tap.name}'` : `TAP '${tap.name}' (outside the template)`;
      const related = tap.decl ? [{ span: at(tap.decl.root, "name").span, message: `TAP '${tap.name}'` }] : [];
      const involved = tap.decl && !tap.decl.existing ? [tap.decl] : [];
      const loop = s.holder.copy;
      if (loop && loop.index === void 0 && !unknownCount.has(tap.key) && !boundedBy(s.holder.condition, MAX_CONFIGS)) {
        unknownCount.add(tap.key);
        ctx.indeterminate({
          message: `${tapText} gets TAP configurations from a copy loop whose count is ${s.holder.condition ? describeUnknown(s.holder.condition) : "known only at deployment"}; Azure allows ${MAX_CONFIGS} per TAP: keep the count at ${MAX_CONFIGS} or less (maxValue or allowedValues on its parameter lets vtaplint check it)`,
          span: s.tapId.span,
          related,
          resource: s.holder,
          involved
        });
      }
      const n = (perTap.get(tap.key) ?? 0) + 1;
      perTap.set(tap.key, n);
      if (n === MAX_CONFIGS + 1) {
        ctx.fail({
          message: `${tapText} gets more than ${MAX_CONFIGS} TAP configurations in this deployment; Azure allows ${MAX_CONFIGS} per TAP: spread the sources over more TAPs`,
          span: s.tapId.span,
          related,
          resource: s.holder,
          involved,
          sources: [s]
        });
      }
    }
  }
);

// rules/index.ts
var RULES = [
  invalid_template_default2,
  evaluation_error_default2,
  limit_exceeded_default2,
  unused_suppression_default2,
  vtap_supported_region_default2,
  vtap_destination_type_default2,
  vtap_source_vm_size_v6_default2,
  vtap_arm_only_default2,
  vtap_same_region_default2,
  vtap_cross_subscription_default2,
  vtap_destination_network_default2,
  vtap_peering_same_region_default2,
  vtap_peering_before_tap_default2,
  vtap_role_permissions_default2,
  vtap_source_vm_nic_default2,
  vtap_source_vm_restart_default2,
  vtap_live_migration_default2,
  vtap_source_floating_ip_default2,
  vtap_source_basic_lb_default2,
  vtap_private_link_inbound_default2,
  vtap_source_vnet_encryption_default2,
  vtap_no_ipv6_default2,
  vtap_source_downtime_default2,
  vtap_one_config_per_nic_default2,
  vtap_config_target_default2,
  vtap_destination_port_default2,
  vtap_inline_config_readonly_default2,
  vtap_api_version_default2,
  vtap_destination_same_subscription_default2,
  vtap_collector_port_open_default2,
  vtap_limits_default2
];

// src/engine/lint.ts
var import_node_path10 = __toESM(require("node:path"), 1);

// src/engine/globs.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
var compiled = /* @__PURE__ */ new Map();
function matchesGlob(path11, glob) {
  let m = compiled.get(glob);
  if (!m) {
    m = (0, import_picomatch.default)(glob.endsWith("/") ? `${glob}**` : glob);
    compiled.set(glob, m);
  }
  return m(path11);
}
function matchesGlobList(path11, globs) {
  let matched = false;
  for (const g of globs) {
    if (g.startsWith("!") && !g.startsWith("!(")) {
      if (matched && matchesGlob(path11, g.slice(1))) matched = false;
    } else if (!matched && matchesGlob(path11, g)) matched = true;
  }
  return matched;
}

// src/discover/discover.ts
var import_node_path2 = __toESM(require("node:path"), 1);
var LINTED_EXTENSIONS = ["json", "jsonc", "bicep", "bicepparam"];
var LINTED = new Set(LINTED_EXTENSIONS);
function extensionOf(file) {
  const base = import_node_path2.default.basename(file).toLowerCase();
  const dot = base.lastIndexOf(".");
  return dot < 0 ? "" : base.slice(dot + 1);
}

// src/model/source.ts
var import_node_zlib = require("node:zlib");
var SourceText = class {
  constructor(path11, text, kind) {
    this.path = path11;
    this.kind = kind;
    this.content = text;
  }
  path;
  kind;
  lineStartsCache;
  content;
  /** The text deflated while it is not needed (see pack); set exactly when `content` is not. */
  packed;
  /** The text, without a leading byte order mark. */
  get text() {
    return this.content ?? this.unpack();
  }
  /**
   * Keeps the text deflated until it is asked for again. A large template's text is needed to
   * parse it and to place findings, not while rules run over its deployment, when memory is
   * fullest: 17 MB of JSON deflate to well under 1 MB in ~15 ms, and inflate in ~25 ms. In
   * memory, not read again from disk, where the file may have changed in between.
   */
  pack() {
    const text = this.content;
    if (text === void 0) return;
    const encoding = /[\u0100-\uffff]/.test(text) ? "utf16le" : "latin1";
    this.packed = { bytes: (0, import_node_zlib.deflateRawSync)(Buffer.from(text, encoding), { level: 1 }), encoding };
    this.content = void 0;
  }
  unpack() {
    const p = this.packed;
    const text = (0, import_node_zlib.inflateRawSync)(p.bytes).toString(p.encoding);
    this.content = text;
    this.packed = void 0;
    return text;
  }
  /**
   * Offsets where each line starts; CRLF, LF and a lone CR all end a line. Counted first, then
   * filled in, in a typed array: kept with the file, and a 17 MB template has 580,000 lines (a
   * push-grown array of them took ~10 MB, this 2.3 MB).
   */
  lineStarts() {
    if (this.lineStartsCache) return this.lineStartsCache;
    let count = 1;
    eachLineStart(this.text, () => count++);
    const starts = new Int32Array(count);
    let n = 1;
    eachLineStart(this.text, (offset) => starts[n++] = offset);
    this.lineStartsCache = starts;
    return starts;
  }
  position(offset) {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo] + 1 };
  }
  /** Offset of a 1-based line and column (used by tests and by suppression comments). */
  offsetAt(line, column) {
    const starts = this.lineStarts();
    const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
    return Math.min(start + column - 1, this.text.length);
  }
  /** The text of a 1-based line, without its line break. */
  lineText(line) {
    const starts = this.lineStarts();
    const start = starts[line - 1];
    if (start === void 0) return "";
    const next = starts[line];
    let end = next === void 0 ? this.text.length : next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
};
function eachLineStart(t, at2) {
  let lf = t.indexOf("\n");
  let cr = t.indexOf("\r");
  while (lf >= 0 || cr >= 0) {
    if (cr < 0 || lf >= 0 && lf < cr) {
      at2(lf + 1);
      lf = t.indexOf("\n", lf + 1);
      continue;
    }
    if (lf === cr + 1) {
      at2(lf + 1);
      lf = t.indexOf("\n", lf + 1);
    } else at2(cr + 1);
    cr = t.indexOf("\r", cr + 1);
  }
}

// src/model/span.ts
var Span = class {
  /**
   * The same span, as one whose child() and keySpan() give one span object per key, and so do
   * the spans they give: for template parts evaluated again and again (copy loops), whose
   * instances would otherwise each hold a copy of every span. Spans with recorded children
   * share them already (this span itself).
   */
  shared() {
    return this;
  }
  /**
   * Whether this span stands for one template node only, and is the same object each time that
   * node is evaluated: a shared JSON path span (see shared()). A Bicep span may stand in for
   * a child node that has none of its own, so it is not.
   */
  get stable() {
    return false;
  }
  region() {
    const r = this.range();
    return { start: this.file.position(r.start), end: this.file.position(r.end) };
  }
  /** The source text the span covers (at most `max` characters). */
  text(max = 400) {
    const r = this.range();
    return this.file.text.slice(r.start, Math.min(r.end, r.start + max));
  }
  /** Whether this span lies inside `outer` (or is the same place): same file, offsets within. */
  within(outer) {
    if (this.file.path !== outer.file.path) return false;
    const a = this.range();
    const b = outer.range();
    return a.start >= b.start && a.end <= b.end;
  }
  /** "file:line:col", for messages. */
  toString() {
    const p = this.file.position(this.range().start);
    return `${this.file.path}:${p.line}:${p.column}`;
  }
};
function valueSpan(entry, key2) {
  const v = entry.values;
  if (Array.isArray(v)) return typeof key2 === "number" ? v[key2] : void 0;
  return v.get(key2);
}
var SPANS = /* @__PURE__ */ Symbol("vtaplint.spans");
function spansOf(container) {
  const entry = container[SPANS];
  return entry && entry.owner === container ? entry : void 0;
}
function recordSpan(container, key2, value, keySpan) {
  let entry = spansOf(container);
  if (!entry) {
    entry = { owner: container, values: Array.isArray(container) ? [] : /* @__PURE__ */ new Map() };
    Object.defineProperty(container, SPANS, { value: entry, enumerable: false, writable: true, configurable: true });
  }
  const values = entry.values;
  if (!Array.isArray(values)) values.set(key2, value);
  else if (typeof key2 === "number" && Number.isInteger(key2) && key2 >= 0) values[key2] = value;
  if (keySpan && typeof key2 === "string") {
    entry.keys ??= /* @__PURE__ */ new Map();
    entry.keys.set(key2, keySpan);
  }
}
var TextSpan = class _TextSpan extends Span {
  constructor(file, start, end) {
    super();
    this.file = file;
    this.start = start;
    this.end = end;
  }
  file;
  start;
  end;
  range() {
    return { start: this.start, end: this.end };
  }
  identity() {
    return `${this.file.path}@${this.start}-${this.end}`;
  }
  child(container, key2) {
    const entry = spansOf(container);
    return (entry && valueSpan(entry, key2)) ?? this;
  }
  keySpan(container, key2) {
    return spansOf(container)?.keys?.get(key2) ?? this.child(container, key2);
  }
  sub(start, end) {
    return new _TextSpan(this.file, Math.min(this.start + start, this.end), Math.min(this.start + end, this.end));
  }
};
var resolvedRanges = /* @__PURE__ */ new WeakMap();
var JsonPathSpan = class _JsonPathSpan extends Span {
  // Large templates keep hundreds of thousands of these (values' and keys' spans of evaluated
  // objects): two fields. The file and the resolver are the root's (JsonRootSpan), resolved
  // offsets are in a side table, a key's span and a shared span are subclasses.
  parent;
  key;
  constructor(parent, key2) {
    super();
    this.parent = parent;
    this.key = key2;
  }
  /** The span of the whole document. */
  static root(file, resolver) {
    return new JsonRootSpan({ file, resolver });
  }
  /** The file and resolver, kept by the root span only (JsonRootSpan overrides this). */
  get doc() {
    let s = this.parent;
    while (s.parent !== void 0) s = s.parent;
    return s.doc;
  }
  get file() {
    return this.doc.file;
  }
  /** Whether the span is of a property name (JsonPathKeySpan). */
  get isKey() {
    return false;
  }
  identity() {
    return `${this.file.path}#${this.path().join("/")}${this.isKey ? ":key" : ""}`;
  }
  path() {
    const out = this.key === void 0 ? [] : [this.key];
    for (let s = this.parent; s && s.key !== void 0; s = s.parent) out.push(s.key);
    return out.reverse();
  }
  range() {
    const known3 = resolvedRanges.get(this);
    if (known3) return known3;
    let r = this.doc.resolver.resolve(this.path(), this.isKey);
    for (let p = this.parent; !r && p; p = p.parent) r = p.range();
    const range = r ?? { start: 0, end: 0 };
    resolvedRanges.set(this, range);
    return range;
  }
  shared() {
    return new SharedJsonPathSpan(this.parent, this.key);
  }
  /** Between path spans, by path (nothing resolved): inside a value is below its path. */
  within(outer) {
    if (!(outer instanceof _JsonPathSpan)) return super.within(outer);
    if (this.file.path !== outer.file.path) return false;
    const inner = this.path();
    const at2 = outer.path();
    if (outer.isKey) return this.isKey && inner.length === at2.length && at2.every((k, i) => k === inner[i]);
    if (inner.length < at2.length || inner.length === at2.length && this.isKey) return false;
    return at2.every((k, i) => k === inner[i]);
  }
  child(_container, key2) {
    return new _JsonPathSpan(this, key2);
  }
  keySpan(_container, key2) {
    return new JsonPathKeySpan(this, key2);
  }
  sub(start, end) {
    return new JsonStringPartSpan(this, start, end);
  }
  /** Offset in the file of character `index` of the decoded string this span covers. */
  stringOffset(index2) {
    return this.doc.resolver.stringOffset(this.path(), this.isKey, index2);
  }
};
var JsonRootSpan = class extends JsonPathSpan {
  constructor(rootDoc) {
    super(void 0, void 0);
    this.rootDoc = rootDoc;
  }
  rootDoc;
  get doc() {
    return this.rootDoc;
  }
  shared() {
    return this;
  }
};
var SharedJsonPathSpan = class _SharedJsonPathSpan extends JsonPathSpan {
  /** Children by key; index spans under the index, a value's and a name's span under the name with a prefix each. */
  kids;
  constructor(parent, key2) {
    super(parent, key2);
    this.kids = void 0;
  }
  get stable() {
    return true;
  }
  shared() {
    return this;
  }
  child(_container, key2) {
    return this.kid(key2, false);
  }
  keySpan(_container, key2) {
    return this.kid(key2, true);
  }
  kid(key2, isKey) {
    const k = typeof key2 === "number" ? key2 : `${isKey ? "k" : "v"}${key2}`;
    const map = this.kids ??= /* @__PURE__ */ new Map();
    let s = map.get(k);
    if (s === void 0) {
      s = isKey ? new JsonPathKeySpan(this, key2) : new _SharedJsonPathSpan(this, key2);
      map.set(k, s);
    }
    return s;
  }
};
var JsonPathKeySpan = class extends JsonPathSpan {
  get isKey() {
    return true;
  }
  shared() {
    return this;
  }
};
var JsonStringPartSpan = class _JsonStringPartSpan extends Span {
  constructor(base, start, end) {
    super();
    this.base = base;
    this.start = start;
    this.end = end;
  }
  base;
  start;
  end;
  get file() {
    return this.base.file;
  }
  identity() {
    return `${this.base.identity()}[${this.start}-${this.end}]`;
  }
  within(outer) {
    if (outer instanceof _JsonStringPartSpan) return this.base.identity() === outer.base.identity() && this.start >= outer.start && this.end <= outer.end;
    return this.base.within(outer);
  }
  range() {
    const s = this.base.stringOffset(this.start);
    const e = this.base.stringOffset(this.end);
    if (s === void 0 || e === void 0) return this.base.range();
    return { start: s, end: e };
  }
  child() {
    return this;
  }
  keySpan() {
    return this;
  }
  sub(start, end) {
    return new _JsonStringPartSpan(this.base, this.start + start, this.start + end);
  }
};

// src/engine/wire.ts
function toWireSpan(file, region, span) {
  return { path: file.path, kind: file.kind, region, identity: span?.identity() ?? `${file.path}@${region.start.line}:${region.start.column}`, text: span?.text(400) ?? "" };
}
function toWire(f) {
  return {
    ruleId: f.ruleId,
    level: f.level,
    kind: f.kind,
    message: f.message,
    span: toWireSpan(f.location.file, f.location.region, f.span),
    related: f.related.map((r) => ({ span: toWireSpan(r.file, r.region, void 0), message: r.message })),
    logical: f.logical,
    ...f.suppressions ? { suppressions: f.suppressions.map((s) => ({ kind: s.kind, justification: s.justification, span: toWireSpan(s.location.file, s.location.region, void 0) })) } : {}
  };
}

// src/model/diagnostic.ts
var DiagnosticSink = class {
  items = [];
  seen = /* @__PURE__ */ new Set();
  add(d) {
    const key2 = `${d.code}\0${d.span.identity()}\0${d.message}`;
    if (this.seen.has(key2)) return;
    this.seen.add(key2);
    this.items.push(d);
  }
  /** Where it stands now: rollBack() to it drops what was added since (a trial evaluation's errors). */
  mark() {
    return this.items.length;
  }
  rollBack(mark) {
    for (const d of this.items.splice(mark)) this.seen.delete(`${d.code}\0${d.span.identity()}\0${d.message}`);
  }
};

// src/model/template.ts
var TExpr = class {
  constructor(ast, base) {
    this.ast = ast;
    this.base = base;
  }
  ast;
  base;
};
function isTObject(n) {
  return typeof n === "object" && n !== null && !Array.isArray(n) && !(n instanceof TExpr);
}
function nameTable() {
  return /* @__PURE__ */ Object.create(null);
}
function setOwn(o, key2, value) {
  if (key2 === "__proto__") Object.defineProperty(o, key2, { value, enumerable: true, writable: true, configurable: true });
  else o[key2] = value;
}
function own(o, key2) {
  return Object.prototype.hasOwnProperty.call(o, key2) ? o[key2] : void 0;
}
function ownKey(o, key2) {
  if (Object.prototype.hasOwnProperty.call(o, key2)) return key2;
  let lower3;
  for (const k in o) {
    if (k.length !== key2.length || !Object.prototype.hasOwnProperty.call(o, k)) continue;
    lower3 ??= key2.toLowerCase();
    if (k.toLowerCase() === lower3) return k;
  }
  return void 0;
}
function ownProp(o, key2) {
  const k = ownKey(o, key2);
  return k === void 0 ? void 0 : o[k];
}
var TYPE_NOT_KNOWN = /* @__PURE__ */ Symbol("vtaplint.typeNotKnown");
function childOf(parent, key2) {
  const k = ownKey(parent.node, key2);
  if (k === void 0) return void 0;
  return { node: parent.node[k], span: parent.span.child(parent.node, k) };
}

// src/model/limits.ts
var DEFAULT_LIMITS = Object.freeze({
  maxFileBytes: 40 * 1024 * 1024,
  maxJsonDepth: 512,
  maxExpressionLength: 1024 * 1024,
  maxExpressionDepth: 256,
  maxEvaluationSteps: 1e7,
  maxStringLength: 4 * 1024 * 1024,
  maxArrayLength: 1e5,
  maxObjectSize: 1e5,
  maxValueNodes: 1e6,
  maxCopyCount: 800,
  maxDeploymentDepth: 16,
  maxDeployments: 5e3,
  maxResources: 5e4,
  maxGraphEdges: 5e5
});
var LIMIT_KEYS = Object.keys(DEFAULT_LIMITS);
function resolveLimits(overrides) {
  const out = { ...DEFAULT_LIMITS };
  if (!overrides) return out;
  for (const k of LIMIT_KEYS) {
    const v = overrides[k];
    if (typeof v === "number" && Number.isInteger(v) && v > 0) out[k] = v;
  }
  return out;
}

// src/expr/context.ts
var DEFAULT_LIMITS2 = {
  maxSteps: DEFAULT_LIMITS.maxEvaluationSteps,
  maxStringLength: DEFAULT_LIMITS.maxStringLength,
  maxArrayLength: DEFAULT_LIMITS.maxArrayLength,
  maxObjectSize: DEFAULT_LIMITS.maxObjectSize,
  maxValueNodes: DEFAULT_LIMITS.maxValueNodes,
  maxDepth: DEFAULT_LIMITS.maxExpressionDepth,
  maxExpressionLength: DEFAULT_LIMITS.maxExpressionLength,
  maxExpressionDepth: DEFAULT_LIMITS.maxExpressionDepth,
  maxCopyCount: DEFAULT_LIMITS.maxCopyCount
};
function budgetLimits(l) {
  return {
    maxSteps: l.maxEvaluationSteps,
    maxStringLength: l.maxStringLength,
    maxArrayLength: l.maxArrayLength,
    maxObjectSize: l.maxObjectSize,
    maxValueNodes: l.maxValueNodes,
    maxDepth: l.maxExpressionDepth,
    maxExpressionLength: l.maxExpressionLength,
    maxExpressionDepth: l.maxExpressionDepth,
    maxCopyCount: l.maxCopyCount
  };
}
var Budget = class {
  limits;
  steps = 0;
  depth = 0;
  /** Set once the step budget is spent: everything after that is a 'limit' unknown. */
  exhausted = false;
  /** The parser's limits, made once: every expression string evaluated is parsed with them. */
  parseLimits;
  constructor(limits = {}) {
    this.limits = { ...DEFAULT_LIMITS2, ...limits };
    this.parseLimits = { maxDepth: this.limits.maxExpressionDepth, maxLength: this.limits.maxExpressionLength };
  }
  exhaustionReported = false;
  /**
   * True the first time only: running out of steps is reported once per template, where it
   * happened; everything evaluated after it is a silent 'limit' unknown (not one finding each).
   */
  firstExhaustion() {
    if (this.exhaustionReported) return false;
    this.exhaustionReported = true;
    return true;
  }
  /** Counts `n` steps; false once the budget is spent. */
  step(n = 1) {
    this.steps += n;
    if (this.steps > this.limits.maxSteps) this.exhausted = true;
    return !this.exhausted;
  }
};

// src/expr/parser.ts
var DEFAULT_PARSE_LIMITS = { maxDepth: DEFAULT_LIMITS.maxExpressionDepth, maxLength: DEFAULT_LIMITS.maxExpressionLength };
function isExpressionString(s) {
  return s.length >= 2 && s.charCodeAt(0) === 91 && s.charCodeAt(s.length - 1) === 93 && s.charCodeAt(1) !== 91;
}
var ParseError = class {
  constructor(message, start, end, limit = false) {
    this.message = message;
    this.start = start;
    this.end = end;
    this.limit = limit;
  }
  message;
  start;
  end;
  limit;
};
function isIdentStart(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 36;
}
function isIdentPart(c) {
  return isIdentStart(c) || c >= 48 && c <= 57;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function isSpace(c) {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
var Parser = class {
  constructor(s, end, limits) {
    this.s = s;
    this.end = end;
    this.limits = limits;
    this.pos = 1;
  }
  s;
  end;
  limits;
  pos;
  depth = 0;
  /** Arguments of the calls being parsed (see primary()). */
  argStack = [];
  parseAll() {
    this.ws();
    if (this.pos >= this.end) throw new ParseError("The expression is empty.", 0, this.s.length);
    const e = this.expr();
    this.ws();
    if (this.pos < this.end) {
      throw new ParseError(`Unexpected '${this.s[this.pos] ?? ""}' after the end of the expression.`, this.pos, this.pos + 1);
    }
    return e;
  }
  ws() {
    while (this.pos < this.end && isSpace(this.s.charCodeAt(this.pos))) this.pos++;
  }
  enter(start) {
    if (++this.depth > this.limits.maxDepth) {
      throw new ParseError(`The expression is nested more than ${this.limits.maxDepth} levels deep (limit maxExpressionDepth).`, start, this.pos + 1, true);
    }
  }
  expr() {
    const start = this.pos;
    this.enter(start);
    let e = this.primary();
    let postfix = 0;
    for (; ; ) {
      this.ws();
      const c = this.s.charCodeAt(this.pos);
      if (this.pos >= this.end) break;
      if (c === 46) {
        this.pos++;
        this.ws();
        const name = this.ident("a property name after '.'");
        e = { k: "member", obj: e, name, start, end: this.pos };
      } else if (c === 91) {
        this.pos++;
        this.ws();
        const index2 = this.expr();
        this.ws();
        this.expect(93, "']'");
        e = { k: "index", obj: e, index: index2, start, end: this.pos };
      } else break;
      if (++postfix + this.depth > this.limits.maxDepth) {
        throw new ParseError(`The expression is nested more than ${this.limits.maxDepth} levels deep (limit maxExpressionDepth).`, start, this.pos, true);
      }
    }
    this.depth--;
    return e;
  }
  expect(code, what) {
    if (this.s.charCodeAt(this.pos) !== code || this.pos >= this.end) {
      const found = this.pos >= this.end ? "the end of the expression" : `'${this.s[this.pos] ?? ""}'`;
      throw new ParseError(`Expected ${what} but found ${found}.`, Math.min(this.pos, this.end), Math.min(this.pos, this.end) + 1);
    }
    this.pos++;
  }
  ident(what) {
    const start = this.pos;
    if (this.pos >= this.end || !isIdentStart(this.s.charCodeAt(this.pos))) {
      const found = this.pos >= this.end ? "the end of the expression" : `'${this.s[this.pos] ?? ""}'`;
      throw new ParseError(`Expected ${what} but found ${found}.`, start, start + 1);
    }
    while (this.pos < this.end && isIdentPart(this.s.charCodeAt(this.pos))) this.pos++;
    return this.s.slice(start, this.pos);
  }
  primary() {
    const start = this.pos;
    const c = this.s.charCodeAt(this.pos);
    if (this.pos >= this.end) throw new ParseError("Expected a value but found the end of the expression.", start, start + 1);
    if (c === 39) return this.stringLit();
    if (isDigit(c) || c === 45 || c === 43) return this.number();
    if (isIdentStart(c)) {
      let name = this.ident("a function name");
      let ns;
      this.ws();
      if (this.s.charCodeAt(this.pos) === 46 && this.pos < this.end) {
        const save = this.pos;
        this.pos++;
        this.ws();
        if (this.pos < this.end && isIdentStart(this.s.charCodeAt(this.pos))) {
          const second = this.ident("a function name");
          this.ws();
          if (this.s.charCodeAt(this.pos) === 40 && this.pos < this.end) {
            ns = name;
            name = second;
          } else this.pos = save;
        } else this.pos = save;
      }
      if (this.s.charCodeAt(this.pos) !== 40 || this.pos >= this.end) {
        const lower3 = name.toLowerCase();
        if (ns === void 0 && (lower3 === "true" || lower3 === "false" || lower3 === "null")) {
          return { k: "lit", value: lower3 === "null" ? null : lower3 === "true", start, end: this.pos };
        }
        const found = this.pos >= this.end ? "the end of the expression" : `'${this.s[this.pos] ?? ""}'`;
        throw new ParseError(`Expected '(' after the function name '${name}' but found ${found}.`, start, this.pos + 1);
      }
      this.pos++;
      const mark = this.argStack.length;
      this.ws();
      if (this.s.charCodeAt(this.pos) === 41 && this.pos < this.end) {
        this.pos++;
      } else {
        for (; ; ) {
          this.ws();
          const arg = this.expr();
          this.argStack.push(arg);
          this.ws();
          const d = this.s.charCodeAt(this.pos);
          if (this.pos < this.end && d === 44) {
            this.pos++;
            continue;
          }
          if (this.pos < this.end && d === 41) {
            this.pos++;
            break;
          }
          const found = this.pos >= this.end ? "the end of the expression" : `'${this.s[this.pos] ?? ""}'`;
          throw new ParseError(`Expected ',' or ')' in the arguments of '${name}' but found ${found}.`, this.pos, this.pos + 1);
        }
      }
      const args = this.argStack.slice(mark);
      this.argStack.length = mark;
      const call3 = { k: "call", ns, name, args, start, end: this.pos };
      return call3;
    }
    throw new ParseError(`Unexpected character '${this.s[this.pos] ?? ""}'.`, start, start + 1);
  }
  stringLit() {
    const start = this.pos;
    this.pos++;
    const close = this.s.indexOf("'", this.pos);
    if (close >= 0 && close < this.end && (close + 1 >= this.end || this.s.charCodeAt(close + 1) !== 39)) {
      const value = this.s.slice(this.pos, close);
      this.pos = close + 1;
      return { k: "lit", value, start, end: this.pos };
    }
    let out = "";
    let chunk = this.pos;
    for (; ; ) {
      if (this.pos >= this.end) throw new ParseError("The string literal is not terminated.", start, this.end);
      if (this.s.charCodeAt(this.pos) === 39) {
        if (this.s.charCodeAt(this.pos + 1) === 39 && this.pos + 1 < this.end) {
          out += this.s.slice(chunk, this.pos + 1);
          this.pos += 2;
          chunk = this.pos;
          continue;
        }
        out += this.s.slice(chunk, this.pos);
        this.pos++;
        return { k: "lit", value: out, start, end: this.pos };
      }
      this.pos++;
    }
  }
  number() {
    const start = this.pos;
    if (this.s.charCodeAt(this.pos) === 45 || this.s.charCodeAt(this.pos) === 43) this.pos++;
    const digits = this.pos;
    while (this.pos < this.end && isDigit(this.s.charCodeAt(this.pos))) this.pos++;
    if (this.pos === digits) throw new ParseError("Expected digits after the sign.", start, this.pos + 1);
    if (this.s.charCodeAt(this.pos) === 46 && isDigit(this.s.charCodeAt(this.pos + 1)) && this.pos + 1 < this.end) {
      throw new ParseError("Only integer literals are allowed in expressions.", start, this.pos + 2);
    }
    const text = this.s.slice(start, this.pos);
    if (this.pos - digits <= 15) return { k: "lit", value: Number(text) + 0, start, end: this.pos };
    const big = BigInt(text);
    if (big > 9223372036854775807n || big < -9223372036854775808n) {
      throw new ParseError(`The integer literal '${text}' is outside the 64-bit range.`, start, this.pos);
    }
    return { k: "lit", value: Number(big), start, end: this.pos };
  }
};
var CACHE_MAX = 2e4;
var cache = /* @__PURE__ */ new Map();
function clearParseCache() {
  cache.clear();
}
function parseTemplateStringUncached(s, limits = DEFAULT_PARSE_LIMITS) {
  if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93) return { kind: "literal", value: s };
  if (s.charCodeAt(1) === 91) return { kind: "literal", value: s.slice(1) };
  if (s.length > limits.maxLength) {
    return { kind: "error", message: `The expression is longer than ${limits.maxLength} characters (limit maxExpressionLength).`, start: 0, end: s.length, limit: true };
  }
  try {
    return { kind: "expr", ast: new Parser(s, s.length - 1, limits).parseAll(), facts: void 0 };
  } catch (e) {
    if (e instanceof ParseError) return { kind: "error", message: e.message, start: e.start, end: Math.max(e.end, e.start), ...e.limit ? { limit: true } : {} };
    return { kind: "error", message: `The expression could not be parsed: ${String(e)}`, start: 0, end: s.length };
  }
}
function parseTemplateString(s, limits = DEFAULT_PARSE_LIMITS) {
  if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93) return { kind: "literal", value: s };
  if (limits.maxDepth !== DEFAULT_PARSE_LIMITS.maxDepth || limits.maxLength !== DEFAULT_PARSE_LIMITS.maxLength) return parseTemplateStringUncached(s, limits);
  const hit = cache.get(s);
  if (hit) return hit;
  const r = parseTemplateStringUncached(s);
  if (cache.size >= CACHE_MAX) cache.clear();
  if (s.length <= 64 * 1024) cache.set(s, r);
  return r;
}

// src/load/read.ts
var import_node_fs = require("node:fs");
var import_node_path3 = __toESM(require("node:path"), 1);
var import_node_buffer = require("node:buffer");
var DEFAULT_READ_LIMITS = { maxFileBytes: DEFAULT_LIMITS.maxFileBytes };
var utf8 = new TextDecoder("utf-8", { fatal: true });
function fail(path11, kind, code, message, text = "", unreadable = false) {
  const source = new SourceText(path11, text, kind);
  return { ok: false, source, diagnostic: { code, message, span: new TextSpan(source, 0, 0), ...unreadable ? { unreadable } : {} } };
}
function decodeText(bytes) {
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) bytes = bytes.subarray(3);
  else if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) {
    const le = bytes[0] === 255;
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0) return { error: "the file starts with a UTF-16 byte order mark but has an odd number of bytes", offset: 0 };
    try {
      return { text: new TextDecoder(le ? "utf-16le" : "utf-16be", { fatal: true }).decode(body) };
    } catch {
      return { error: "the file is not valid UTF-16", offset: 0 };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (nul <= 1 && bytes.length >= 4 && (bytes[nul + 2] === 0 || bytes[3] === 0)) {
      return { error: "the file looks like UTF-16 without a byte order mark; save it as UTF-8 (or UTF-16 with a byte order mark)", offset: 0 };
    }
    return { error: `the file is not text: it contains a NUL byte at byte offset ${nul}`, offset: nul };
  }
  if ((0, import_node_buffer.isUtf8)(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    let lo = 0;
    let hi = bytes.length;
    while (hi - lo > 1) {
      const mid = lo + hi >> 1;
      try {
        utf8.decode(bytes.subarray(0, mid));
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    return { error: `the file is not valid UTF-8 (bad byte near byte offset ${lo})`, offset: lo };
  }
}
function readSource(path11, kind, limits = DEFAULT_READ_LIMITS) {
  return readOpened(path11, kind, limits, 0);
}
var NO_SUCH_FILE = "the file does not exist";
function cannotRead(e) {
  const code = e.code;
  if (code === "ENOENT" || code === "ENOTDIR") return NO_SUCH_FILE;
  return `cannot read the file: ${code ?? String(e)}`;
}
function unreadFileMessage(what, written, error) {
  return error === NO_SUCH_FILE ? `the ${what} '${written}' does not exist` : `cannot read the ${what} '${written}': ${error}`;
}
var NO_FOLLOW = import_node_fs.constants.O_NOFOLLOW ?? 0;
function openChecked(path11, limits, flags) {
  let fd;
  try {
    fd = (0, import_node_fs.openSync)(path11, import_node_fs.constants.O_RDONLY | (import_node_fs.constants.O_NONBLOCK ?? 0) | flags);
  } catch (e) {
    if (flags & NO_FOLLOW && e.code === "ELOOP") return "link";
    return { message: cannotRead(e), limit: false, unreadable: true };
  }
  let refusal;
  try {
    const st = (0, import_node_fs.fstatSync)(fd);
    if (!st.isFile()) refusal = { message: "not a regular file", limit: false, unreadable: true };
    else if (st.size > limits.maxFileBytes) {
      refusal = { message: `the file is ${st.size} bytes, larger than the limit of ${limits.maxFileBytes} bytes (limit maxFileBytes); it is not analysed`, limit: true, unreadable: false };
    } else return { fd, size: st.size };
  } catch (e) {
    refusal = { message: cannotRead(e), limit: false, unreadable: true };
  }
  (0, import_node_fs.closeSync)(fd);
  return refusal;
}
function readOpened(path11, kind, limits, flags) {
  const opened = openChecked(path11, limits, flags);
  if (opened === "link") return "link";
  if (!("fd" in opened)) return fail(path11, kind, opened.limit ? "limit-exceeded" : "invalid-template", opened.message, "", opened.unreadable);
  const { fd, size } = opened;
  try {
    const text = (0, import_node_fs.readFileSync)(fd, "utf8");
    if (!text.includes("\uFFFD") && !text.includes("\0")) {
      return { ok: true, source: new SourceText(path11, text.charCodeAt(0) === 65279 ? text.slice(1) : text, kind) };
    }
    return fromBytes(path11, kind, bytesFromStart(fd, size));
  } catch (e) {
    return fail(path11, kind, "invalid-template", cannotRead(e), "", true);
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function bytesFromStart(fd, size) {
  const buf = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const got = (0, import_node_fs.readSync)(fd, buf, n, size - n, n);
    if (got === 0) break;
    n += got;
  }
  return buf.subarray(0, n);
}
function fromBytes(path11, kind, bytes) {
  const decoded = decodeText(bytes);
  if ("error" in decoded) {
    const body = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? bytes.subarray(3) : bytes;
    const text = new TextDecoder("utf-8").decode(body.subarray(0, decoded.offset));
    const source = new SourceText(path11, text, kind);
    return { ok: false, source, diagnostic: { code: "invalid-template", message: decoded.error, span: new TextSpan(source, text.length, text.length) } };
  }
  return { ok: true, source: new SourceText(path11, decoded.text, kind) };
}
function realPath(p) {
  const abs = import_node_path3.default.resolve(p);
  let link;
  try {
    link = (0, import_node_fs.lstatSync)(abs).isSymbolicLink();
  } catch {
    return void 0;
  }
  const dir = import_node_path3.default.dirname(abs);
  if (link || dir === abs) return resolveLinks(abs);
  const realDir = realDirOf(dir);
  return realDir === void 0 ? void 0 : import_node_path3.default.join(realDir, import_node_path3.default.basename(abs));
}
function realDirOf(dir) {
  let realDir = realDirs.get(dir);
  if (realDir === void 0 && !realDirs.has(dir)) {
    realDir = resolveLinks(dir);
    if (realDirs.size > 1e4) realDirs.clear();
    realDirs.set(dir, realDir);
  }
  return realDir;
}
var realDirs = /* @__PURE__ */ new Map();
function isUnder(p, dir) {
  return p === dir || p.startsWith(dir.endsWith(import_node_path3.default.sep) ? dir : dir + import_node_path3.default.sep);
}
function realRootOf(absRoot) {
  let realRoot = realRoots.get(absRoot);
  if (realRoot === void 0) {
    realRoot = realPath(absRoot) ?? absRoot;
    if (realRoots.size > 1e3) realRoots.clear();
    realRoots.set(absRoot, realRoot);
  }
  return realRoot;
}
function resolveLinks(p) {
  try {
    return import_node_fs.realpathSync.native(p);
  } catch {
    return void 0;
  }
}
function locateInsideRoot(file, root) {
  const absRoot = import_node_path3.default.resolve(root);
  const realRoot = realRootOf(absRoot);
  const abs = import_node_path3.default.resolve(file);
  if (!isUnder(abs, absRoot) && !isUnder(abs, realRoot)) return { inside: false, real: void 0 };
  const real = realPath(abs);
  return { inside: isUnder(real ?? abs, realRoot), real };
}
var realRoots = /* @__PURE__ */ new Map();
function isInsideRoot(file, root) {
  return locateInsideRoot(file, root).inside;
}
function readBytesInside(path11, root, limits = DEFAULT_READ_LIMITS) {
  const { inside, real } = locateInsideRoot(path11, root);
  if (!inside) return { error: "the file is outside the folder being linted (by its path or through a symbolic link); it is not read" };
  const opened = openChecked(real ?? path11, limits, 0);
  if (opened === "link" || !("fd" in opened)) return { error: opened === "link" ? "a symbolic link" : opened.message };
  try {
    return { bytes: bytesFromStart(opened.fd, opened.size) };
  } catch (e) {
    return { error: cannotRead(e) };
  } finally {
    (0, import_node_fs.closeSync)(opened.fd);
  }
}
function listFilesInside(dir, root) {
  const { inside, real } = locateInsideRoot(dir, root);
  if (!inside) return { error: "the directory is outside the folder being linted (by its path or through a symbolic link); it is not read" };
  if (real === void 0) return { error: "the directory does not exist" };
  let entries;
  try {
    if (!(0, import_node_fs.statSync)(real).isDirectory()) return { error: "the path is a file, not a directory" };
    entries = (0, import_node_fs.readdirSync)(real, { withFileTypes: true });
  } catch (e) {
    return { error: `cannot read the directory: ${e.code ?? String(e)}` };
  }
  const names = [];
  for (const d of entries) {
    if (d.isFile()) names.push(d.name);
    else if (d.isSymbolicLink()) {
      const target = locateInsideRoot(import_node_path3.default.join(real, d.name), root);
      try {
        if (target.inside && target.real !== void 0 && (0, import_node_fs.statSync)(target.real).isFile()) names.push(d.name);
      } catch {
      }
    }
  }
  return { names };
}
function readSourceInside(path11, kind, root, limits = DEFAULT_READ_LIMITS) {
  return readUnlinked(path11, kind, root, limits) ?? readResolved(path11, kind, root, limits);
}
function readUnlinked(path11, kind, root, limits) {
  if (NO_FOLLOW === 0) return void 0;
  const abs = import_node_path3.default.resolve(path11);
  const absRoot = import_node_path3.default.resolve(root);
  const realRoot = realRootOf(absRoot);
  if (!isUnder(abs, absRoot) && !isUnder(abs, realRoot)) return void 0;
  const dir = import_node_path3.default.dirname(abs);
  if (dir === abs) return void 0;
  const realDir = realDirOf(dir);
  if (realDir === void 0) return void 0;
  const real = import_node_path3.default.join(realDir, import_node_path3.default.basename(abs));
  if (!isUnder(real, realRoot)) return void 0;
  const r = readOpened(real, kind, limits, NO_FOLLOW);
  if (r === "link") return void 0;
  return real === path11 ? r : asWritten(path11, kind, r);
}
function asWritten(path11, kind, r) {
  const source = new SourceText(path11, r.source.text, kind);
  return r.ok ? { ok: true, source } : { ok: false, source, diagnostic: { ...r.diagnostic, span: new TextSpan(source, 0, 0) } };
}
function readResolved(path11, kind, root, limits) {
  const { inside, real } = locateInsideRoot(path11, root);
  if (!inside) {
    return fail(path11, kind, "invalid-template", "the file is outside the folder being linted (by its path or through a symbolic link); it is not read");
  }
  if (real === void 0) return readSource(path11, kind, limits);
  const r = readSource(real, kind, limits);
  return real === path11 ? r : asWritten(path11, kind, r);
}

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit2(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit2(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit2(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit2(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit2(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit2(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit2(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index2) => {
  return " ".repeat(index2);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\n" + " ".repeat(index2);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\r" + " ".repeat(index2);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\r\n" + " ".repeat(index2);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\n" + "	".repeat(index2);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\r" + "	".repeat(index2);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\r\n" + "	".repeat(index2);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parse(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentProperty = null;
  let currentParent = [];
  const previousParents = [];
  function onValue(value) {
    if (Array.isArray(currentParent)) {
      currentParent.push(value);
    } else if (currentProperty !== null) {
      currentParent[currentProperty] = value;
    }
  }
  const visitor = {
    onObjectBegin: () => {
      const object = {};
      onValue(object);
      previousParents.push(currentParent);
      currentParent = object;
      currentProperty = null;
    },
    onObjectProperty: (name) => {
      currentProperty = name;
    },
    onObjectEnd: () => {
      currentParent = previousParents.pop();
    },
    onArrayBegin: () => {
      const array = [];
      onValue(array);
      previousParents.push(currentParent);
      currentParent = array;
      currentProperty = null;
    },
    onArrayEnd: () => {
      currentParent = previousParents.pop();
    },
    onLiteralValue: onValue,
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  return currentParent[0];
}
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path11) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment2 of path11) {
    if (typeof segment2 === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment2 && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index2 = segment2;
      if (node.type !== "array" || index2 < 0 || !Array.isArray(node.children) || index2 >= node.children.length) {
        return void 0;
      }
      node = node.children[index2];
    }
  }
  return node;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var createScanner2 = createScanner;
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parse2 = parse;
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// src/load/json-index.ts
var LARGE = 32;
var OPEN_BRACE = 123;
var OPEN_BRACKET = 91;
var QUOTE = 34;
var COMMA = 44;
var JsonIndex = class _JsonIndex {
  constructor(text, capacity) {
    this.text = text;
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }
  text;
  count = 0;
  /** Offset of each value's first character, in document order (so ascending). */
  start;
  /** Offset just after each value. */
  end;
  /** Where the key of the value the last walk() ended at starts (-1: it is not an object member). */
  keyAt = -1;
  /** Indexes `text`; undefined when it is not JSON (the caller then has no positions to offer). */
  static build(text) {
    const idx = new _JsonIndex(text, Math.max(16, text.length >> 4));
    return idx.scan() ? idx : void 0;
  }
  add(start) {
    if (this.count === this.start.length) {
      const grown = (a) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grown(this.start);
      this.end = grown(this.end);
    }
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = start;
    return i;
  }
  /** Skips whitespace and comments from `i`. */
  skip(i) {
    const t = this.text;
    const n = t.length;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 65279) i++;
      else if (c === 47 && t.charCodeAt(i + 1) === 47) {
        const e = t.indexOf("\n", i);
        i = e < 0 ? n : e + 1;
      } else if (c === 47 && t.charCodeAt(i + 1) === 42) {
        const e = t.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
      } else break;
    }
    return i;
  }
  /** End (exclusive) of the string token starting at the quote at `i`. */
  stringEnd(i) {
    const t = this.text;
    for (let j = i + 1; j < t.length; j++) {
      const c = t.charCodeAt(j);
      if (c === 92) j++;
      else if (c === QUOTE) return j + 1;
    }
    return t.length;
  }
  isContainer(node) {
    const c = this.text.charCodeAt(this.start[node]);
    return c === OPEN_BRACE || c === OPEN_BRACKET;
  }
  scan() {
    const t = this.text;
    const n = t.length;
    const stack = [];
    const objects = [];
    let i = this.skip(0);
    let afterKey = false;
    while (i < n) {
      const c = t.charCodeAt(i);
      const depth = stack.length;
      if (depth > 0 && objects[depth - 1] === true && !afterKey && c === QUOTE) {
        i = this.skip(this.stringEnd(i));
        if (t.charCodeAt(i) !== 58) return false;
        i = this.skip(i + 1);
        afterKey = true;
        continue;
      }
      if (c === 125 || c === 93) {
        const closing = stack.pop();
        objects.pop();
        if (closing === void 0) return false;
        this.end[closing] = i + 1;
        i = this.afterValue(i + 1);
        if (stack.length === 0) return this.skip(i) >= n;
        continue;
      }
      afterKey = false;
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        stack.push(this.add(i));
        objects.push(c === OPEN_BRACE);
        i = this.skip(i + 1);
        continue;
      }
      const node = this.add(i);
      let j;
      if (c === QUOTE) j = this.stringEnd(i);
      else {
        j = i;
        while (j < n) {
          const d = t.charCodeAt(j);
          if (d === COMMA || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || d === 47) break;
          j++;
        }
        if (j === i) return false;
      }
      this.end[node] = j;
      i = this.afterValue(j);
      if (stack.length === 0) return this.skip(i) >= n;
    }
    return stack.length === 0 && this.count > 0;
  }
  /** The first child of `node`, or -1 (values are in document order: it is the next value, if inside). */
  firstChild(node) {
    const c = node + 1;
    return c < this.count && this.isContainer(node) && this.start[c] < this.end[node] ? c : -1;
  }
  /** The value after `child` (and its descendants) when it is still inside its parent, or -1. */
  nextSibling(child, parentEnd) {
    let next = child + 1;
    if (this.isContainer(child)) {
      const end = this.end[child];
      let lo = child;
      let step = 1;
      let hi = child + 1;
      while (hi < this.count && this.start[hi] < end) {
        lo = hi;
        hi += step;
        step *= 2;
      }
      if (hi > this.count) hi = this.count;
      while (hi - lo > 1) {
        const mid = lo + hi >> 1;
        if (this.start[mid] < end) lo = mid;
        else hi = mid;
      }
      next = hi;
    }
    return next < this.count && this.start[next] < parentEnd ? next : -1;
  }
  /**
   * Where what follows a value ending at `i` starts: past white space, comments and the comma
   * after it. After an object member (or the object's '{'), that is the next member's key.
   */
  afterValue(i) {
    i = this.skip(i);
    return this.text.charCodeAt(i) === COMMA ? this.skip(i + 1) : i;
  }
  /** The decoded text of the key token starting at `at`. */
  keyText(at2) {
    const raw = this.text.slice(at2 + 1, this.stringEnd(at2) - 1);
    if (!raw.includes("\\")) return raw;
    try {
      return JSON.parse(`"${raw}"`);
    } catch {
      return raw;
    }
  }
  /**
   * Children of large containers, made on the first look-up in them: an element of a long array
   * (the 30,000 resources of an expanded template) is otherwise found by walking its preceding
   * siblings, and a finding per resource made that quadratic (0.6 s for 10,000 VMs).
   */
  elementsOf;
  membersOf;
  /** The value at a JSON path, or -1. Object keys compare exactly (the path holds the real keys). */
  find(path11) {
    return this.walk(path11);
  }
  /** The range of the key of the object member at a JSON path (the quoted key), when it is one. */
  findKey(path11) {
    if (this.walk(path11) < 0 || this.keyAt < 0) return void 0;
    return { start: this.keyAt, end: this.stringEnd(this.keyAt) };
  }
  walk(path11) {
    this.keyAt = -1;
    if (this.count === 0) return -1;
    let cur = 0;
    for (const key2 of path11) {
      const open2 = this.text.charCodeAt(this.start[cur]);
      const parentEnd = this.end[cur];
      let child = this.firstChild(cur);
      this.keyAt = -1;
      if (open2 === OPEN_BRACKET && typeof key2 === "number") {
        if (key2 >= LARGE) child = this.element(cur, key2);
        else for (let j = 0; j < key2 && child >= 0; j++) child = this.nextSibling(child, parentEnd);
      } else if (open2 === OPEN_BRACE && typeof key2 === "string") {
        const table = this.members(cur);
        if (table) {
          const p = table.byKey.get(key2);
          child = p === void 0 ? -1 : table.children[p];
          if (p !== void 0) this.keyAt = table.keyStarts[p];
        } else {
          let found = -1;
          let boundary = this.start[cur] + 1;
          for (; child >= 0; child = this.nextSibling(child, parentEnd)) {
            const at2 = this.afterValue(boundary);
            if (this.keyText(at2) === key2) {
              found = child;
              this.keyAt = at2;
            }
            boundary = this.end[child];
          }
          child = found;
        }
      } else return -1;
      if (child < 0) return -1;
      cur = child;
    }
    return cur;
  }
  /** Element `i` of the array node `arr` (i >= LARGE), or -1, through its element table. */
  element(arr, i) {
    this.elementsOf ??= /* @__PURE__ */ new Map();
    let table = this.elementsOf.get(arr);
    if (!table) {
      const parentEnd = this.end[arr];
      const children = [];
      for (let c = this.firstChild(arr); c >= 0; c = this.nextSibling(c, parentEnd)) children.push(c);
      table = Int32Array.from(children);
      this.elementsOf.set(arr, table);
    }
    return i < table.length ? table[i] : -1;
  }
  /** The members of the object node `obj` when it has more than LARGE of them; undefined for a small one. */
  members(obj) {
    const known3 = this.membersOf?.get(obj);
    if (known3) return known3;
    const parentEnd = this.end[obj];
    let n = 0;
    for (let c = this.firstChild(obj); c >= 0 && n <= LARGE; c = this.nextSibling(c, parentEnd)) n++;
    if (n <= LARGE) return void 0;
    const children = [];
    const keyStarts = [];
    let boundary = this.start[obj] + 1;
    for (let c = this.firstChild(obj); c >= 0; c = this.nextSibling(c, parentEnd)) {
      children.push(c);
      keyStarts.push(this.afterValue(boundary));
      boundary = this.end[c];
    }
    const byKey = /* @__PURE__ */ new Map();
    for (let p = 0; p < children.length; p++) byKey.set(this.keyText(keyStarts[p]), p);
    const table = { children: Int32Array.from(children), keyStarts: Int32Array.from(keyStarts), byKey };
    (this.membersOf ??= /* @__PURE__ */ new Map()).set(obj, table);
    return table;
  }
  range(node) {
    return { start: this.start[node], end: this.end[node] };
  }
  isString(node) {
    return this.text.charCodeAt(this.start[node]) === QUOTE;
  }
};

// src/load/json-text.ts
function findExcessiveNesting(text, limit) {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = skipString(text, i);
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) {
      depth--;
    } else if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        const e = text.indexOf("\n", i);
        i = e < 0 ? n : e;
      } else if (d === 42) {
        const e = text.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 1;
      }
    }
  }
  return -1;
}
function skipString(text, i) {
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j;
  }
  return n;
}
var MASK_CR = "";
var MASK_LF = "";
function maskLineBreaksInStrings(text) {
  if (text.includes(MASK_CR) || text.includes(MASK_LF)) return void 0;
  let out;
  let last = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        const e = text.indexOf("\n", i);
        i = e < 0 ? n : e;
      } else if (d === 42) {
        const e = text.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 1;
      }
      continue;
    }
    if (c !== 34) continue;
    for (let j = i + 1; j < n; j++) {
      const s = text.charCodeAt(j);
      if (s === 92) {
        j++;
        continue;
      }
      if (s === 34) {
        i = j;
        break;
      }
      if (s === 10 || s === 13) {
        out ??= [];
        out.push(text.slice(last, j), s === 10 ? MASK_LF : MASK_CR);
        last = j + 1;
      }
      if (j === n - 1) i = n;
    }
  }
  if (!out) return void 0;
  out.push(text.slice(last));
  return out.join("");
}
function unmask(s) {
  if (!s.includes(MASK_CR) && !s.includes(MASK_LF)) return s;
  return s.replaceAll(MASK_CR, "\r").replaceAll(MASK_LF, "\n");
}
function decodedIndexToOffset(text, literalStart, index2) {
  let pos = literalStart + 1;
  for (let k = 0; k < index2; k++) {
    const c = text.charCodeAt(pos);
    if (c === 34 || Number.isNaN(c)) return pos;
    if (c === 92) pos += text.charCodeAt(pos + 1) === 117 ? 6 : 2;
    else pos++;
  }
  return pos;
}
function blankCommentsAndTrailingCommas(text) {
  const n = text.length;
  const blanks = [];
  let comma = -1;
  let afterValue = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let q = text.indexOf('"', i + 1);
      for (; ; ) {
        if (q < 0) return void 0;
        let b = q - 1;
        while (text.charCodeAt(b) === 92) b--;
        if ((q - 1 - b) % 2 === 0) break;
        q = text.indexOf('"', q + 1);
      }
      i = q + 1;
      comma = -1;
      afterValue = true;
    } else if (c === 47) {
      const d = text.charCodeAt(i + 1);
      let end;
      if (d === 47) {
        end = i + 2;
        while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      } else if (d === 42) {
        const close = text.indexOf("*/", i + 2);
        if (close < 0) return void 0;
        end = close + 2;
      } else return void 0;
      blanks.push(i, end);
      i = end;
    } else if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
    } else {
      if ((c === 125 || c === 93) && comma >= 0) blanks.push(comma, comma + 1);
      comma = c === 44 && afterValue ? i : -1;
      afterValue = c !== 44 && c !== 123 && c !== 91 && c !== 58;
      i++;
    }
  }
  if (blanks.length === 0) return void 0;
  const spans = [];
  for (let k = 0; k < blanks.length; k += 2) spans.push([blanks[k], blanks[k + 1]]);
  spans.sort((a, b) => a[0] - b[0]);
  const out = [];
  let at2 = 0;
  for (const [start, end] of spans) {
    out.push(text.slice(at2, start), " ".repeat(end - start));
    at2 = end;
  }
  out.push(text.slice(at2));
  return out.join("");
}

// src/load/arm-json.ts
var DEFAULT_LOAD_LIMITS = { maxJsonDepth: 512 };
var PARSE_ERROR_MESSAGES = {
  1: "unexpected character",
  2: "invalid number",
  3: "expected a property name in double quotes",
  4: "expected a value",
  5: "expected ':' after the property name",
  6: "expected ',' between values",
  7: "expected '}' to close the object",
  8: "expected ']' to close the array",
  9: "unexpected content after the end of the JSON document",
  10: "invalid comment",
  11: "unterminated comment: expected '*/'",
  12: `unterminated string: expected '"'`,
  13: "unterminated number",
  14: "invalid unicode escape sequence",
  15: "invalid escape character in string",
  16: "invalid character in string"
};
var TOLERATED_ERRORS = /* @__PURE__ */ new Set([16]);
var TreeResolver = class {
  constructor(text, tree) {
    this.text = text;
    this.tree = tree;
  }
  text;
  tree;
  root() {
    return this.tree;
  }
  node(path11, key2) {
    const root = this.root();
    const n = path11.length === 0 ? root : findNodeAtLocation2(root, path11);
    if (!n) return void 0;
    if (key2) return n.parent?.type === "property" ? n.parent.children?.[0] : void 0;
    return n;
  }
  resolve(path11, key2) {
    const n = this.node(path11, key2);
    return n ? { start: n.offset, end: n.offset + n.length } : void 0;
  }
  stringOffset(path11, key2, index2) {
    const n = this.node(path11, key2);
    if (!n || n.type !== "string") return void 0;
    return decodedIndexToOffset(this.text, n.offset, index2);
  }
};
var IndexResolver = class {
  /**
   * `of` is the source itself when JSON.parse read its text (asked for its text only when the
   * index is built: a large template's text may be packed meanwhile, SourceText.pack), or the
   * text with comments blanked.
   */
  constructor(of) {
    this.of = of;
  }
  of;
  index;
  built = false;
  get text() {
    return typeof this.of === "string" ? this.of : this.of.text;
  }
  node(path11, key2) {
    if (!this.built) {
      this.built = true;
      this.index = JsonIndex.build(this.text);
    }
    const idx = this.index;
    if (!idx) return void 0;
    if (key2) {
      const r = idx.findKey(path11);
      return r ? { ...r, string: true } : void 0;
    }
    const n = idx.find(path11);
    if (n < 0) return void 0;
    return { ...idx.range(n), string: idx.isString(n) };
  }
  resolve(path11, key2) {
    const n = this.node(path11, key2);
    return n ? { start: n.start, end: n.end } : void 0;
  }
  stringOffset(path11, key2, index2) {
    const n = this.node(path11, key2);
    if (!n || !n.string) return void 0;
    return decodedIndexToOffset(this.text, n.start, index2);
  }
};
function fromTree(n) {
  switch (n.type) {
    case "object": {
      const o = {};
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || !v) continue;
        const key2 = unmask(String(k.value));
        Object.defineProperty(o, key2, { value: fromTree(v), enumerable: true, writable: true, configurable: true });
      }
      return o;
    }
    case "array":
      return (n.children ?? []).map(fromTree);
    case "string":
      return unmask(n.value);
    default:
      return n.value;
  }
}
var MAX_VALUE_WALK_DEPTH = 2e3;
function deeperThan(v, remaining) {
  if (remaining <= 0) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const e = v[i];
      if (typeof e === "object" && e !== null && deeperThan(e, remaining - 1)) return true;
    }
    return false;
  }
  const o = v;
  for (const k in o) {
    const e = o[k];
    if (typeof e === "object" && e !== null && deeperThan(e, remaining - 1)) return true;
  }
  return false;
}
var SHARE_STRINGS_FROM = 1e6;
function shareRepeatedStrings(root) {
  const seen = /* @__PURE__ */ new Map();
  const share = (s) => {
    const known3 = seen.get(s);
    if (known3 !== void 0) return known3;
    seen.set(s, s);
    return s;
  };
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (typeof v === "string") node[i] = share(v);
        else if (typeof v === "object" && v !== null) stack.push(v);
      }
      continue;
    }
    for (const k in node) {
      const v = node[k];
      if (typeof v === "string") {
        if (k !== "__proto__") node[k] = share(v);
      } else if (typeof v === "object" && v !== null) stack.push(v);
    }
  }
}
function loadJson(source, limits = DEFAULT_LOAD_LIMITS) {
  const text = source.text;
  const whole = new TextSpan(source, 0, text.length);
  if (!/\S/.test(text)) {
    return {
      root: void 0,
      span: whole,
      diagnostics: [{ code: "invalid-template", message: "the file is empty; expected a JSON object", span: new TextSpan(source, 0, 0) }]
    };
  }
  let parsed;
  let parsedText = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    const blanked = blankCommentsAndTrailingCommas(text);
    if (blanked !== void 0) {
      try {
        parsed = JSON.parse(blanked);
        parsedText = blanked;
      } catch {
      }
    }
  }
  const byValue = parsed !== void 0 && limits.maxJsonDepth <= MAX_VALUE_WALK_DEPTH;
  const shallow = byValue && !(typeof parsed === "object" && parsed !== null && deeperThan(parsed, limits.maxJsonDepth));
  const deep = shallow ? -1 : findExcessiveNesting(text, limits.maxJsonDepth);
  if (deep >= 0) {
    return {
      root: void 0,
      span: whole,
      diagnostics: [
        {
          code: "limit-exceeded",
          message: `JSON nesting deeper than ${limits.maxJsonDepth} levels; the file is not analysed (limit maxJsonDepth)`,
          span: new TextSpan(source, deep, deep + 1)
        }
      ]
    };
  }
  if (parsed !== void 0) {
    if (text.length >= SHARE_STRINGS_FROM && typeof parsed === "object" && parsed !== null) shareRepeatedStrings(parsed);
    return { root: parsed, span: JsonPathSpan.root(source, new IndexResolver(parsedText === text ? source : parsedText)), diagnostics: [] };
  }
  const masked = maskLineBreaksInStrings(text);
  const errors = [];
  const tree = parseTree2(masked ?? text, errors, { allowTrailingComma: true, disallowComments: false });
  const fatal = errors.filter((e) => !TOLERATED_ERRORS.has(e.error));
  const first = fatal[0];
  if (first || !tree) {
    const offset = first ? first.offset : 0;
    const length = first ? Math.max(first.length, 1) : 0;
    const message = first ? PARSE_ERROR_MESSAGES[first.error] ?? "invalid JSON" : "invalid JSON";
    return {
      root: void 0,
      span: whole,
      diagnostics: [
        {
          code: "invalid-template",
          message: `invalid JSON: ${message}${fatal.length > 1 ? ` (and ${fatal.length - 1} more errors after it)` : ""}`,
          span: new TextSpan(source, offset, Math.min(offset + length, text.length))
        }
      ]
    };
  }
  return { root: fromTree(tree), span: JsonPathSpan.root(source, new TreeResolver(text, tree)), diagnostics: [] };
}

// src/load/classify.ts
var TEMPLATE_SCHEMA = /deploymentTemplate\.json/i;
var PARAMETERS_SCHEMA = /deploymentParameters\.json/i;
function classifyJson(root) {
  if (!isTObject(root)) return "other";
  const schema = own(root, "$schema");
  if (typeof schema === "string") {
    if (TEMPLATE_SCHEMA.test(schema)) return "template";
    if (PARAMETERS_SCHEMA.test(schema)) return "parameters";
  }
  const hasVersion = own(root, "contentVersion") !== void 0 || own(root, "languageVersion") !== void 0;
  if (own(root, "resources") !== void 0 && hasVersion) return "template";
  if (isTObject(own(root, "parameters")) && own(root, "contentVersion") !== void 0 && own(root, "resources") === void 0) return "parameters";
  return "other";
}
function looksLikeTemplateText(text) {
  return TEMPLATE_SCHEMA.test(text) || /"resources"\s*:/.test(text) && /"(contentVersion|languageVersion)"\s*:/.test(text);
}
function looksLikeParametersText(text) {
  return PARAMETERS_SCHEMA.test(text);
}

// src/bicep/load.ts
var import_node_path5 = __toESM(require("node:path"), 1);

// src/bicep/lexer.ts
var CH_TAB = 9;
var CH_LF = 10;
var CH_CR = 13;
var CH_SPACE = 32;
var CH_QUOTE = 39;
var CH_DOLLAR = 36;
var CH_LBRACE = 123;
var CH_RBRACE = 125;
var CH_BACKSLASH = 92;
function isIdentifierStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
}
function isIdentifierPart(c) {
  return isIdentifierStart(c) || c >= 48 && c <= 57;
}
function isDigit3(c) {
  return c >= 48 && c <= 57;
}
function isHexDigit(c) {
  return isDigit3(c) || c >= 97 && c <= 102 || c >= 65 && c <= 70;
}
var DIRECTIVES = ["disable-next-line", "disable-diagnostics", "restore-diagnostics"];
function lex(text) {
  return new Lexer(text).run();
}
var Lexer = class {
  constructor(text) {
    this.text = text;
  }
  text;
  pos = 0;
  tokens = [];
  trivia = [];
  errors = [];
  modes = [];
  /** Offset where the current line starts (for directives, which must start a line). */
  lineStart = 0;
  run() {
    const t = this.text;
    const n = t.length;
    for (; ; ) {
      this.skipTrivia();
      if (this.pos >= n) break;
      this.scanToken();
    }
    this.tokens.push({ kind: "EndOfFile", start: n, end: n });
    return { tokens: this.tokens, trivia: this.trivia, errors: this.errors };
  }
  error(message, start, end) {
    this.errors.push({ message, start, end });
  }
  push(kind, start, end) {
    this.tokens.push({ kind, start, end });
    this.pos = end;
  }
  skipTrivia() {
    const t = this.text;
    const n = t.length;
    while (this.pos < n) {
      const c = t.charCodeAt(this.pos);
      if (c === CH_SPACE || c === CH_TAB) {
        this.pos++;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 47) {
        const start = this.pos;
        let i = this.pos + 2;
        while (i < n) {
          const d = t.charCodeAt(i);
          if (d === CH_LF || d === CH_CR) break;
          i++;
        }
        this.trivia.push({ kind: "line-comment", start, end: i });
        this.pos = i;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const start = this.pos;
        const close = t.indexOf("*/", this.pos + 2);
        const end = close < 0 ? n : close + 2;
        if (close < 0) this.error("unterminated multi-line comment", start, end);
        this.trivia.push({ kind: "block-comment", start, end });
        this.pos = end;
        this.noteLineBreaks(start, end);
      } else if (c === 35 && this.atLineStartOnlyWhitespace() && this.directiveAhead()) {
        const start = this.pos;
        let i = this.pos + 1;
        while (i < n) {
          const d = t.charCodeAt(i);
          if (d === CH_LF || d === CH_CR) break;
          if (d === 47 && (t.charCodeAt(i + 1) === 47 || t.charCodeAt(i + 1) === 42)) break;
          i++;
        }
        let end = i;
        while (end > start && (t.charCodeAt(end - 1) === CH_SPACE || t.charCodeAt(end - 1) === CH_TAB)) end--;
        this.trivia.push({ kind: "directive", start, end });
        this.pos = i;
      } else {
        break;
      }
    }
  }
  /** Keeps lineStart right when a block comment spans lines. */
  noteLineBreaks(start, end) {
    for (let i = end - 1; i >= start; i--) {
      const c = this.text.charCodeAt(i);
      if (c === CH_LF || c === CH_CR) {
        this.lineStart = i + 1;
        return;
      }
    }
  }
  atLineStartOnlyWhitespace() {
    for (let i = this.lineStart; i < this.pos; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== CH_SPACE && c !== CH_TAB) return false;
    }
    return true;
  }
  directiveAhead() {
    for (const d of DIRECTIVES) {
      if (this.text.startsWith(d, this.pos + 1) && !isDirectiveNamePart(this.text.charCodeAt(this.pos + 1 + d.length))) {
        return true;
      }
    }
    return false;
  }
  scanToken() {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    const next = t.charCodeAt(start + 1);
    switch (c) {
      case CH_LF:
      case CH_CR: {
        if (this.modes.some((m) => m.kind === "hole" && m.dollars < 0)) {
          this.error("unterminated string: a line break is not allowed in a single-line string", start, start);
          this.modes.length = 0;
          this.tokens.push({ kind: "StringRightPiece", start, end: start, dollars: -1 });
          return;
        }
        let i = start;
        while (i < t.length) {
          const d = t.charCodeAt(i);
          if (d !== CH_LF && d !== CH_CR) break;
          i++;
        }
        this.push("NewLine", start, i);
        this.lineStart = i;
        return;
      }
      case CH_LBRACE:
        if (this.modes.length > 0) this.modes.push({ kind: "brace" });
        this.push("LeftBrace", start, start + 1);
        return;
      case CH_RBRACE: {
        const top = this.modes[this.modes.length - 1];
        if (top?.kind === "brace") {
          this.modes.pop();
        } else if (top?.kind === "hole") {
          if (top.dollars < 0) this.scanStringPiece(start, start + 1, false);
          else this.scanMultilinePiece(start, start + 1, top.dollars, false);
          return;
        }
        this.push("RightBrace", start, start + 1);
        return;
      }
      case 40:
        this.push("LeftParen", start, start + 1);
        return;
      case 41:
        this.push("RightParen", start, start + 1);
        return;
      case 91:
        this.push("LeftSquare", start, start + 1);
        return;
      case 93:
        this.push("RightSquare", start, start + 1);
        return;
      case 64:
        this.push("At", start, start + 1);
        return;
      case 44:
        this.push("Comma", start, start + 1);
        return;
      case 46:
        if (next === 46 && t.charCodeAt(start + 2) === 46) this.push("Ellipsis", start, start + 3);
        else this.push("Dot", start, start + 1);
        return;
      case 63:
        if (next === 63) this.push("DoubleQuestion", start, start + 2);
        else this.push("Question", start, start + 1);
        return;
      case 58:
        if (next === 58) this.push("DoubleColon", start, start + 2);
        else this.push("Colon", start, start + 1);
        return;
      case 59:
        this.push("Semicolon", start, start + 1);
        return;
      case 43:
        this.push("Plus", start, start + 1);
        return;
      case 45:
        this.push("Minus", start, start + 1);
        return;
      case 37:
        this.push("Modulo", start, start + 1);
        return;
      case 42:
        this.push("Asterisk", start, start + 1);
        return;
      case 47:
        this.push("Slash", start, start + 1);
        return;
      case 94:
        this.push("Hat", start, start + 1);
        return;
      case 33:
        if (next === 61) this.push("NotEquals", start, start + 2);
        else if (next === 126) this.push("NotEqualsInsensitive", start, start + 2);
        else this.push("Exclamation", start, start + 1);
        return;
      case 60:
        if (next === 61) this.push("LessThanOrEqual", start, start + 2);
        else this.push("LeftChevron", start, start + 1);
        return;
      case 62:
        if (next === 61) this.push("GreaterThanOrEqual", start, start + 2);
        else this.push("RightChevron", start, start + 1);
        return;
      case 61:
        if (next === 61) this.push("Equals", start, start + 2);
        else if (next === 126) this.push("EqualsInsensitive", start, start + 2);
        else if (next === 62) this.push("Arrow", start, start + 2);
        else this.push("Assignment", start, start + 1);
        return;
      case 38:
        if (next === 38) this.push("LogicalAnd", start, start + 2);
        else this.unrecognized(start, start + 1);
        return;
      case 124:
        if (next === 124) this.push("LogicalOr", start, start + 2);
        else this.push("Pipe", start, start + 1);
        return;
      case CH_QUOTE:
        if (next === CH_QUOTE && t.charCodeAt(start + 2) === CH_QUOTE) this.scanMultilinePiece(start, start + 3, 0, true);
        else this.scanStringPiece(start, start + 1, true);
        return;
      case CH_DOLLAR: {
        let i = start;
        while (t.charCodeAt(i) === CH_DOLLAR) i++;
        if (t.charCodeAt(i) === CH_QUOTE && t.charCodeAt(i + 1) === CH_QUOTE && t.charCodeAt(i + 2) === CH_QUOTE) {
          this.scanMultilinePiece(start, i + 3, i - start, true);
        } else {
          this.unrecognized(start, start + 1);
        }
        return;
      }
      default:
        break;
    }
    if (isDigit3(c)) {
      let i = start + 1;
      while (isDigit3(t.charCodeAt(i))) i++;
      this.push("Integer", start, i);
      return;
    }
    if (isIdentifierStart(c)) {
      let i = start + 1;
      while (isIdentifierPart(t.charCodeAt(i))) i++;
      this.push(keywordKind(t, start, i), start, i);
      return;
    }
    const cp = t.codePointAt(start) ?? c;
    this.unrecognized(start, start + (cp > 65535 ? 2 : 1));
  }
  unrecognized(start, end) {
    const s = this.text.slice(start, end);
    this.error(s === '"' ? `unexpected '"': strings use single quotes` : `unrecognized character '${s}'`, start, end);
    this.push("Unrecognized", start, end);
  }
  /** Scans a single-line string piece from `contentStart` (after `'` or `}`). */
  scanStringPiece(start, contentStart, first) {
    const t = this.text;
    const n = t.length;
    let i = contentStart;
    const done = (kind, end) => {
      this.tokens.push({ kind, start, end, dollars: -1 });
      this.pos = end;
    };
    for (; ; ) {
      if (i >= n) {
        this.error("unterminated string", start, i);
        if (!first) this.popHole();
        done(first ? "StringComplete" : "StringRightPiece", i);
        return;
      }
      const c = t.charCodeAt(i);
      if (c === CH_LF || c === CH_CR) {
        this.error("unterminated string: a line break is not allowed in a single-line string", start, i);
        if (!first) this.popHole();
        done(first ? "StringComplete" : "StringRightPiece", i);
        return;
      }
      if (c === CH_QUOTE) {
        if (!first) this.popHole();
        done(first ? "StringComplete" : "StringRightPiece", i + 1);
        return;
      }
      if (c === CH_DOLLAR && t.charCodeAt(i + 1) === CH_LBRACE) {
        if (first) this.modes.push({ kind: "hole", dollars: -1 });
        done(first ? "StringLeftPiece" : "StringMiddlePiece", i + 2);
        return;
      }
      if (c === CH_BACKSLASH) {
        i = this.scanEscape(i);
        continue;
      }
      i++;
    }
  }
  /** Validates the escape sequence at `i` (a backslash); returns the offset after it. */
  scanEscape(i) {
    const t = this.text;
    const e = t.charCodeAt(i + 1);
    if (i + 1 >= t.length || e === CH_LF || e === CH_CR) return i + 1;
    if (e === 117) {
      if (t.charCodeAt(i + 2) !== CH_LBRACE) {
        this.error("invalid unicode escape: expected \\u{hex}", i, i + 2);
        return i + 2;
      }
      let j = i + 3;
      while (isHexDigit(t.charCodeAt(j))) j++;
      const hex = t.slice(i + 3, j);
      if (t.charCodeAt(j) !== CH_RBRACE || hex.length === 0 || hex.length > 8 || parseInt(hex, 16) > 1114111) {
        this.error("invalid unicode escape: expected \\u{hex} with a code point up to 10FFFF", i, j);
        return j;
      }
      return j + 1;
    }
    if (e !== 110 && e !== 114 && e !== 116 && e !== CH_BACKSLASH && e !== CH_QUOTE && e !== CH_DOLLAR) {
      this.error("unrecognized escape sequence: only \\$ \\' \\\\ \\n \\r \\t and \\u{...} are allowed", i, i + 2);
    }
    return i + 2;
  }
  /**
   * Scans a multi-line string piece. `dollars` is 0 for a verbatim '''…''' string; for $'''…'''
   * strings a hole opens at exactly `dollars` `$` signs followed by `{` (extra `$` are text).
   */
  scanMultilinePiece(start, contentStart, dollars, first) {
    const t = this.text;
    const n = t.length;
    let i = contentStart;
    let quotes = 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === CH_QUOTE) {
        quotes++;
        i++;
        if (quotes === 3) {
          while (t.charCodeAt(i) === CH_QUOTE) i++;
          if (!first) this.popHole();
          this.tokens.push({ kind: first ? "StringComplete" : "StringRightPiece", start, end: i, dollars });
          this.pos = i;
          this.noteLineBreaks(start, i);
          return;
        }
        continue;
      }
      quotes = 0;
      if (dollars > 0 && c === CH_DOLLAR) {
        let j = i;
        while (j - i < dollars && t.charCodeAt(j) === CH_DOLLAR) j++;
        if (j - i === dollars && t.charCodeAt(j) === CH_LBRACE) {
          if (first) this.modes.push({ kind: "hole", dollars });
          this.tokens.push({ kind: first ? "StringLeftPiece" : "StringMiddlePiece", start, end: j + 1, dollars });
          this.pos = j + 1;
          this.noteLineBreaks(start, j + 1);
          return;
        }
      }
      i++;
    }
    this.error("unterminated multi-line string: expected closing '''", start, n);
    if (!first) this.popHole();
    this.tokens.push({ kind: first ? "StringComplete" : "StringRightPiece", start, end: n, dollars });
    this.pos = n;
  }
  popHole() {
    const top = this.modes[this.modes.length - 1];
    if (top?.kind === "hole") this.modes.pop();
  }
};
function isDirectiveNamePart(c) {
  return isIdentifierPart(c) || c === 45;
}
function keywordKind(t, start, end) {
  const len = end - start;
  if (len === 4) {
    if (t.startsWith("true", start)) return "TrueKeyword";
    if (t.startsWith("null", start)) return "NullKeyword";
  } else if (len === 5 && t.startsWith("false", start)) {
    return "FalseKeyword";
  }
  return "Identifier";
}
function decodeStringContent(raw) {
  if (raw.indexOf("\\") < 0) return raw;
  const parts = [];
  let last = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) !== CH_BACKSLASH) continue;
    parts.push(raw.slice(last, i));
    const e = raw[i + 1];
    let consumed = 2;
    switch (e) {
      case "n":
        parts.push("\n");
        break;
      case "r":
        parts.push("\r");
        break;
      case "t":
        parts.push("	");
        break;
      case "\\":
      case "'":
      case "$":
        parts.push(e);
        break;
      case "u": {
        const close = raw.indexOf("}", i + 3);
        const hex = raw[i + 2] === "{" && close > 0 ? raw.slice(i + 3, close) : "";
        const cp = /^[0-9a-fA-F]{1,8}$/.test(hex) ? parseInt(hex, 16) : NaN;
        if (cp <= 1114111) {
          parts.push(String.fromCodePoint(cp));
          consumed = close - i + 1;
        } else {
          parts.push(raw.slice(i, i + 2));
        }
        break;
      }
      default:
        parts.push(raw.slice(i, i + 2));
        break;
    }
    i += consumed - 1;
    last = i + 1;
  }
  parts.push(raw.slice(last));
  return parts.join("");
}

// src/bicep/parser.ts
var MAX_DEPTH = 512;
var MAX_DIAGNOSTICS = 1e3;
function parseBicep(source, maxDepth = MAX_DEPTH) {
  return new Parser2(source, false, maxDepth).run();
}
function parseBicepParams(source, maxDepth = MAX_DEPTH) {
  return new Parser2(source, true, maxDepth).run();
}
var ParseError2 = class {
  constructor(abort) {
    this.abort = abort;
  }
  abort;
};
var BINARY_PRECEDENCE = {
  DoubleQuestion: 1,
  LogicalOr: 2,
  LogicalAnd: 3,
  Equals: 4,
  NotEquals: 4,
  EqualsInsensitive: 4,
  NotEqualsInsensitive: 4,
  LeftChevron: 5,
  RightChevron: 5,
  LessThanOrEqual: 5,
  GreaterThanOrEqual: 5,
  Plus: 6,
  Minus: 6,
  Asterisk: 7,
  Slash: 7,
  Modulo: 7
};
var BINARY_OPERATOR = {
  DoubleQuestion: "??",
  LogicalOr: "||",
  LogicalAnd: "&&",
  Equals: "==",
  NotEquals: "!=",
  EqualsInsensitive: "=~",
  NotEqualsInsensitive: "!~",
  LeftChevron: "<",
  RightChevron: ">",
  LessThanOrEqual: "<=",
  GreaterThanOrEqual: ">=",
  Plus: "+",
  Minus: "-",
  Asterisk: "*",
  Slash: "/",
  Modulo: "%"
};
var DECLARATION_KEYWORDS = /* @__PURE__ */ new Set([
  "param",
  "var",
  "resource",
  "module",
  "output",
  "type",
  "func",
  "import",
  "extension",
  "metadata",
  "using",
  "extends",
  "test",
  "assert"
]);
var OPENERS = /* @__PURE__ */ new Set(["LeftBrace", "LeftSquare", "LeftParen", "StringLeftPiece"]);
var CLOSERS = /* @__PURE__ */ new Set(["RightBrace", "RightSquare", "RightParen", "StringRightPiece"]);
function isStringStart(k) {
  return k === "StringComplete" || k === "StringLeftPiece";
}
function isNameToken(k) {
  return k === "Identifier" || k === "TrueKeyword" || k === "FalseKeyword" || k === "NullKeyword";
}
var Parser2 = class {
  constructor(source, params, maxDepth) {
    this.source = source;
    this.params = params;
    this.maxDepth = maxDepth;
    this.text = source.text;
    const lexed = lex(this.text);
    this.tokens = lexed.tokens;
    this.lexTrivia = lexed.trivia;
    for (const e of lexed.errors) this.errors.push(e);
  }
  source;
  params;
  maxDepth;
  text;
  tokens;
  i = 0;
  /** true: newlines are insignificant (inside parentheses). */
  modes = [];
  depth = 0;
  /** Where the expression or type being parsed started (see enterContainer). */
  enteredAt = -1;
  errors = [];
  lexTrivia;
  run() {
    const statements = [];
    for (; ; ) {
      this.skipNewLines();
      const t = this.cur();
      if (t.kind === "EndOfFile") break;
      const start = t.start;
      const before = this.i;
      try {
        const s = this.parseStatement();
        statements.push(s);
        const after = this.raw();
        if (after.kind !== "NewLine" && after.kind !== "EndOfFile") {
          this.error(`expected a new line after the ${describeStatement(s)}`, after);
          this.skipStatement();
        }
      } catch (e) {
        const overflow = e instanceof RangeError && /call stack/i.test(e.message);
        if (!(e instanceof ParseError2) && !overflow) throw e;
        if (overflow && this.errors.length <= MAX_DIAGNOSTICS) {
          const at2 = this.cur();
          this.errors.push({ message: `nesting is too deep for the parser's stack (${this.depth} levels); the rest of the statement is not analysed (limit maxJsonDepth)`, start: at2.start, end: at2.end, limit: true });
        }
        this.modes.length = 0;
        this.depth = 0;
        if (this.i === before) this.i++;
        if (overflow || e instanceof ParseError2 && e.abort) this.skipToDeclaration();
        else this.skipStatement();
        const end = this.tokens[Math.max(0, this.i - 1)]?.end ?? start;
        statements.push({ kind: "SkippedStatement", decorators: [], start, end: Math.max(start, end) });
      }
    }
    const seen = /* @__PURE__ */ new Set();
    const diagnostics = this.errors.slice().sort((a, b) => a.start - b.start).filter((e) => {
      const key2 = String(e.start);
      if (seen.has(key2)) return false;
      seen.add(key2);
      return true;
    }).slice(0, MAX_DIAGNOSTICS).map((e) => ({ code: e.limit ? "limit-exceeded" : "invalid-template", message: e.message, span: new TextSpan(this.source, e.start, e.end) }));
    const program = { kind: "Program", statements, trivia: this.lexTrivia, start: 0, end: this.text.length };
    return { program, diagnostics, tokens: this.tokens };
  }
  // ------------------------------------------------------------------------------------------
  // Token cursor
  insensitive() {
    return this.modes.length > 0 && this.modes[this.modes.length - 1] === true;
  }
  /** The current token; NewLine tokens are skipped where newlines are insignificant. */
  cur() {
    if (this.insensitive()) {
      let j = this.i;
      while (this.tokens[j].kind === "NewLine") j++;
      if (j === this.i || !this.declarationAt(j)) this.i = j;
    }
    return this.tokens[this.i];
  }
  /**
   * Does a declaration start at token j (a keyword at column 0 followed by a name, or a decorator)?
   * Used only to stop recovery and newline skipping from running into the next statement.
   */
  declarationAt(j) {
    const t = this.tokens[j];
    const prev = this.tokens[j - 1];
    if (!prev || prev.kind !== "NewLine" || prev.end !== t.start) return false;
    if (t.kind === "At") return true;
    if (t.kind !== "Identifier") return false;
    const next = this.tokens[j + 1];
    const word = this.textOf(t);
    if (word === "targetScope") return next.kind === "Assignment";
    return DECLARATION_KEYWORDS.has(word) && (next.kind === "Identifier" || next.kind === "StringComplete" || next.kind === "LeftBrace" || next.kind === "Asterisk");
  }
  /** The current token, newlines included. */
  raw() {
    return this.tokens[this.i];
  }
  peekAt(offset) {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }
  at(kind) {
    return this.cur().kind === kind;
  }
  atWord(word) {
    const t = this.cur();
    return t.kind === "Identifier" && this.textOf(t) === word;
  }
  next() {
    const t = this.cur();
    if (t.kind !== "EndOfFile") this.i++;
    return t;
  }
  textOf(t) {
    return this.text.slice(t.start, t.end);
  }
  /** At line break(s) followed by a token of `kind` (a continuation line)? */
  continuesWith(kind) {
    let j = this.i;
    if (this.tokens[j].kind !== "NewLine") return false;
    while (this.tokens[j].kind === "NewLine") j++;
    return this.tokens[j].kind === kind;
  }
  skipNewLines() {
    while (this.raw().kind === "NewLine") this.i++;
  }
  error(message, at2) {
    if (this.errors.length > MAX_DIAGNOSTICS) return;
    this.errors.push({ message, start: at2.start, end: at2.end });
  }
  /** Reports at the current token and raises a ParseError for recovery. */
  fail(message) {
    const t = this.cur();
    if (t.kind !== "Unrecognized") this.error(message + this.found(t), t);
    throw new ParseError2(false);
  }
  found(t) {
    if (t.kind === "EndOfFile") return ", found the end of the file";
    if (t.kind === "NewLine") return ", found a new line";
    const s = this.textOf(t);
    return `, found '${s.length > 40 ? s.slice(0, 40) + "\u2026" : s}'`;
  }
  expect(kind, message) {
    if (this.cur().kind !== kind) this.fail(message);
    return this.next();
  }
  enter() {
    if (++this.depth > this.maxDepth) {
      const t = this.cur();
      if (this.errors.length <= MAX_DIAGNOSTICS) {
        this.errors.push({ message: `nesting is too deep (more than ${this.maxDepth} levels); the rest of the statement is not analysed (limit maxJsonDepth)`, start: t.start, end: t.end, limit: true });
      }
      throw new ParseError2(true);
    }
  }
  leave() {
    this.depth--;
  }
  /**
   * A bracket opens one nesting level: when the expression (or type) that holds it starts at the
   * bracket, that expression already counted the level, so `{ a: { a: {} } }` is three levels,
   * not six. Returns whether it counted one (to be left).
   */
  enterContainer() {
    if (this.enteredAt === this.i) return false;
    this.enter();
    return true;
  }
  skipToDeclaration() {
    for (; ; ) {
      const t = this.raw();
      if (t.kind === "EndOfFile") return;
      if (t.kind === "NewLine" && this.declarationAt(this.i + 1)) return;
      this.i++;
    }
  }
  /** Skips to the end of the line, keeping brackets opened on the way balanced. */
  skipStatement() {
    let balance = 0;
    for (; ; ) {
      const t = this.raw();
      if (t.kind === "EndOfFile") return;
      if (t.kind === "NewLine" && (balance <= 0 || this.declarationAt(this.i + 1))) return;
      if (OPENERS.has(t.kind)) balance++;
      else if (CLOSERS.has(t.kind)) balance--;
      this.i++;
    }
  }
  /** Skips a broken item of an object/array: to the line end, or to the enclosing `closer`. */
  skipItem(closer) {
    let balance = 0;
    for (; ; ) {
      const t = this.raw();
      if (t.kind === "EndOfFile") return;
      if (balance <= 0 && (t.kind === "NewLine" || t.kind === closer)) return;
      if (t.kind === "NewLine" && this.declarationAt(this.i + 1)) return;
      if (OPENERS.has(t.kind)) balance++;
      else if (CLOSERS.has(t.kind)) balance--;
      this.i++;
    }
  }
  /** Runs an item parser; on a recoverable error skips the item and returns undefined. */
  recover(closer, parse3) {
    const saveModes = this.modes.length;
    const saveDepth = this.depth;
    const before = this.i;
    try {
      return parse3();
    } catch (e) {
      if (!(e instanceof ParseError2) || e.abort) throw e;
      this.modes.length = saveModes;
      this.depth = saveDepth;
      if (this.i === before && this.raw().kind !== closer && this.raw().kind !== "NewLine") this.i++;
      this.skipItem(closer);
      return void 0;
    }
  }
  // ------------------------------------------------------------------------------------------
  // Statements
  tokenRef(t) {
    return { text: this.textOf(t), start: t.start, end: t.end };
  }
  identifier(what) {
    const t = this.cur();
    if (t.kind !== "Identifier") this.fail(`expected ${what}`);
    this.next();
    return { kind: "Identifier", name: this.textOf(t), start: t.start, end: t.end };
  }
  parseDecorators() {
    const out = [];
    while (this.at("At")) {
      const at2 = this.next();
      const expression = this.parsePostfix();
      const d = this.decoratorFrom(at2.start, expression);
      out.push(d);
      const after = this.raw();
      if (after.kind !== "NewLine") this.fail("expected a new line after the decorator");
      this.skipNewLines();
    }
    return out;
  }
  decoratorFrom(start, expression) {
    const base = { kind: "Decorator", expression, start, end: expression.end };
    if (expression.kind === "FunctionCall") {
      const ns = expression.base?.kind === "VariableAccess" ? expression.base.name : void 0;
      return { ...base, name: expression.name, ...ns ? { namespace: ns } : {}, args: expression.args };
    }
    if (expression.kind === "VariableAccess") return { ...base, name: expression.name, args: [] };
    if (expression.kind === "PropertyAccess" && expression.base.kind === "VariableAccess") {
      return { ...base, name: expression.property, namespace: expression.base.name, args: [] };
    }
    this.error("expected a decorator name, such as @description(...)", expression);
    return { ...base, name: { kind: "Identifier", name: "", missing: true, start, end: start }, args: [] };
  }
  parseStatement() {
    const decorators = this.parseDecorators();
    const t = this.cur();
    const start = decorators[0]?.start ?? t.start;
    if (t.kind !== "Identifier") this.fail("expected a declaration (param, var, resource, module, output, ...)");
    const word = this.textOf(t);
    if (this.params) {
      switch (word) {
        case "using": {
          const keyword = this.tokenRef(this.next());
          if (this.atWord("none")) {
            const n = this.next();
            return { kind: "Using", decorators, keyword, none: true, start, end: n.end };
          }
          const path11 = this.parseString("expected a file path string or none after using");
          let config;
          if (this.atWord("with")) {
            this.next();
            config = this.parseObject();
          }
          return { kind: "Using", decorators, keyword, path: path11, ...config ? { config } : {}, none: false, start, end: config?.end ?? path11.end };
        }
        case "extends": {
          const keyword = this.tokenRef(this.next());
          const path11 = this.parseString("expected a file path string after extends");
          return { kind: "Extends", decorators, keyword, path: path11, start, end: path11.end };
        }
        case "extensionConfig": {
          const keyword = this.tokenRef(this.next());
          const name = this.identifier("an extension alias");
          if (!this.atWord("with")) this.fail("expected 'with' after the extension alias");
          this.next();
          const config = this.parseObject();
          return { kind: "ExtensionConfig", decorators, keyword, name, config, start, end: config.end };
        }
        case "param": {
          const keyword = this.tokenRef(this.next());
          const name = this.identifier("a parameter name");
          this.expect("Assignment", "expected '=' after the parameter name");
          const value = this.parseExpression();
          return { kind: "ParameterAssignment", decorators, keyword, name, value, start, end: value.end };
        }
        default:
          break;
      }
    }
    switch (word) {
      case "targetScope": {
        const keyword = this.tokenRef(this.next());
        this.expect("Assignment", "expected '=' after targetScope");
        const value = this.parseExpression();
        return { kind: "TargetScope", decorators, keyword, value, start, end: value.end };
      }
      case "metadata": {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier("a metadata name");
        this.expect("Assignment", "expected '=' after the metadata name");
        const value = this.parseExpression();
        return { kind: "Metadata", decorators, keyword, name, value, start, end: value.end };
      }
      case "param": {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier("a parameter name");
        let type;
        let resourceType;
        if (this.atWord("resource") && isStringStart(this.peekAt(1).kind)) {
          this.next();
          resourceType = this.parseString("expected a resource type string");
        } else if (this.at("Assignment")) {
          type = this.missing(this.cur().start);
          this.error("expected a parameter type", this.cur());
        } else {
          type = this.parseType();
        }
        let defaultValue;
        if (this.at("Assignment")) {
          this.next();
          defaultValue = this.valueOrMissing();
        }
        const end = defaultValue?.end ?? resourceType?.end ?? type?.end ?? name.end;
        return {
          kind: "Parameter",
          decorators,
          keyword,
          name,
          ...type ? { type } : {},
          ...resourceType ? { resourceType } : {},
          ...defaultValue ? { defaultValue } : {},
          start,
          end
        };
      }
      case "var": {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier("a variable name");
        const type = this.at("Assignment") ? void 0 : this.parseType();
        this.expect("Assignment", "expected '=' after the variable name");
        const value = this.valueOrMissing();
        return { kind: "Variable", decorators, keyword, name, ...type ? { type } : {}, value, start, end: value.end };
      }
      case "resource":
        return this.parseResource(decorators, start);
      case "module":
      case "test": {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier(word === "module" ? "a module name" : "a test name");
        const path11 = this.parseStringOrMissing(`expected the ${word} path string`);
        this.expect("Assignment", `expected '=' after the ${word} path`);
        const value = this.parseDeclarationBody();
        if (word === "module") return { kind: "Module", decorators, keyword, name, path: path11, value, start, end: value.end };
        return { kind: "Test", decorators, keyword, name, path: path11, value, start, end: value.end };
      }
      case "output": {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier("an output name");
        let type;
        let resourceType;
        if (this.atWord("resource") && isStringStart(this.peekAt(1).kind)) {
          this.next();
          resourceType = this.parseString("expected a resource type string");
        } else if (this.at("Assignment")) {
          type = this.missing(this.cur().start);
          this.error("expected an output type", this.cur());
        } else {
          type = this.parseType();
        }
        this.expect("Assignment", "expected '=' after the output type");
        const value = this.parseExpression();
        return {
          kind: "Output",
          decorators,
          keyword,
          name,
          ...type ? { type } : {},
          ...resourceType ? { resourceType } : {},
          value,
          start,
          end: value.end
        };
      }
      case "type": {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier("a type name");
        this.expect("Assignment", "expected '=' after the type name");
        const value = this.parseType();
        return { kind: "TypeDeclaration", decorators, keyword, name, value, start, end: value.end };
      }
      case "func":
        return this.parseFunction(decorators, start);
      case "import":
        return this.parseImport(decorators, start);
      case "extension":
      case "provider":
        return this.parseExtension(decorators, start, this.tokenRef(this.next()));
      case "assert": {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier("an assertion name");
        this.expect("Assignment", "expected '=' after the assertion name");
        const value = this.parseExpression();
        return { kind: "Assert", decorators, keyword, name, value, start, end: value.end };
      }
      default:
        return this.fail(
          this.params ? "expected a declaration (using, param, var, import, type, func)" : "expected a declaration (param, var, resource, module, output, type, func, import, extension, metadata, targetScope)"
        );
    }
  }
  parseResource(decorators, start) {
    const keyword = this.tokenRef(this.next());
    const name = this.identifier("a resource name");
    const type = this.parseStringOrMissing("expected the resource type string");
    let existing;
    if (this.atWord("existing")) existing = this.tokenRef(this.next());
    this.expect("Assignment", existing ? "expected '=' after existing" : "expected '=' after the resource type");
    const value = this.parseDeclarationBody();
    return { kind: "Resource", decorators, keyword, name, type, ...existing ? { existing } : {}, value, start, end: value.end };
  }
  /** A resource/module body: `{...}`, `if (cond) {...}` or `[for ...]`. */
  parseDeclarationBody() {
    if (this.continuesWith("Identifier")) {
      let j = this.i;
      while (this.tokens[j].kind === "NewLine") j++;
      if (this.textOf(this.tokens[j]) === "if") this.i = j;
    }
    if (this.atWord("if")) return this.parseIf();
    const t = this.cur();
    if (t.kind !== "LeftBrace" && t.kind !== "LeftSquare") this.fail("expected '{', 'if' or '[for' for the body");
    return this.parseExpression();
  }
  parseIf() {
    const kw = this.next();
    const condition = this.parseParenthesized();
    const body = this.parseExpression();
    return { kind: "If", keyword: this.tokenRef(kw), condition, body, start: kw.start, end: body.end };
  }
  parseFunction(decorators, start) {
    const keyword = this.tokenRef(this.next());
    const name = this.identifier("a function name");
    this.expect("LeftParen", "expected '(' to start the function's parameters");
    this.modes.push(true);
    const parameters = [];
    while (!this.at("RightParen")) {
      const pname = this.identifier("a parameter name");
      const type = this.parseType();
      parameters.push({ kind: "TypedLambdaParameter", name: pname, type, start: pname.start, end: type.end });
      if (this.at("Comma")) this.next();
      else if (!this.at("RightParen")) this.fail("expected ',' or ')' in the parameter list");
    }
    this.modes.pop();
    this.next();
    const returnType = this.parseType();
    this.expect("Arrow", "expected '=>' after the function's return type");
    if (this.raw().kind === "NewLine") {
      let j = this.i;
      while (this.tokens[j].kind === "NewLine") j++;
      if (!this.declarationAt(j) && this.tokens[j].kind !== "EndOfFile") this.i = j;
    }
    const body = this.parseExpression();
    return { kind: "Function", decorators, keyword, name, parameters, returnType, body, start, end: body.end };
  }
  parseImport(decorators, start) {
    const keywordToken = this.next();
    const keyword = this.tokenRef(keywordToken);
    if (this.at("LeftBrace")) {
      this.next();
      this.modes.push(true);
      const symbols = [];
      while (!this.at("RightBrace")) {
        const t = this.cur();
        let name;
        if (t.kind === "StringComplete") {
          const s = this.parseString("expected a symbol name");
          name = { kind: "Identifier", name: s.value ?? "", start: s.start, end: s.end };
        } else {
          name = this.identifier("an imported symbol name");
        }
        let alias;
        if (this.atWord("as")) {
          this.next();
          alias = this.identifier("an alias after as");
        }
        symbols.push({ kind: "ImportedSymbol", name, ...alias ? { alias } : {}, start: name.start, end: alias?.end ?? name.end });
        if (this.at("Comma")) this.next();
        else if (!this.at("RightBrace") && this.tokens[this.i - 1].kind !== "NewLine") {
          this.fail("expected ',' or '}' in the import list");
        }
      }
      this.modes.pop();
      this.next();
      if (!this.atWord("from")) this.fail("expected 'from' after the imported symbols");
      this.next();
      const from = this.parseStringOrMissing("expected the path string to import from");
      return { kind: "CompileTimeImport", decorators, keyword, symbols, from, start, end: from.end };
    }
    if (this.at("Asterisk")) {
      this.next();
      if (!this.atWord("as")) this.fail("expected 'as' after '*'");
      this.next();
      const wildcardAlias = this.identifier("a namespace name after as");
      if (!this.atWord("from")) this.fail("expected 'from' after the namespace name");
      this.next();
      const from = this.parseStringOrMissing("expected the path string to import from");
      return { kind: "CompileTimeImport", decorators, keyword, wildcardAlias, from, start, end: from.end };
    }
    return this.parseExtension(decorators, start, keyword);
  }
  parseExtension(decorators, start, keyword) {
    let specification;
    const t = this.cur();
    if (isStringStart(t.kind)) {
      specification = this.parseString("expected the extension specification");
    } else if (t.kind === "Identifier") {
      this.next();
      specification = { kind: "VariableAccess", name: { kind: "Identifier", name: this.textOf(t), start: t.start, end: t.end }, start: t.start, end: t.end };
    } else {
      return this.fail("expected the extension name or specification string");
    }
    let config;
    let alias;
    let end = specification.end;
    if (this.atWord("with")) {
      this.next();
      config = this.parseObject();
      end = config.end;
    }
    if (this.atWord("as")) {
      this.next();
      alias = this.identifier("an alias after as");
      end = alias.end;
    }
    return { kind: "Extension", decorators, keyword, specification, ...config ? { config } : {}, ...alias ? { alias } : {}, start, end };
  }
  // ------------------------------------------------------------------------------------------
  // Expressions
  /**
   * The value of a declaration the rest of the file refers to (a variable, a parameter's
   * default). When it does not parse (`var x = obj.` while the user types), the declaration still
   * stands with a missing value, as the compiler keeps the symbol: every use of `x` is then not
   * an "unknown symbol" error of its own. The rest of the statement is skipped.
   */
  valueOrMissing() {
    const depth = this.depth;
    const modes = this.modes.length;
    const at2 = this.cur().start;
    try {
      return this.parseExpression();
    } catch (e) {
      if (!(e instanceof ParseError2) || e.abort) throw e;
      this.depth = depth;
      this.modes.length = modes;
      this.skipStatement();
      return { kind: "Missing", start: at2, end: Math.max(at2, this.tokens[Math.max(0, this.i - 1)]?.end ?? at2) };
    }
  }
  missing(at2) {
    return { kind: "Missing", start: at2, end: at2 };
  }
  parseExpression() {
    this.enter();
    this.enteredAt = this.i;
    const condition = this.parseBinary(1);
    let result = condition;
    if (this.at("Question") || this.continuesWith("Question")) {
      this.skipNewLines();
      this.next();
      this.skipNewLines();
      const whenTrue = this.parseExpression();
      if (this.continuesWith("Colon")) this.skipNewLines();
      this.expect("Colon", "expected ':' in the conditional expression");
      this.skipNewLines();
      const whenFalse = this.parseExpression();
      result = { kind: "Ternary", condition, whenTrue, whenFalse, start: condition.start, end: whenFalse.end };
    }
    this.leave();
    return result;
  }
  parseBinary(minPrecedence) {
    let left = this.parseUnary();
    for (; ; ) {
      const t = this.cur();
      const p = BINARY_PRECEDENCE[t.kind];
      if (p === void 0 || p < minPrecedence) return left;
      this.next();
      const right = this.parseBinary(p + 1);
      left = {
        kind: "Binary",
        operator: BINARY_OPERATOR[t.kind],
        operatorSpan: { start: t.start, end: t.end },
        left,
        right,
        start: left.start,
        end: right.end
      };
    }
  }
  parseUnary() {
    const t = this.cur();
    if (t.kind === "Exclamation" || t.kind === "Minus" || t.kind === "Plus") {
      this.enter();
      this.next();
      const operand = this.parseUnary();
      this.leave();
      const operator = t.kind === "Exclamation" ? "!" : t.kind === "Minus" ? "-" : "+";
      return { kind: "Unary", operator, operand, start: t.start, end: operand.end };
    }
    return this.parsePostfix();
  }
  parsePostfix() {
    let e = this.parsePrimary();
    for (; ; ) {
      const t = this.cur();
      if (t.kind === "Dot") {
        this.next();
        let safe = false;
        if (this.at("Question")) {
          this.next();
          safe = true;
        }
        const p = this.cur();
        if (!isNameToken(p.kind)) this.fail("expected a property name after '.'");
        this.next();
        const property = { kind: "Identifier", name: this.textOf(p), start: p.start, end: p.end };
        if (!safe && this.raw().kind === "LeftParen") {
          e = this.parseCall(property, e);
        } else {
          e = { kind: "PropertyAccess", base: e, property, safe, start: e.start, end: p.end };
        }
      } else if (t.kind === "LeftSquare") {
        this.next();
        let safe = false;
        let fromEnd = false;
        if (this.at("Question")) {
          this.next();
          safe = true;
        }
        if (this.at("Hat")) {
          this.next();
          fromEnd = true;
        }
        this.modes.push(true);
        const index2 = this.parseExpression();
        const close = this.expect("RightSquare", "expected ']' after the index");
        this.modes.pop();
        e = { kind: "ArrayAccess", base: e, index: index2, safe, fromEnd, start: e.start, end: close.end };
      } else if (t.kind === "DoubleColon") {
        this.next();
        const name = this.identifier("a resource name after '::'");
        e = { kind: "ResourceAccess", base: e, name, start: e.start, end: name.end };
      } else if (t.kind === "Exclamation") {
        this.next();
        e = { kind: "NonNullAssertion", base: e, start: e.start, end: t.end };
      } else {
        return e;
      }
    }
  }
  parseCall(name, base) {
    const open2 = this.next();
    this.modes.push(true);
    const args = [];
    while (!this.at("RightParen")) {
      if (this.at("EndOfFile")) this.fail("expected ')' to close the argument list");
      args.push(this.parseExpression());
      if (this.at("Comma")) {
        const comma = this.next();
        if (this.at("RightParen")) this.error("unexpected ',' before ')'", comma);
      } else if (!this.at("RightParen")) {
        this.fail("expected ',' or ')' after the function argument");
      }
    }
    const close = this.next();
    this.modes.pop();
    return {
      kind: "FunctionCall",
      ...base ? { base } : {},
      name,
      args,
      openParen: open2.start,
      closeParen: close.end,
      start: base ? base.start : name.start,
      end: close.end
    };
  }
  parsePrimary() {
    const t = this.cur();
    switch (t.kind) {
      case "Integer": {
        this.next();
        const text = this.textOf(t);
        return { kind: "Integer", text, value: Number(text), start: t.start, end: t.end };
      }
      case "TrueKeyword":
      case "FalseKeyword":
        this.next();
        return { kind: "Boolean", value: t.kind === "TrueKeyword", start: t.start, end: t.end };
      case "NullKeyword":
        this.next();
        return { kind: "Null", start: t.start, end: t.end };
      case "StringComplete":
      case "StringLeftPiece":
        return this.parseString("expected a string");
      case "Identifier": {
        const name = { kind: "Identifier", name: this.textOf(t), start: t.start, end: t.end };
        const after = this.peekAt(1);
        if (after.kind === "LeftParen") {
          this.next();
          return this.parseCall(name, void 0);
        }
        if (after.kind === "Arrow") {
          this.next();
          this.next();
          const body = this.parseExpression();
          return { kind: "Lambda", parameters: [name], body, start: t.start, end: body.end };
        }
        this.next();
        return { kind: "VariableAccess", name, start: t.start, end: t.end };
      }
      case "LeftParen":
        if (this.lambdaAhead()) return this.parseLambda();
        return this.parseParenthesized();
      case "LeftSquare":
        return this.parseArray();
      case "LeftBrace":
        return this.parseObject();
      case "NewLine":
      case "EndOfFile":
      case "RightBrace":
      case "RightSquare":
      case "RightParen":
      case "Comma":
        this.error("expected an expression" + this.found(t), t.kind === "NewLine" ? { start: t.start, end: t.start } : t);
        return this.missing(t.start);
      default:
        return this.fail("expected an expression");
    }
  }
  /** At `(`: is this `(a, b) =>`? Bounded by the parameter list's length. */
  lambdaAhead() {
    let j = this.i + 1;
    const k = () => {
      while (this.tokens[j].kind === "NewLine") j++;
      return this.tokens[j].kind;
    };
    if (k() !== "RightParen") {
      for (; ; ) {
        if (k() !== "Identifier") return false;
        j++;
        const sep = k();
        if (sep === "RightParen") break;
        if (sep !== "Comma") return false;
        j++;
      }
    }
    j++;
    return k() === "Arrow";
  }
  parseLambda() {
    const open2 = this.next();
    this.modes.push(true);
    const parameters = [];
    while (!this.at("RightParen")) {
      parameters.push(this.identifier("a lambda parameter name"));
      if (this.at("Comma")) this.next();
    }
    this.next();
    this.modes.pop();
    this.expect("Arrow", "expected '=>'");
    const body = this.parseExpression();
    return { kind: "Lambda", parameters, body, start: open2.start, end: body.end };
  }
  parseParenthesized() {
    const open2 = this.expect("LeftParen", "expected '('");
    this.modes.push(true);
    const expression = this.parseExpression();
    const close = this.expect("RightParen", "expected ')'");
    this.modes.pop();
    return { kind: "Parenthesized", expression, start: open2.start, end: close.end };
  }
  parseArray() {
    const counted = this.enterContainer();
    const open2 = this.next();
    this.modes.push(false);
    let j = this.i;
    while (this.tokens[j].kind === "NewLine") j++;
    const maybeFor = this.tokens[j];
    if (maybeFor.kind === "Identifier" && this.textOf(maybeFor) === "for") {
      this.i = j;
      const f = this.parseFor(open2);
      this.modes.pop();
      if (counted) this.leave();
      return f;
    }
    const items = [];
    this.skipNewLines();
    while (!this.at("RightSquare")) {
      if (this.at("EndOfFile")) this.fail("expected ']' to close the array");
      const item = this.recover("RightSquare", () => {
        const it = this.parseItemOrSpread();
        this.afterItem("RightSquare", "array item");
        return it;
      });
      if (item) items.push(item);
      else this.afterRecovery();
    }
    const close = this.next();
    this.modes.pop();
    if (counted) this.leave();
    return { kind: "Array", items, start: open2.start, end: close.end };
  }
  /** After an array item or object property: `,` or new line(s), or the closing bracket. */
  afterItem(closer, what) {
    const t = this.raw();
    if (t.kind === "Comma") {
      this.i++;
      let lastComma = t;
      if (this.raw().kind === "Comma") {
        this.error(`unexpected ',' after the ${what}`, this.raw());
        while (this.raw().kind === "Comma") lastComma = this.tokens[this.i++];
      }
      if (this.raw().kind === "NewLine") this.error("unexpected new line after a comma", { start: lastComma.end, end: lastComma.end });
      this.skipNewLines();
    } else if (t.kind === "NewLine") {
      this.skipNewLines();
    } else if (t.kind !== closer) {
      this.fail(`expected ',', a new line or '${closer === "RightSquare" ? "]" : "}"}' after the ${what}`);
    }
  }
  afterRecovery() {
    if (this.raw().kind === "NewLine") this.skipNewLines();
  }
  parseItemOrSpread() {
    const t = this.cur();
    if (t.kind === "Ellipsis") {
      this.next();
      const expression = this.parseExpression();
      return { kind: "Spread", expression, start: t.start, end: expression.end };
    }
    return this.parseExpression();
  }
  parseFor(open2) {
    this.next();
    let item;
    let index2;
    if (this.at("LeftParen")) {
      this.next();
      this.modes.push(true);
      item = this.identifier("the loop item name");
      this.expect("Comma", "expected ',' after the loop item name");
      index2 = this.identifier("the loop index name");
      this.expect("RightParen", "expected ')' after the loop index name");
      this.modes.pop();
    } else {
      item = this.identifier("the loop item name");
    }
    if (!this.atWord("in")) this.fail("expected 'in' after the loop variable");
    this.next();
    const iterable = this.parseExpression();
    this.expect("Colon", "expected ':' after the loop's array expression");
    this.skipNewLines();
    const body = this.atWord("if") && this.peekAt(1).kind === "LeftParen" ? this.parseIf() : this.parseExpression();
    this.skipNewLines();
    const close = this.expect("RightSquare", "expected ']' to close the for-expression");
    return { kind: "For", item, ...index2 ? { index: index2 } : {}, iterable, body, start: open2.start, end: close.end };
  }
  parseObject() {
    const counted = this.enterContainer();
    const open2 = this.expect("LeftBrace", "expected '{'");
    this.modes.push(false);
    const properties = [];
    this.skipNewLines();
    while (!this.at("RightBrace")) {
      if (this.at("EndOfFile")) this.fail("expected '}' to close the object");
      const p = this.recover("RightBrace", () => {
        const prop2 = this.parseObjectProperty();
        this.afterItem("RightBrace", "object property");
        return prop2;
      });
      if (p) properties.push(p);
      else this.afterRecovery();
    }
    const close = this.next();
    this.modes.pop();
    if (counted) this.leave();
    return { kind: "Object", properties, start: open2.start, end: close.end };
  }
  parseObjectProperty() {
    const decorators = this.parseDecorators();
    const t = this.cur();
    if (t.kind === "Ellipsis") {
      this.next();
      const expression = this.parseExpression();
      return { kind: "Spread", expression, start: t.start, end: expression.end };
    }
    if (t.kind === "Identifier" && this.textOf(t) === "resource" && this.peekAt(1).kind === "Identifier") {
      return this.parseResource(decorators, decorators[0]?.start ?? t.start);
    }
    let key2;
    let keyName;
    if (isNameToken(t.kind)) {
      this.next();
      keyName = this.textOf(t);
      key2 = { kind: "Identifier", name: keyName, start: t.start, end: t.end };
    } else if (isStringStart(t.kind)) {
      key2 = this.parseString("expected a property name");
      keyName = key2.value;
    } else {
      return this.fail("expected a property name");
    }
    this.expect("Colon", "expected ':' after the object property name");
    const value = this.parseExpression();
    return {
      kind: "ObjectProperty",
      ...decorators.length > 0 ? { decorators } : {},
      key: key2,
      ...keyName !== void 0 ? { keyName } : {},
      value,
      start: decorators[0]?.start ?? key2.start,
      end: value.end
    };
  }
  parseStringOrMissing(message) {
    if (isStringStart(this.cur().kind)) return this.parseString(message);
    if (this.at("Assignment")) {
      this.error(message + this.found(this.cur()), this.cur());
      return this.missing(this.cur().start);
    }
    return this.fail(message);
  }
  /** A string literal, interpolated or not, single- or multi-line. */
  parseString(message) {
    const t = this.cur();
    if (!isStringStart(t.kind)) this.fail(message);
    this.next();
    const dollars = t.dollars ?? -1;
    const multiline = dollars >= 0;
    if (t.kind === "StringComplete") {
      const value = this.segmentText(t, true, true, dollars);
      return {
        kind: "String",
        segments: [value],
        segmentSpans: [{ start: t.start, end: t.end }],
        expressions: [],
        multiline,
        value,
        start: t.start,
        end: t.end
      };
    }
    this.enter();
    const segments = [this.segmentText(t, true, false, dollars)];
    const segmentSpans = [{ start: t.start, end: t.end }];
    const expressions = [];
    this.modes.push(true);
    let end;
    for (; ; ) {
      expressions.push(this.parseExpression());
      const p = this.cur();
      if (p.kind !== "StringMiddlePiece" && p.kind !== "StringRightPiece") this.fail("expected '}' to close the string interpolation");
      this.next();
      segments.push(this.segmentText(p, false, p.kind === "StringRightPiece", dollars));
      segmentSpans.push({ start: p.start, end: p.end });
      end = p.end;
      if (p.kind === "StringRightPiece") break;
    }
    this.modes.pop();
    this.leave();
    return { kind: "String", segments, segmentSpans, expressions, multiline, start: t.start, end };
  }
  /** The decoded text of a string piece; `first`/`last` say which delimiters it has. */
  segmentText(t, first, last, dollars) {
    const text = this.text;
    if (dollars < 0) {
      const s2 = t.start + 1;
      let e2 = t.end;
      if (last) {
        if (text.charCodeAt(e2 - 1) === 39 && e2 - 1 >= s2) e2--;
      } else {
        e2 -= 2;
      }
      return decodeStringContent(text.slice(s2, Math.max(s2, e2)));
    }
    let s = first ? t.start + dollars + 3 : t.start + 1;
    let e = t.end;
    if (last) {
      if (text.endsWith("'''", e) && e - 3 >= s) e -= 3;
    } else {
      e -= dollars + 1;
    }
    if (first) {
      if (text.charCodeAt(s) === 13 && s < e) s++;
      if (text.charCodeAt(s) === 10 && s < e) s++;
    }
    return text.slice(s, Math.max(s, e));
  }
  // ------------------------------------------------------------------------------------------
  // Type expressions
  parseType() {
    this.enter();
    this.enteredAt = this.i;
    if (this.continuesWith("Pipe")) this.skipNewLines();
    const t = this.cur();
    let leadingPipe = false;
    if (t.kind === "Pipe") {
      this.next();
      leadingPipe = true;
    }
    const first = this.parseSingularType();
    let result = first;
    if (this.at("Pipe") || leadingPipe || this.continuesWith("Pipe")) {
      const members = [first];
      while (this.at("Pipe") || this.continuesWith("Pipe")) {
        this.skipNewLines();
        this.next();
        this.skipNewLines();
        members.push(this.parseSingularType());
      }
      const last = members[members.length - 1];
      result = { kind: "UnionType", members, start: t.start, end: last.end };
    }
    this.leave();
    return result;
  }
  parseSingularType() {
    let e = this.parsePrimaryType();
    for (; ; ) {
      const t = this.raw();
      if (t.kind === "LeftSquare") {
        const n = this.peekAt(1);
        if (n.kind === "RightSquare") {
          this.i += 2;
          e = { kind: "ArrayType", element: e, start: e.start, end: n.end };
        } else if ((n.kind === "Integer" || n.kind === "Asterisk") && this.peekAt(2).kind === "RightSquare") {
          const close = this.peekAt(2);
          this.i += 3;
          const index2 = n.kind === "Integer" ? { kind: "Integer", text: this.textOf(n), value: Number(this.textOf(n)), start: n.start, end: n.end } : void 0;
          e = { kind: "TypeIndexAccess", base: e, ...index2 ? { index: index2 } : {}, start: e.start, end: close.end };
        } else {
          return e;
        }
      } else if (t.kind === "Question") {
        this.i++;
        e = { kind: "NullableType", base: e, start: e.start, end: t.end };
      } else if (t.kind === "Exclamation") {
        this.i++;
        e = { kind: "NonNullableType", base: e, start: e.start, end: t.end };
      } else if (t.kind === "LeftChevron" && (e.kind === "TypeReference" || e.kind === "TypePropertyAccess")) {
        e = this.parseTypeArguments(e);
      } else if (t.kind === "Dot") {
        this.i++;
        const p = this.cur();
        if (p.kind === "Asterisk") {
          this.next();
          e = { kind: "TypeAdditionalPropertiesAccess", base: e, start: e.start, end: p.end };
        } else {
          if (!isNameToken(p.kind)) this.fail("expected a property name after '.'");
          this.next();
          e = { kind: "TypePropertyAccess", base: e, property: { kind: "Identifier", name: this.textOf(p), start: p.start, end: p.end }, start: e.start, end: p.end };
        }
      } else {
        return e;
      }
    }
  }
  parsePrimaryType() {
    const t = this.cur();
    switch (t.kind) {
      case "Identifier": {
        this.next();
        const name = { kind: "Identifier", name: this.textOf(t), start: t.start, end: t.end };
        return { kind: "TypeReference", name, start: t.start, end: t.end };
      }
      case "StringComplete":
      case "StringLeftPiece": {
        const value = this.parseString("expected a type");
        return { kind: "LiteralType", value, start: value.start, end: value.end };
      }
      case "Integer":
      case "TrueKeyword":
      case "FalseKeyword":
      case "NullKeyword": {
        const value = this.parsePrimary();
        return { kind: "LiteralType", value, start: value.start, end: value.end };
      }
      case "Minus":
      case "Plus":
      case "Exclamation": {
        this.next();
        const operand = this.parsePrimaryType();
        const operator = t.kind === "Exclamation" ? "!" : t.kind === "Minus" ? "-" : "+";
        const inner = operand.kind === "LiteralType" ? operand.value : this.missing(operand.start);
        if (operand.kind !== "LiteralType") this.error("expected a literal after the unary operator", operand);
        return { kind: "LiteralType", value: { kind: "Unary", operator, operand: inner, start: t.start, end: operand.end }, start: t.start, end: operand.end };
      }
      case "LeftBrace":
        return this.parseObjectType();
      case "LeftSquare":
        return this.parseTupleType();
      case "LeftParen": {
        this.next();
        this.modes.push(true);
        const type = this.parseType();
        const close = this.expect("RightParen", "expected ')' after the type");
        this.modes.pop();
        return { kind: "ParenthesizedType", type, start: t.start, end: close.end };
      }
      default:
        return this.fail("expected a type");
    }
  }
  /** `name<args>` / `ns.name<args>`, at `<`. */
  parseTypeArguments(e) {
    this.next();
    this.modes.push(true);
    const args = [];
    while (!this.at("RightChevron")) {
      args.push(this.parseType());
      if (this.at("Comma")) this.next();
      else if (!this.at("RightChevron")) this.fail("expected ',' or '>' in the type arguments");
    }
    const close = this.next();
    this.modes.pop();
    const name = e.kind === "TypeReference" ? e.name : e.property;
    const namespace = e.kind === "TypePropertyAccess" ? e.base : void 0;
    return { kind: "ParameterizedType", ...namespace ? { namespace } : {}, name, args, start: e.start, end: close.end };
  }
  parseObjectType() {
    const counted = this.enterContainer();
    const open2 = this.next();
    this.modes.push(false);
    const properties = [];
    this.skipNewLines();
    while (!this.at("RightBrace")) {
      if (this.at("EndOfFile")) this.fail("expected '}' to close the object type");
      const p = this.recover("RightBrace", () => {
        const decorators = this.parseDecorators();
        const k = this.cur();
        let key2;
        let keyName;
        if (k.kind === "Asterisk") {
          this.next();
        } else if (isNameToken(k.kind)) {
          this.next();
          keyName = this.textOf(k);
          key2 = { kind: "Identifier", name: keyName, start: k.start, end: k.end };
        } else if (isStringStart(k.kind)) {
          key2 = this.parseString("expected a property name");
          keyName = key2.value;
        } else {
          this.fail("expected a property name");
        }
        this.expect("Colon", "expected ':' after the property name");
        const value = this.parseType();
        const prop2 = {
          kind: "ObjectTypeProperty",
          decorators,
          ...key2 ? { key: key2 } : {},
          ...keyName !== void 0 ? { keyName } : {},
          additional: key2 === void 0,
          value,
          start: decorators[0]?.start ?? k.start,
          end: value.end
        };
        this.afterItem("RightBrace", "property type");
        return prop2;
      });
      if (p) properties.push(p);
      else this.afterRecovery();
    }
    const close = this.next();
    this.modes.pop();
    if (counted) this.leave();
    return { kind: "ObjectType", properties, start: open2.start, end: close.end };
  }
  parseTupleType() {
    const counted = this.enterContainer();
    const open2 = this.next();
    this.modes.push(false);
    const items = [];
    this.skipNewLines();
    while (!this.at("RightSquare")) {
      if (this.at("EndOfFile")) this.fail("expected ']' to close the tuple type");
      const item = this.recover("RightSquare", () => {
        const decorators = this.parseDecorators();
        const value = this.parseType();
        const it = { kind: "TupleTypeItem", decorators, value, start: decorators[0]?.start ?? value.start, end: value.end };
        this.afterItem("RightSquare", "tuple item type");
        return it;
      });
      if (item) items.push(item);
      else this.afterRecovery();
    }
    const close = this.next();
    this.modes.pop();
    if (counted) this.leave();
    return { kind: "TupleType", items, start: open2.start, end: close.end };
  }
};
function describeStatement(s) {
  switch (s.kind) {
    case "Parameter":
    case "ParameterAssignment":
      return "parameter declaration";
    case "Variable":
      return "variable declaration";
    case "Resource":
      return "resource declaration";
    case "Module":
      return "module declaration";
    case "Output":
      return "output declaration";
    case "TypeDeclaration":
      return "type declaration";
    default:
      return "declaration";
  }
}

// src/bicep/pragmas.ts
var VTAPLINT = "vtaplint-disable-next-line";
function collectPragmas(source, trivia) {
  const out = [];
  const text = source.text;
  for (const t of trivia) {
    const raw = text.slice(t.start, t.end);
    const span = new TextSpan(source, t.start, t.end);
    if (t.kind === "directive") {
      const words = raw.slice(1).split(/[ \t]+/).filter((w) => w.length > 0);
      const kind = words[0];
      const ownLine = source.position(t.start).line;
      out.push({ kind, ruleIds: words.slice(1), line: kind === "disable-next-line" ? ownLine + 1 : ownLine, span });
      continue;
    }
    const body = t.kind === "line-comment" ? raw.slice(2) : raw.slice(2, raw.endsWith("*/") ? -2 : void 0);
    const trimmed = body.trim();
    if (!trimmed.startsWith(VTAPLINT)) continue;
    const after = trimmed.slice(VTAPLINT.length);
    if (after.length > 0 && !/^[\s,]/.test(after)) continue;
    const sep = after.indexOf("--");
    const ids = (sep >= 0 ? after.slice(0, sep) : after).split(/[\s,]+/).filter((w) => w.length > 0);
    const reason = sep >= 0 ? after.slice(sep + 2).trim() : "";
    const endLine = source.position(t.end).line;
    out.push({ kind: "vtaplint-disable-next-line", ruleIds: ids, ...reason ? { reason } : {}, line: endLine + 1, span });
  }
  return out;
}

// src/bicep/yaml.ts
var import_node_module2 = require("node:module");
var yaml;
function load() {
  if (yaml) return yaml;
  const req = (0, import_node_module2.createRequire)(__vtaplintBundleUrl);
  try {
    yaml = req("./yaml.cjs");
  } catch (e) {
    if (e.code !== "MODULE_NOT_FOUND") throw e;
    yaml = req("yaml");
  }
  return yaml;
}
function parseYaml(text) {
  try {
    const y = load();
    const options = { version: "1.2", schema: "core", maxAliasCount: 100, uniqueKeys: false, prettyErrors: true, logLevel: "error" };
    const doc = y.parseDocument(text, options);
    const duplicate = firstDuplicateKey(y, doc);
    const first = doc.errors[0];
    if (duplicate !== void 0 && (first === void 0 || duplicate < first.pos[0])) return { error: `Map keys must be unique at ${lineColumn(text, duplicate)}:` };
    if (first) return { error: first.message.split("\n")[0] ?? "" };
    const value = doc.toJS(options);
    if (containsItself(value, [])) return { error: "an alias refers to a node that contains it, which has no JSON value" };
    return { value };
  } catch (e) {
    const message = e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e);
    return { error: message };
  }
}
function firstDuplicateKey(y, doc) {
  let first;
  y.visit(doc, {
    Map(_key, map) {
      const seen = /* @__PURE__ */ new Set();
      for (const { key: key2 } of map.items) {
        if (!y.isScalar(key2)) continue;
        const v = key2.value;
        if (typeof v === "number" && Number.isNaN(v)) continue;
        if (seen.has(v)) {
          const at2 = key2.range?.[0];
          if (at2 !== void 0 && (first === void 0 || at2 < first)) first = at2;
        } else seen.add(v);
      }
    }
  });
  return first;
}
function lineColumn(text, offset) {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}
function containsItself(v, path11) {
  if (v === null || typeof v !== "object") return false;
  if (path11.includes(v)) return true;
  path11.push(v);
  const children = Array.isArray(v) ? v : Object.values(v);
  const found = children.some((c) => containsItself(c, path11));
  path11.pop();
  return found;
}

// src/bicep/lower.ts
var import_node_path4 = __toESM(require("node:path"), 1);

// src/expr/json-text.ts
var MAX_DEPTH2 = 512;
var Fail = class {
  constructor(message, offset) {
    this.message = message;
    this.offset = offset;
  }
  message;
  offset;
};
var P = class {
  constructor(s) {
    this.s = s;
  }
  s;
  i = 0;
  ws() {
    const s = this.s;
    for (; ; ) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 65279) this.i++;
      else if (c === 47 && s[this.i + 1] === "/") {
        const e = s.indexOf("\n", this.i);
        this.i = e < 0 ? s.length : e + 1;
      } else if (c === 47 && s[this.i + 1] === "*") {
        const e = s.indexOf("*/", this.i + 2);
        if (e < 0) throw new Fail("unterminated comment", this.i);
        this.i = e + 2;
      } else return;
    }
  }
  value(depth) {
    if (depth > MAX_DEPTH2) throw new Fail("nested too deeply", this.i);
    this.ws();
    const c = this.s[this.i];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"' || c === "'") return this.string();
    const m = /^-?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/.exec(this.s.slice(this.i, this.i + 400));
    if (m) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    for (const [w, v] of [
      ["true", true],
      ["false", false],
      ["null", null]
    ]) {
      if (this.s.startsWith(w, this.i)) {
        this.i += w.length;
        return v;
      }
    }
    throw new Fail(c === void 0 ? "unexpected end of text" : `unexpected character '${c}'`, this.i);
  }
  string() {
    const q = this.s[this.i];
    this.i++;
    let out = "";
    for (; ; ) {
      const c = this.s[this.i];
      if (c === void 0) throw new Fail("unterminated string", this.i);
      this.i++;
      if (c === q) return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      switch (e) {
        case "n":
          out += "\n";
          break;
        case "t":
          out += "	";
          break;
        case "r":
          out += "\r";
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "u": {
          const h = this.s.slice(this.i, this.i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new Fail("invalid \\u escape", this.i);
          out += String.fromCharCode(parseInt(h, 16));
          this.i += 4;
          break;
        }
        case void 0:
          throw new Fail("unterminated string", this.i);
        default:
          out += e;
      }
    }
  }
  key() {
    this.ws();
    const c = this.s[this.i];
    if (c === '"' || c === "'") return this.string();
    const m = /^[A-Za-z_$][\w$-]*/.exec(this.s.slice(this.i, this.i + 1e3));
    if (!m) throw new Fail("expected a property name", this.i);
    this.i += m[0].length;
    return m[0];
  }
  object(depth) {
    this.i++;
    const o = new ObjectValue();
    for (; ; ) {
      this.ws();
      if (this.s[this.i] === "}") {
        this.i++;
        return o;
      }
      const k = this.key();
      this.ws();
      if (this.s[this.i] !== ":") throw new Fail("expected ':'", this.i);
      this.i++;
      o.set(k, this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== "}") throw new Fail("expected ',' or '}'", this.i);
    }
  }
  array(depth) {
    this.i++;
    const a = [];
    for (; ; ) {
      this.ws();
      if (this.s[this.i] === "]") {
        this.i++;
        return a;
      }
      a.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== "]") throw new Fail("expected ',' or ']'", this.i);
    }
  }
};
function parseJsonText(s) {
  const p = new P(s);
  try {
    const value = p.value(0);
    p.ws();
    if (p.i < s.length) return { ok: false, message: `unexpected text after the JSON value at ${p.i}`, offset: p.i };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, message: e.message, offset: e.offset };
    return { ok: false, message: String(e), offset: 0 };
  }
}

// src/expr/functions/args.ts
function expectString(env, args, i) {
  const v = args[i];
  if (typeof v === "string") return v;
  if (v instanceof Unknown) return v;
  return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'String'. The provided value is of type '${typeName(v)}'.`, i);
}
function expectInt(env, args, i) {
  const v = args[i];
  if (typeof v === "number") return v;
  if (v instanceof Unknown) return v;
  return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'Integer'. The provided value is of type '${typeName(v)}'.`, i);
}
function expectArray(env, args, i) {
  const v = args[i];
  if (Array.isArray(v)) return v;
  if (v instanceof Unknown) return v;
  return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'Array'. The provided value is of type '${typeName(v)}'.`, i);
}
function expectObject(env, args, i) {
  const v = args[i];
  if (v instanceof ObjectValue) return v;
  if (v instanceof Unknown) return v;
  return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'Object'. The provided value is of type '${typeName(v)}'.`, i);
}
function expectStrings(env, args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const s = expectString(env, args, i);
    if (s instanceof Unknown) return s;
    out.push(s);
  }
  return out;
}

// src/expr/functions/collections.ts
function wrongType(env, v, expected, i = 0) {
  return env.error(`The template function '${env.name}' expects ${expected}; the provided value is of type '${typeName(v)}'.`, i);
}
function arrayIndexOf(arr, item, fromEnd) {
  let unsure = false;
  const n = arr.length;
  for (let k = 0; k < n; k++) {
    const i = fromEnd ? n - 1 - k : k;
    const r = deepEquals(arr[i], item);
    if (r === true) return unsure ? -2 : i;
    if (r === void 0) unsure = true;
  }
  return unsure ? -2 : -1;
}
function indexOfFn(name, fromEnd) {
  return {
    name,
    min: 2,
    max: 2,
    returns: "int",
    unknownArgs: true,
    impl: (args, env) => {
      const [c, item] = args;
      if (c instanceof Unknown) return new Unknown(c.reason, "int");
      if (Array.isArray(c)) {
        const i = arrayIndexOf(c, item, fromEnd);
        if (i === -2) return new Unknown((item instanceof Unknown ? item : c.find((x) => x instanceof Unknown)).reason, "int");
        return i;
      }
      if (item instanceof Unknown) return new Unknown(item.reason, "int");
      if (typeof c === "string") {
        if (typeof item !== "string") return wrongType(env, item, "a string to find", 1);
        const h = foldCase(c);
        const s = foldCase(item);
        return fromEnd ? h.lastIndexOf(s) : h.indexOf(s);
      }
      return wrongType(env, c, "a string or an array");
    }
  };
}
function firstLast(name, last) {
  return {
    name,
    min: 1,
    max: 1,
    impl: (args, env) => {
      const v = args[0];
      if (typeof v === "string") return v.length === 0 ? "" : last ? v.charAt(v.length - 1) : v.charAt(0);
      if (Array.isArray(v)) return v.length === 0 ? null : last ? v[v.length - 1] : v[0];
      return wrongType(env, v, "a string or an array");
    }
  };
}
function skipTake(name, take) {
  return {
    name,
    min: 2,
    max: 2,
    impl: (args, env) => {
      const v = args[0];
      const n = expectInt(env, args, 1);
      if (n instanceof Unknown) return n;
      if (typeof v === "string") {
        const k = Math.max(0, Math.min(n, v.length));
        return take ? v.slice(0, k) : v.slice(k);
      }
      if (Array.isArray(v)) {
        const k = Math.max(0, Math.min(n, v.length));
        return take ? v.slice(0, k) : v.slice(k);
      }
      return wrongType(env, v, "a string or an array");
    }
  };
}
function mergeObjects(objs, deep, depth = 0) {
  const out = new ObjectValue();
  for (const o of objs) {
    for (const e of o.located()) {
      const prev = out.get(e.key);
      if (deep && depth < 64 && prev instanceof ObjectValue && e.value instanceof ObjectValue) {
        out.set(e.key, mergeObjects([prev, e.value], true, depth + 1), e.span, e.keySpan);
      } else out.set(e.key, e.value, e.span, e.keySpan);
    }
  }
  return out;
}
function distinctValues(arr, env) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const x of arr) {
    env.step();
    if (x === null || typeof x === "string" || typeof x === "number" || typeof x === "boolean") {
      const key2 = typeof x === "string" ? `s${x}` : x;
      if (seen.has(key2)) continue;
      seen.add(key2);
      out.push(x);
    } else if (!out.some((y) => deepEquals(y, x) === true)) out.push(x);
  }
  return out;
}
function sameKind(args, env) {
  const first = args[0];
  const kind = Array.isArray(first) ? "array" : first instanceof ObjectValue ? "object" : void 0;
  if (!kind) return wrongType(env, first, "arrays or objects");
  for (let i = 1; i < args.length; i++) {
    const v = args[i];
    if (kind === "array" && !Array.isArray(v) || kind === "object" && !(v instanceof ObjectValue)) {
      return wrongType(env, v, `all parameters to be of type '${kind === "array" ? "Array" : "Object"}'`, i);
    }
  }
  return kind;
}
function upperUnit(c) {
  const u = c.toUpperCase();
  return (u.length === 1 ? u : c).charCodeAt(0);
}
function compareKeys(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = upperUnit(a.charAt(i)) - upperUnit(b.charAt(i));
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
function tryIndex(v, key2) {
  if (v instanceof ObjectValue && typeof key2 === "string") return v.get(key2);
  if (Array.isArray(v) && typeof key2 === "number") return key2 >= 0 && key2 < v.length ? v[key2] : void 0;
  return void 0;
}
function pathStep(v, key2) {
  if (!(key2 instanceof ObjectValue) || !key2.has("value")) return tryIndex(v, key2);
  const n = key2.get("value");
  const fromEnd = key2.get("fromEnd") ?? false;
  if (n instanceof Unknown) return new Unknown(n.reason);
  if (fromEnd instanceof Unknown) return new Unknown(fromEnd.reason);
  if (fromEnd !== true) return fromEnd === false || fromEnd === null ? tryIndex(v, n) : void 0;
  if (!Array.isArray(v) || typeof n !== "number") return void 0;
  return n >= 1 && n <= v.length ? v[v.length - n] : void 0;
}
function followPath(start, args, from) {
  let v = start;
  for (let i = from; i < args.length; i++) {
    if (v instanceof Unknown) return new Unknown(v.reason, void 0, void 0, v.symbol !== void 0 && typeof args[i] === "string" ? `${v.symbol}.${args[i]}` : void 0);
    const k = args[i];
    if (k instanceof Unknown) return new Unknown(k.reason);
    if (v === null) return null;
    const next = pathStep(v, k);
    if (next === void 0) return null;
    v = next;
  }
  return v;
}
var collectionFunctions = [
  { name: "array", min: 1, max: 1, returns: "array", impl: (args) => Array.isArray(args[0]) ? args[0] : [args[0]] },
  { name: "createArray", min: 0, max: void 0, returns: "array", unknownArgs: true, impl: (args) => args },
  {
    name: "createObject",
    min: 0,
    max: void 0,
    returns: "object",
    unknownArgs: true,
    impl: (args, env) => {
      if (args.length % 2 !== 0) return env.error("The template function 'createObject' expects an even number of parameters (key, value pairs).");
      const o = new ObjectValue();
      for (let i = 0; i < args.length; i += 2) {
        const k = args[i];
        const name = k instanceof Unknown ? unknownPropertyName(k) : k;
        if (k instanceof Unknown && name === void 0) return new Unknown(k.reason, "object");
        if (typeof name !== "string") return wrongType(env, k, "string property names", i);
        o.set(name, args[i + 1], env.argSpan(i + 1), env.argSpan(i));
      }
      return o;
    }
  },
  { name: "null", min: 0, max: 0, impl: () => null },
  {
    name: "concat",
    min: 0,
    max: void 0,
    unknownArgs: true,
    impl: (args, env) => {
      if (args.length === 0) return "";
      const isArrays = args.some((a) => Array.isArray(a) || a instanceof Unknown && a.type === "array");
      if (isArrays) {
        const out = [];
        for (let i = 0; i < args.length; i++) {
          const a = args[i];
          if (a instanceof Unknown) return new Unknown(a.reason, "array");
          if (!Array.isArray(a)) return wrongType(env, a, "all parameters to be of type 'Array'", i);
          const lim2 = env.checkArray(out.length + a.length);
          if (lim2) return lim2;
          for (const x of a) out.push(x);
        }
        return out;
      }
      const pieces = [];
      let len = 0;
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a instanceof Unknown) pieces.push(a);
        else if (typeof a === "string") {
          len += a.length;
          pieces.push(a);
        } else if (typeof a === "number" || typeof a === "boolean") pieces.push(typeof a === "boolean" ? a ? "True" : "False" : String(a));
        else if (a === null) continue;
        else return wrongType(env, a, "strings, integers or arrays", i);
      }
      const lim = env.checkString(len);
      if (lim) return lim;
      return partialString(pieces);
    }
  },
  {
    name: "contains",
    min: 2,
    max: 2,
    returns: "bool",
    unknownArgs: true,
    impl: (args, env) => {
      const [c, item] = args;
      if (c instanceof Unknown && typeof item === "string" && c.parts?.some((p) => typeof p === "string" && p.includes(item))) return true;
      if (c instanceof Unknown) return new Unknown(c.reason, "bool");
      if (c instanceof ObjectValue) {
        if (item instanceof Unknown) return new Unknown(item.reason, "bool");
        if (typeof item !== "string") return wrongType(env, item, "a string key", 1);
        return c.has(item);
      }
      if (Array.isArray(c)) {
        let unsure;
        for (const x of c) {
          const r = deepEquals(x, item);
          if (r === true) return true;
          if (r === void 0) unsure ??= item instanceof Unknown ? item : x instanceof Unknown ? x : findUnknown(x) ?? findUnknown(item);
        }
        return unsure ? new Unknown(unsure.reason, "bool") : false;
      }
      if (typeof c === "string") {
        if (item instanceof Unknown) return new Unknown(item.reason, "bool");
        if (typeof item === "number") return c.includes(String(item));
        if (typeof item !== "string") return wrongType(env, item, "a string to find", 1);
        return c.includes(item);
      }
      return wrongType(env, c, "an array, an object or a string");
    }
  },
  {
    name: "empty",
    min: 1,
    max: 1,
    returns: "bool",
    unknownArgs: true,
    impl: (args, env) => {
      const v = args[0];
      if (v instanceof Unknown) {
        if (v.parts?.some((p) => typeof p === "string" && p.length > 0)) return false;
        return new Unknown(v.reason, "bool");
      }
      if (v === null) return true;
      if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
      if (v instanceof ObjectValue) return v.size === 0;
      return wrongType(env, v, "a string, an array, an object or null");
    }
  },
  {
    name: "length",
    min: 1,
    max: 1,
    returns: "int",
    impl: (args, env) => {
      const v = args[0];
      if (typeof v === "string" || Array.isArray(v)) return v.length;
      if (v instanceof ObjectValue) return v.size;
      return wrongType(env, v, "a string, an array or an object");
    }
  },
  firstLast("first", false),
  firstLast("last", true),
  indexOfFn("indexOf", false),
  indexOfFn("lastIndexOf", true),
  skipTake("skip", false),
  skipTake("take", true),
  {
    name: "range",
    min: 2,
    max: 2,
    returns: "array",
    impl: (args, env) => {
      const start = expectInt(env, args, 0);
      if (start instanceof Unknown) return start;
      const count = expectInt(env, args, 1);
      if (count instanceof Unknown) return count;
      if (count < 0) return env.error(`The template function 'range' expects a non-negative count; the provided value is '${count}'.`, 1);
      const lim = env.checkArray(count);
      if (lim) return lim;
      if (count > 1e4) return env.error(`The template function 'range' allows at most 10000 elements; the provided count is '${count}'.`, 1);
      if (start + count > 2147483647) return env.error("The sum of the start index and the count of 'range' must not exceed 2147483647.");
      const out = new Array(count);
      for (let i = 0; i < count; i++) out[i] = start + i;
      return out;
    }
  },
  {
    name: "union",
    min: 2,
    max: void 0,
    unknownArgs: true,
    impl: (args, env) => {
      const u = args.find((a) => a instanceof Unknown);
      const known3 = args.filter((a) => !(a instanceof Unknown));
      if (u) return new Unknown(u.reason, Array.isArray(known3[0]) ? "array" : known3[0] instanceof ObjectValue ? "object" : void 0);
      const kind = sameKind(args, env);
      if (kind instanceof Unknown) return kind;
      if (kind === "object") return mergeObjects(args, true);
      return distinctValues([].concat(...args), env);
    }
  },
  {
    name: "intersection",
    min: 2,
    max: void 0,
    impl: (args, env) => {
      const kind = sameKind(args, env);
      if (kind instanceof Unknown) return kind;
      if (kind === "object") {
        const objs = args;
        const out = new ObjectValue();
        for (const e of objs[0].located()) {
          if (objs.every((o) => o.has(e.key) && deepEquals(o.get(e.key), e.value) === true)) out.set(e.key, e.value, e.span, e.keySpan);
        }
        return out;
      }
      const arrs = args;
      const first = distinctValues(arrs[0], env);
      return first.filter((x) => arrs.every((a) => arrayIndexOf(a, x, false) >= 0));
    }
  },
  {
    name: "flatten",
    min: 1,
    max: 1,
    returns: "array",
    impl: (args, env) => {
      const a = expectArray(env, args, 0);
      if (a instanceof Unknown) return a;
      const out = [];
      for (const x of a) {
        if (x instanceof Unknown) return new Unknown(x.reason, "array");
        if (!Array.isArray(x)) return wrongType(env, x, "an array of arrays");
        for (const y of x) out.push(y);
        const lim = env.checkArray(out.length);
        if (lim) return lim;
      }
      return out;
    }
  },
  {
    name: "distinct",
    min: 1,
    max: 1,
    returns: "array",
    impl: (args, env) => {
      const a = expectArray(env, args, 0);
      return a instanceof Unknown ? a : distinctValues(a, env);
    }
  },
  {
    name: "indexFromEnd",
    min: 2,
    max: 2,
    impl: (args, env) => {
      const a = args[0];
      const i = expectInt(env, args, 1);
      if (i instanceof Unknown) return i;
      if (!Array.isArray(a) && typeof a !== "string") return wrongType(env, a, "an array");
      if (i < 1 || i > a.length) return env.error(`The index from the end '${i}' is out of range for a value of length ${a.length}.`, 1);
      return typeof a === "string" ? a.charAt(a.length - i) : a[a.length - i];
    }
  },
  {
    // tryIndexFromEnd(array, n[, segment...]): Bicep's `a[?^n].b[^m]` passes the rest of the
    // chain as tryGet() path segments.
    name: "tryIndexFromEnd",
    min: 2,
    max: void 0,
    impl: (args, env) => {
      const a = args[0];
      const i = expectInt(env, args, 1);
      if (i instanceof Unknown) return i;
      if (a === null) return null;
      if (!Array.isArray(a)) return wrongType(env, a, "an array");
      if (i < 1 || i > a.length) return null;
      return followPath(a[a.length - i], args, 2);
    }
  },
  {
    name: "tryGet",
    min: 2,
    max: void 0,
    unknownArgs: true,
    impl: (args) => followPath(args[0], args, 1)
  },
  {
    name: "items",
    min: 1,
    max: 1,
    returns: "array",
    impl: (args, env) => {
      const o = expectObject(env, args, 0);
      if (o instanceof Unknown) return o;
      const entries = o.located().slice().sort((a, b) => compareKeys(a.key, b.key));
      return entries.map((e) => ObjectValue.from([
        ["key", e.key],
        ["value", e.value]
      ]));
    }
  },
  {
    name: "objectKeys",
    min: 1,
    max: 1,
    returns: "array",
    impl: (args, env) => {
      const o = expectObject(env, args, 0);
      return o instanceof Unknown ? o : o.keys().sort(compareKeys);
    }
  },
  {
    name: "shallowMerge",
    min: 1,
    max: 1,
    returns: "object",
    impl: (args, env) => {
      const a = expectArray(env, args, 0);
      if (a instanceof Unknown) return a;
      const objs = [];
      for (const x of a) {
        if (x instanceof Unknown) return new Unknown(x.reason, "object");
        if (!(x instanceof ObjectValue)) return wrongType(env, x, "an array of objects");
        objs.push(x);
      }
      return mergeObjects(objs, false);
    }
  },
  {
    name: "json",
    min: 1,
    max: 1,
    impl: (args, env) => {
      const s = args[0];
      if (typeof s !== "string") return wrongType(env, s, "a string");
      const r = parseJsonText(s);
      return r.ok ? r.value : env.error(`The template function 'json' can't parse the string as JSON: ${r.message}.`, 0);
    }
  }
];

// src/expr/functions/comparison.ts
var collatorInstance;
var collator = {
  compare(a, b) {
    collatorInstance ??= new Intl.Collator("en-US", { sensitivity: "variant" });
    return collatorInstance.compare(a, b);
  }
};
function compareStrings(a, b) {
  const c = collator.compare(a, b);
  if (c !== 0) return c;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compare(args, env) {
  const a = args[0];
  const b = args[1];
  if (a instanceof Unknown) return a;
  if (b instanceof Unknown) return b;
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  return env.error(
    `The template function '${env.name}' expects two integers or two strings; the provided values are of type '${typeName(a)}' and '${typeName(b)}'.`
  );
}
function cmp(name, test) {
  return {
    name,
    min: 2,
    max: 2,
    returns: "bool",
    impl: (args, env) => {
      const c = compare(args, env);
      return c instanceof Unknown ? new Unknown(c.reason, "bool") : test(c);
    }
  };
}
var comparisonFunctions = [
  {
    name: "equals",
    min: 2,
    max: 2,
    returns: "bool",
    unknownArgs: true,
    impl: (args) => {
      const r = deepEquals(args[0], args[1]);
      if (r !== void 0) return r;
      const u = args.find((a) => a instanceof Unknown);
      return new Unknown(u ? u.reason : { code: "error", message: "undecidable" }, "bool");
    }
  },
  cmp("less", (c) => c < 0),
  cmp("lessOrEquals", (c) => c <= 0),
  cmp("greater", (c) => c > 0),
  cmp("greaterOrEquals", (c) => c >= 0),
  {
    name: "coalesce",
    min: 1,
    max: void 0,
    lazy: (env) => {
      for (let i = 0; i < env.argCount; i++) {
        const v = env.arg(i);
        if (v instanceof Unknown) return new Unknown(v.reason, v.type);
        if (v !== null) return v;
      }
      return null;
    }
  }
];

// src/expr/functions/cidr.ts
function parseV4(s) {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return void 0;
  let v = 0n;
  for (let i = 1; i <= 4; i++) {
    const n = Number(m[i]);
    if (n > 255) return void 0;
    v = v << 8n | BigInt(n);
  }
  return v;
}
function parseV6(s) {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return void 0;
  const halves = s.split("::");
  if (halves.length > 2) return void 0;
  const parse3 = (h) => {
    if (h === "") return [];
    const out = [];
    for (const g of h.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return void 0;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const a = parse3(halves[0]);
  const b = halves.length === 2 ? parse3(halves[1]) : [];
  if (!a || !b) return void 0;
  const fill = 8 - a.length - b.length;
  if (halves.length === 1 && fill !== 0 || fill < 0) return void 0;
  const groups = [...a, ...new Array(halves.length === 2 ? fill : 0).fill(0), ...b];
  let v = 0n;
  for (const g of groups) v = v << 16n | BigInt(g);
  return v;
}
function parseCidrText(s) {
  const slash = s.indexOf("/");
  if (slash < 0) return void 0;
  const ip = s.slice(0, slash);
  const pfx = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(pfx)) return void 0;
  const prefix = Number(pfx);
  const v4 = parseV4(ip);
  if (v4 !== void 0) return prefix <= 32 ? { v6: false, addr: v4, prefix, bits: 32 } : void 0;
  const v6 = parseV6(ip);
  if (v6 !== void 0) return prefix <= 128 ? { v6: true, addr: v6, prefix, bits: 128 } : void 0;
  return void 0;
}
function fmt(v6, a) {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String(a >> s & 255n)).join(".");
  const groups = [];
  for (let i = 7; i >= 0; i--) groups.push(Number(a >> BigInt(i * 16) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}
function mask(c) {
  const all = (1n << BigInt(c.bits)) - 1n;
  return all ^ (1n << BigInt(c.bits - c.prefix)) - 1n;
}
function cidrArg(env, args) {
  const s = expectString(env, args, 0);
  if (s instanceof Unknown) return s;
  const c = parseCidrText(s);
  return c ?? env.error(`The value '${s}' is not a valid CIDR network.`, 0);
}
var cidrFunctions = [
  {
    name: "parseCidr",
    min: 1,
    max: 1,
    returns: "object",
    impl: (args, env) => {
      const c = cidrArg(env, args);
      if (c instanceof Unknown) return c;
      const m = mask(c);
      const net = c.addr & m;
      const last = net | (1n << BigInt(c.bits)) - 1n ^ m;
      const o = new ObjectValue();
      o.set("network", fmt(c.v6, net));
      o.set("netmask", fmt(c.v6, m));
      if (!c.v6) o.set("broadcast", fmt(false, last));
      const small = !c.v6 && c.prefix >= 31;
      o.set("firstUsable", fmt(c.v6, c.v6 || small ? net : net + 1n));
      o.set("lastUsable", fmt(c.v6, c.v6 || small ? last : last - 1n));
      o.set("cidr", c.prefix);
      return o;
    }
  },
  {
    name: "cidrSubnet",
    min: 3,
    max: 3,
    returns: "string",
    impl: (args, env) => {
      const c = cidrArg(env, args);
      if (c instanceof Unknown) return c;
      const n = expectInt(env, args, 1);
      if (n instanceof Unknown) return n;
      const i = expectInt(env, args, 2);
      if (i instanceof Unknown) return i;
      if (n < c.prefix || n > c.bits) return env.error(`The new prefix length '${n}' must be between ${c.prefix} and ${c.bits}.`, 1);
      const count = 1n << BigInt(n - c.prefix);
      if (i < 0 || BigInt(i) >= count) return env.error(`The subnet index '${i}' is out of range (there are ${count} subnets).`, 2);
      const net = (c.addr & mask(c)) + (BigInt(i) << BigInt(c.bits - n));
      return `${fmt(c.v6, net)}/${n}`;
    }
  },
  {
    name: "cidrHost",
    min: 2,
    max: 2,
    returns: "string",
    impl: (args, env) => {
      const c = cidrArg(env, args);
      if (c instanceof Unknown) return c;
      const i = expectInt(env, args, 1);
      if (i instanceof Unknown) return i;
      const size = 1n << BigInt(c.bits - c.prefix);
      const usable = c.v6 ? size - 1n : size - 2n;
      if (i < 0 || BigInt(i) >= usable) return env.error(`The host index '${i}' is out of range for the network.`, 1);
      return fmt(c.v6, (c.addr & mask(c)) + BigInt(i) + 1n);
    }
  }
];

// src/expr/functions/date.ts
function parseDateTime(s) {
  const t = s.trim().replace(" ", "T");
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) {
    const d = Date.parse(s);
    return Number.isNaN(d) ? void 0 : d;
  }
  const ms = Number(((m[7] ?? "") + "000").slice(0, 3));
  let v = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms);
  const tz = m[8];
  if (tz && tz.toUpperCase() !== "Z") {
    const sign = tz.startsWith("-") ? -1 : 1;
    const digits = tz.slice(1).replace(":", "");
    v -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 6e4;
  }
  return Number.isNaN(v) ? void 0 : v;
}
function parseDuration(s) {
  const m = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s.trim());
  if (!m || s.trim() === "P" || /T$/.test(s.trim())) return void 0;
  const n = (i) => Number(m[i] ?? 0);
  const days = n(2) * 365 + n(3) * 30 + n(4) * 7 + n(5);
  const ms = ((days * 24 + n(6)) * 60 + n(7)) * 6e4 + Math.round(n(8) * 1e3);
  return m[1] ? -ms : ms;
}
var pad = (n, w = 2) => String(n).padStart(w, "0");
var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
function formatDateTime(ms, format2) {
  const d = new Date(ms);
  let f = format2 ?? "";
  if (f === "") {
    const frac = d.getUTCMilliseconds();
    return `${d.toISOString().slice(0, 19)}${frac ? `.${pad(frac, 3)}` : ""}Z`;
  }
  const std = {
    d: "M/d/yyyy",
    D: "dddd, MMMM d, yyyy",
    f: "dddd, MMMM d, yyyy h:mm tt",
    F: "dddd, MMMM d, yyyy h:mm:ss tt",
    g: "M/d/yyyy h:mm tt",
    G: "M/d/yyyy h:mm:ss tt",
    M: "MMMM d",
    m: "MMMM d",
    o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'",
    O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'",
    r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    t: "h:mm tt",
    T: "h:mm:ss tt",
    u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    U: "dddd, MMMM d, yyyy h:mm:ss tt",
    y: "MMMM yyyy",
    Y: "MMMM yyyy"
  };
  if (f.length === 1 && std[f]) f = std[f];
  let out = "";
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === "'" || ch === '"') {
      const j = f.indexOf(ch, i + 1);
      out += f.slice(i + 1, j < 0 ? f.length : j);
      i = j < 0 ? f.length : j + 1;
      continue;
    }
    if (ch === "\\") {
      out += f[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (ch === "%") {
      i++;
      continue;
    }
    let n = 1;
    while (f[i + n] === ch) n++;
    i += n;
    const h = d.getUTCHours();
    switch (ch) {
      case "y":
        out += n === 1 ? String(d.getUTCFullYear() % 100) : n === 2 ? pad(d.getUTCFullYear() % 100) : pad(d.getUTCFullYear(), n);
        break;
      case "M":
        out += n === 1 ? String(d.getUTCMonth() + 1) : n === 2 ? pad(d.getUTCMonth() + 1) : n === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : MONTHS[d.getUTCMonth()];
        break;
      case "d":
        out += n === 1 ? String(d.getUTCDate()) : n === 2 ? pad(d.getUTCDate()) : n === 3 ? DAYS[d.getUTCDay()].slice(0, 3) : DAYS[d.getUTCDay()];
        break;
      case "H":
        out += n === 1 ? String(h) : pad(h);
        break;
      case "h":
        out += n === 1 ? String(h % 12 || 12) : pad(h % 12 || 12);
        break;
      case "m":
        out += n === 1 ? String(d.getUTCMinutes()) : pad(d.getUTCMinutes());
        break;
      case "s":
        out += n === 1 ? String(d.getUTCSeconds()) : pad(d.getUTCSeconds());
        break;
      case "t":
        out += n === 1 ? h < 12 ? "A" : "P" : h < 12 ? "AM" : "PM";
        break;
      case "f":
      case "F": {
        let frac = (pad(d.getUTCMilliseconds(), 3) + "0000").slice(0, n);
        if (ch === "F") frac = frac.replace(/0+$/, "");
        out += frac;
        break;
      }
      case "K":
      case "z":
        out += ch === "K" ? "Z" : n === 1 ? "+0" : n === 2 ? "+00" : "+00:00";
        break;
      default:
        out += ch.repeat(n);
    }
  }
  return out;
}
var dateFunctions = [
  {
    name: "dateTimeAdd",
    min: 2,
    max: 3,
    returns: "string",
    impl: (args, env) => {
      const base = expectString(env, args, 0);
      if (base instanceof Unknown) return base;
      const dur = expectString(env, args, 1);
      if (dur instanceof Unknown) return dur;
      let format2;
      if (args.length > 2) {
        const f = expectString(env, args, 2);
        if (f instanceof Unknown) return f;
        format2 = f;
      }
      const t = parseDateTime(base);
      if (t === void 0) return env.error(`The value '${base}' is not a valid date-time.`, 0);
      const d = parseDuration(dur);
      if (d === void 0) return env.error(`The value '${dur}' is not a valid ISO 8601 duration.`, 1);
      return formatDateTime(t + d, format2);
    }
  },
  {
    name: "dateTimeFromEpoch",
    min: 1,
    max: 1,
    returns: "string",
    impl: (args, env) => {
      const n = expectInt(env, args, 0);
      if (n instanceof Unknown) return n;
      if (!Number.isInteger(n) || Math.abs(n) > 253402300799) return env.error(`The epoch value '${n}' is out of range.`, 0);
      return formatDateTime(n * 1e3, void 0);
    }
  },
  {
    name: "dateTimeToEpoch",
    min: 1,
    max: 1,
    returns: "int",
    impl: (args, env) => {
      const s = expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      const t = parseDateTime(s);
      if (t === void 0) return env.error(`The value '${s}' is not a valid date-time.`, 0);
      return Math.floor(t / 1e3);
    }
  },
  {
    name: "utcNow",
    min: 0,
    max: 1,
    returns: "string",
    impl: (_args, env) => env.unknown("deployment-time", "utcNow() is the time of the deployment", "string")
  }
];

// src/expr/functions/deployment.ts
var deploymentTimeMessages = /* @__PURE__ */ new Map();
function deploymentTimeMessage(what) {
  let m = deploymentTimeMessages.get(what);
  if (m === void 0) {
    m = `${what} is only known at deployment`;
    deploymentTimeMessages.set(what, m);
  }
  return m;
}
function sym(env, symbol, type = "string", what) {
  return new Unknown(
    { code: "deployment-time", message: deploymentTimeMessage(what ?? symbol), span: env.span },
    type,
    void 0,
    symbol
  );
}
function known(v, env, symbol) {
  return v !== void 0 && v !== "" ? v : sym(env, symbol);
}
function group(env) {
  return env.ctx.deploymentContext.groupSymbol ?? "resourceGroup()";
}
function subscriptionId(env) {
  return known(env.ctx.deploymentContext.subscriptionId, env, "subscription().subscriptionId");
}
function resourceGroupName(env) {
  return known(env.ctx.deploymentContext.resourceGroup, env, `${group(env)}.name`);
}
var idPieces = /* @__PURE__ */ new WeakMap();
var shared = /* @__PURE__ */ new WeakSet();
function isSharedIdPiece(u) {
  return shared.has(u);
}
function idPiece(env, v, symbol) {
  if (v !== void 0 && v !== "") return v;
  const budget = env.ctx.budget;
  let pieces = idPieces.get(budget);
  if (!pieces) idPieces.set(budget, pieces = /* @__PURE__ */ new Map());
  let u = pieces.get(symbol);
  if (!u) {
    pieces.set(symbol, u = sym(env, symbol));
    shared.add(u);
  }
  return u;
}
function currentSubscriptionId(env) {
  return idPiece(env, env.ctx.deploymentContext.subscriptionId, "subscription().subscriptionId");
}
function currentResourceGroup(env) {
  return idPiece(env, env.ctx.deploymentContext.resourceGroup, `${group(env)}.name`);
}
var AZURE_CLOUD = {
  name: "AzureCloud",
  gallery: "https://gallery.azure.com/",
  graph: "https://graph.windows.net/",
  portal: "https://portal.azure.com",
  graphAudience: "https://graph.windows.net/",
  activeDirectoryDataLake: "https://datalake.azure.net/",
  batch: "https://batch.core.windows.net/",
  media: "https://rest.media.azure.net",
  sqlManagement: "https://management.core.windows.net:8443/",
  vmImageAliasDoc: "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json",
  resourceManager: "https://management.azure.com/",
  authentication: {
    loginEndpoint: "https://login.microsoftonline.com/",
    audiences: ["https://management.core.windows.net/", "https://management.azure.com/"],
    tenant: "common",
    identityProvider: "AAD"
  },
  suffixes: {
    acrLoginServer: ".azurecr.io",
    azureDatalakeAnalyticsCatalogAndJob: "azuredatalakeanalytics.net",
    azureDatalakeStoreFileSystem: "azuredatalakestore.net",
    azureFrontDoorEndpointSuffix: "azurefd.net",
    keyvaultDns: ".vault.azure.net",
    sqlServerHostname: ".database.windows.net",
    storage: "core.windows.net"
  }
};
function deploymentFn(name, returns, build, min = 0, max = 0) {
  return { name, min, max, returns, unknownArgs: true, impl: (_args, env) => build(env) };
}
var deploymentFunctions = [
  {
    name: "parameters",
    min: 1,
    max: 1,
    impl: (args, env) => {
      const n = expectString(env, args, 0);
      return n instanceof Unknown ? n : env.ctx.parameter(n, env.span);
    }
  },
  {
    name: "variables",
    min: 1,
    max: 1,
    impl: (args, env) => {
      const n = expectString(env, args, 0);
      return n instanceof Unknown ? n : env.ctx.variable(n, env.span);
    }
  },
  {
    name: "copyIndex",
    min: 0,
    max: 2,
    returns: "int",
    impl: (args, env) => {
      let loop;
      let offset = 0;
      if (args.length === 2) {
        const l = expectString(env, args, 0);
        if (l instanceof Unknown) return l;
        loop = l;
        const o = expectInt(env, args, 1);
        if (o instanceof Unknown) return o;
        offset = o;
      } else if (args.length === 1) {
        const a = args[0];
        if (typeof a === "string") loop = a;
        else {
          const o = expectInt(env, args, 0);
          if (o instanceof Unknown) return o;
          offset = o;
        }
      }
      const i = env.ctx.copyIndex(loop, env.span);
      if (typeof i === "number") return i + offset;
      return i;
    }
  },
  deploymentFn("subscription", "object", (env) => {
    const id = subscriptionId(env);
    const tenant = known(env.ctx.deploymentContext.tenantId, env, "subscription().tenantId");
    return ObjectValue.from([
      ["id", partialString(["/subscriptions/", id])],
      ["subscriptionId", id],
      ["tenantId", tenant],
      ["displayName", sym(env, "subscription().displayName")]
    ]);
  }),
  deploymentFn("resourceGroup", "object", (env) => {
    const kind = env.ctx.deploymentContext.scopeKind;
    if (kind !== void 0 && kind !== "resourceGroup") {
      return env.error(`The template function 'resourceGroup' is not expected at this location: the template is deployed at ${kind === "managementGroup" ? "management group" : kind} scope, which has no resource group.`);
    }
    const sub = subscriptionId(env);
    const name = resourceGroupName(env);
    const id = partialString(["/subscriptions/", sub, "/resourceGroups/", name]);
    return ObjectValue.from([
      ["id", id],
      ["name", name],
      ["type", "Microsoft.Resources/resourceGroups"],
      ["location", known(env.ctx.deploymentContext.location, env, `${group(env)}.location`)],
      ["managedBy", sym(env, `${group(env)}.managedBy`)],
      ["tags", sym(env, `${group(env)}.tags`, "object")],
      ["properties", ObjectValue.from([["provisioningState", "Succeeded"]])]
    ]);
  }),
  deploymentFn("tenant", "object", (env) => {
    const tid = known(env.ctx.deploymentContext.tenantId, env, "subscription().tenantId");
    return ObjectValue.from([
      ["countryCode", sym(env, "tenant().countryCode")],
      ["displayName", sym(env, "tenant().displayName")],
      ["id", partialString(["/tenants/", tid])],
      ["tenantId", tid]
    ]);
  }),
  deploymentFn("managementGroup", "object", (env) => {
    const name = known(env.ctx.deploymentContext.managementGroup, env, "managementGroup().name");
    return ObjectValue.from([
      ["id", partialString(["/providers/Microsoft.Management/managementGroups/", name])],
      ["name", name],
      ["type", "/providers/Microsoft.Management/managementGroups"],
      ["properties", sym(env, "managementGroup().properties", "object")]
    ]);
  }, 0, 1),
  deploymentFn(
    "deployment",
    "object",
    (env) => ObjectValue.from([
      ["name", known(env.ctx.deploymentContext.deploymentName, env, "deployment().name")],
      ["properties", sym(env, "deployment().properties", "object")],
      ["location", known(env.ctx.deploymentContext.location, env, "deployment().location")]
    ])
  ),
  deploymentFn("environment", "object", () => fromJson(AZURE_CLOUD)),
  deploymentFn(
    "deployer",
    "object",
    (env) => ObjectValue.from([
      ["objectId", sym(env, "deployer().objectId")],
      ["tenantId", known(env.ctx.deploymentContext.tenantId, env, "subscription().tenantId")],
      ["userPrincipalName", sym(env, "deployer().userPrincipalName")]
    ])
  ),
  {
    name: "pickZones",
    min: 3,
    max: 5,
    returns: "array",
    unknownArgs: true,
    impl: (_args, env) => env.unknown("deployment-time", "pickZones() depends on the zones of the region at deployment", "array")
  },
  ...["toLogicalZone", "toPhysicalZone"].map(
    (name) => ({
      name,
      min: 3,
      max: 3,
      returns: "string",
      unknownArgs: true,
      impl: (_args, env) => env.unknown("deployment-time", `${name}() depends on the subscription's zone mapping`, "string")
    })
  ),
  ...["toLogicalZones", "toPhysicalZones"].map(
    (name) => ({
      name,
      min: 3,
      max: 3,
      returns: "array",
      unknownArgs: true,
      impl: (_args, env) => env.unknown("deployment-time", `${name}() depends on the subscription's zone mapping`, "array")
    })
  ),
  {
    // Bicep `externalInput()` compiles to externalInputs('name'): supplied by the deployment tooling.
    name: "externalInputs",
    min: 1,
    max: 1,
    unknownArgs: true,
    impl: (args, env) => env.unknown("deployment-time", `externalInputs('${typeof args[0] === "string" ? args[0] : "?"}') is supplied at deployment`)
  },
  {
    name: "fail",
    min: 1,
    max: 1,
    unknownArgs: true,
    impl: (args, env) => {
      const m = args[0];
      return env.error(typeof m === "string" ? m : "The template called fail().", void 0);
    }
  }
];

// src/expr/functions/lambda.ts
function arrayArg(env, i) {
  const v = env.arg(i);
  if (v instanceof Unknown) return new Unknown(v.reason, "array");
  if (!Array.isArray(v)) return env.error(`The template function '${env.name}' expects an array; the provided value is of type '${typeName(v)}'.`, i);
  return v;
}
function lambdaArg(env, i, maxParams) {
  const l = env.lambda(i);
  if (l instanceof Unknown) return l;
  if (l.params.length < 1 || l.params.length > maxParams) {
    return env.error(`The lambda of '${env.name}' must take 1 to ${maxParams} parameter(s).`, i);
  }
  return l;
}
function call(env, l, args) {
  if (!env.step()) {
    const message = "The evaluation step budget was spent inside a lambda (limit maxEvaluationSteps).";
    return env.ctx.budget.firstExhaustion() ? env.limit(message) : env.unknown("limit", message);
  }
  return l.invoke(args);
}
function keyOf(env, k) {
  if (k instanceof Unknown) return k;
  if (typeof k !== "string") return env.error(`The key lambda of '${env.name}' must return a string; it returned a value of type '${typeName(k)}'.`);
  return k;
}
var lambdaFunctions = [
  {
    name: "lambda",
    min: 1,
    max: void 0,
    impl: (_args, env) => env.error("A lambda function can only be used as an argument of filter, map, reduce, sort, toObject, groupBy or mapValues."),
    unknownArgs: true
  },
  {
    name: "lambdaVariables",
    min: 1,
    max: 1,
    lazy: (env) => {
      const name = env.arg(0);
      if (name instanceof Unknown) return name;
      if (typeof name !== "string") return env.error("The template function 'lambdaVariables' expects a string.", 0);
      const key2 = name.toLowerCase();
      for (let s = env.lambdaScope; s; s = s.parent) if (s.vars.has(key2)) return s.vars.get(key2);
      return env.error(`The lambda variable '${name}' is not defined.`, 0);
    }
  },
  {
    name: "filter",
    min: 2,
    max: 2,
    returns: "array",
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return a;
      const l = lambdaArg(env, 1, 2);
      if (l instanceof Unknown) return l;
      const out = [];
      for (let i = 0; i < a.length; i++) {
        const r = call(env, l, [a[i], i]);
        if (r instanceof Unknown) return new Unknown(r.reason, "array");
        if (typeof r !== "boolean") return env.error(`The lambda of 'filter' must return a Boolean; it returned a value of type '${typeName(r)}'.`, 1);
        if (r) out.push(a[i]);
      }
      return out;
    }
  },
  {
    name: "map",
    min: 2,
    max: 2,
    returns: "array",
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return a;
      const l = lambdaArg(env, 1, 2);
      if (l instanceof Unknown) return l;
      const out = [];
      let nodes = 1;
      for (let i = 0; i < a.length; i++) {
        const r = call(env, l, [a[i], i]);
        if (r instanceof Unknown && r.reason.code === "limit") return r;
        nodes += valueNodes(r);
        const lim = env.checkNodes(nodes);
        if (lim) return lim;
        out.push(r);
      }
      return out;
    }
  },
  {
    name: "reduce",
    min: 3,
    max: 3,
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return new Unknown(a.reason);
      let acc = env.arg(1);
      const l = lambdaArg(env, 2, 3);
      if (l instanceof Unknown) return l;
      for (let i = 0; i < a.length; i++) {
        acc = call(env, l, [acc, a[i], i]);
        if (acc instanceof Unknown && acc.reason.code === "limit") return acc;
      }
      return acc;
    }
  },
  {
    name: "sort",
    min: 2,
    max: 2,
    returns: "array",
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return a;
      const l = lambdaArg(env, 1, 2);
      if (l instanceof Unknown) return l;
      let failed;
      const before = (x, y) => {
        if (failed) return false;
        const r = call(env, l, [x, y]);
        if (r instanceof Unknown) {
          failed = new Unknown(r.reason, "array");
          return false;
        }
        if (typeof r !== "boolean") {
          failed = env.error(`The lambda of 'sort' must return a Boolean; it returned a value of type '${typeName(r)}'.`, 1);
          return false;
        }
        return r;
      };
      const sorted = a.slice();
      const tmp = new Array(sorted.length);
      for (let width = 1; width < sorted.length && !failed; width *= 2) {
        for (let lo = 0; lo < sorted.length; lo += 2 * width) {
          const mid = Math.min(lo + width, sorted.length);
          const hi = Math.min(lo + 2 * width, sorted.length);
          let i = lo;
          let j = mid;
          let k = lo;
          while (i < mid && j < hi) tmp[k++] = before(sorted[j], sorted[i]) ? sorted[j++] : sorted[i++];
          while (i < mid) tmp[k++] = sorted[i++];
          while (j < hi) tmp[k++] = sorted[j++];
          for (let m = lo; m < hi; m++) sorted[m] = tmp[m];
        }
      }
      return failed ?? sorted;
    }
  },
  {
    name: "toObject",
    min: 2,
    max: 3,
    returns: "object",
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return new Unknown(a.reason, "object");
      const kl = lambdaArg(env, 1, 1);
      if (kl instanceof Unknown) return kl;
      let vl;
      if (env.argCount > 2) {
        const v = lambdaArg(env, 2, 1);
        if (v instanceof Unknown) return v;
        vl = v;
      }
      const out = new ObjectValue();
      let nodes = 1;
      for (const x of a) {
        const k = keyOf(env, call(env, kl, [x]));
        if (k instanceof Unknown) return new Unknown(k.reason, "object");
        const v = vl ? call(env, vl, [x]) : x;
        nodes += valueNodes(v);
        const lim = env.checkNodes(nodes);
        if (lim) return lim;
        out.set(k, v);
      }
      return out;
    }
  },
  {
    name: "groupBy",
    min: 2,
    // Bicep emits an optional third lambda that maps each element of a group.
    max: 3,
    returns: "object",
    lazy: (env) => {
      const a = arrayArg(env, 0);
      if (a instanceof Unknown) return new Unknown(a.reason, "object");
      const kl = lambdaArg(env, 1, 1);
      if (kl instanceof Unknown) return kl;
      let vl;
      if (env.argCount > 2) {
        const v = lambdaArg(env, 2, 1);
        if (v instanceof Unknown) return v;
        vl = v;
      }
      const out = new ObjectValue();
      let nodes = 1;
      for (const x of a) {
        const k = keyOf(env, call(env, kl, [x]));
        if (k instanceof Unknown) return new Unknown(k.reason, "object");
        const item = vl ? call(env, vl, [x]) : x;
        nodes += valueNodes(item);
        const lim = env.checkNodes(nodes);
        if (lim) return lim;
        const group2 = out.get(k);
        if (Array.isArray(group2)) group2.push(item);
        else out.set(k, [item]);
      }
      return out;
    }
  },
  {
    name: "mapValues",
    min: 2,
    max: 2,
    returns: "object",
    lazy: (env) => {
      const o = env.arg(0);
      if (o instanceof Unknown) return new Unknown(o.reason, "object");
      if (!(o instanceof ObjectValue)) return env.error(`The template function 'mapValues' expects an object; the provided value is of type '${typeName(o)}'.`, 0);
      const l = lambdaArg(env, 1, 1);
      if (l instanceof Unknown) return l;
      const out = new ObjectValue();
      let nodes = 1;
      for (const e of o.located()) {
        const v = call(env, l, [e.value]);
        nodes += valueNodes(v);
        const lim = env.checkNodes(nodes);
        if (lim) return lim;
        out.set(e.key, v, e.span, e.keySpan);
      }
      return out;
    }
  }
];

// src/expr/functions/logical.ts
function logical(env, stopOn) {
  let unknown;
  for (let i = 0; i < env.argCount; i++) {
    const v = env.arg(i);
    if (v instanceof Unknown) {
      unknown ??= v;
      continue;
    }
    if (typeof v !== "boolean") {
      return env.error(`The template function '${env.name}' expects its parameters to be of type 'Boolean'. The provided value is of type '${typeName(v)}'.`, i);
    }
    if (v === stopOn) return stopOn;
  }
  return unknown ? new Unknown(unknown.reason, "bool") : !stopOn;
}
function sameType(a, b) {
  const ta = a instanceof Unknown ? a.type : typeOf(a);
  const tb = b instanceof Unknown ? b.type : typeOf(b);
  return ta !== void 0 && ta === tb && ta !== "unknown" ? ta : void 0;
}
var logicalFunctions = [
  { name: "and", min: 2, max: void 0, returns: "bool", lazy: (env) => logical(env, false) },
  { name: "or", min: 2, max: void 0, returns: "bool", lazy: (env) => logical(env, true) },
  {
    name: "not",
    min: 1,
    max: 1,
    returns: "bool",
    impl: (args, env) => {
      const v = args[0];
      if (typeof v !== "boolean") return env.error(`The template function 'not' expects a Boolean; the provided value is of type '${typeName(v)}'.`, 0);
      return !v;
    }
  },
  {
    name: "if",
    min: 3,
    max: 3,
    lazy: (env) => {
      const c = env.arg(0);
      if (c instanceof Unknown) {
        const a = env.argQuiet(1);
        const b = env.argQuiet(2);
        if (deepEquals(a, b) === true) return a;
        const keys = [c, a, b].map(symbolicKey);
        const symbol = keys.every((k) => k !== void 0) ? `if(${keys.join(",")})` : void 0;
        const branches = [];
        for (const v of [a, b]) branches.push(...v instanceof Unknown ? v.branches ?? v.oneOf ?? [v] : [v]);
        const options = [];
        for (const v of [a, b]) {
          if (v instanceof Unknown) {
            if (!v.oneOf) return new Unknown(c.reason, sameType(a, b), void 0, symbol, void 0, void 0, void 0, branches);
            options.push(...v.oneOf);
          } else options.push(v);
        }
        return new Unknown(c.reason, sameType(a, b), void 0, symbol, void 0, options, void 0, branches);
      }
      if (typeof c !== "boolean") {
        return env.error(`The template function 'if' expects its first parameter to be of type 'Boolean'. The provided value is of type '${typeName(c)}'.`, 0);
      }
      return env.arg(c ? 1 : 2);
    }
  },
  {
    name: "bool",
    min: 1,
    max: 1,
    returns: "bool",
    impl: (args, env) => {
      const v = args[0];
      if (typeof v === "boolean") return v;
      if (typeof v === "number") return v !== 0;
      if (typeof v === "string") {
        const l = v.trim().toLowerCase();
        if (l === "true") return true;
        if (l === "false") return false;
        return env.error(`The template function 'bool' can't convert the string '${v}' to a Boolean.`, 0);
      }
      return env.error(`The template function 'bool' can't convert a value of type '${typeName(v)}' to a Boolean.`, 0);
    }
  },
  { name: "true", min: 0, max: 0, returns: "bool", impl: () => true },
  { name: "false", min: 0, max: 0, returns: "bool", impl: () => false }
];

// src/expr/functions/numeric.ts
var INT64_MAX = 9223372036854775807n;
var INT64_MIN = -9223372036854775808n;
function ints(args, env) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (typeof v !== "number") {
      return env.error(`The template function '${env.name}' expects its parameter ${i + 1} to be of type 'Integer'. The provided value is of type '${typeName(v)}'.`, i);
    }
    out.push(v);
  }
  return out;
}
function checked(env, exact, a, b, big) {
  if (Number.isSafeInteger(exact) || !Number.isInteger(a) || !Number.isInteger(b)) return exact;
  const r = big(BigInt(a), BigInt(b));
  if (r > INT64_MAX || r < INT64_MIN) return env.error(`The result of '${env.name}' is outside the range of a 64-bit integer.`);
  return Number(r);
}
function arith(name, op) {
  return {
    name,
    min: 2,
    max: 2,
    returns: "int",
    impl: (args, env) => {
      const n = ints(args, env);
      if (n instanceof Unknown) return n;
      return op(n[0], n[1], env);
    }
  };
}
function minMax(name, pick2) {
  return {
    name,
    min: 1,
    max: void 0,
    returns: "int",
    unknownArgs: true,
    impl: (args, env) => {
      const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
      if (list.length === 0) return env.error(`The template function '${name}' needs at least one value.`);
      const u = list.find((x) => x instanceof Unknown);
      if (u) return new Unknown(u.reason, "int");
      const n = ints(list, env);
      if (n instanceof Unknown) return n;
      return n.reduce(pick2);
    }
  };
}
function toInt(v, env) {
  if (typeof v === "number") return Math.trunc(v);
  if (typeof v === "string") {
    const t = v.trim();
    if (/^[+-]?\d+$/.test(t)) {
      const b = BigInt(t);
      if (b > INT64_MAX || b < INT64_MIN) return env.error(`The value '${v}' is outside the range of a 64-bit integer.`, 0);
      return Number(b);
    }
    return env.error(`The template function 'int' can't convert the string '${v}' to an integer.`, 0);
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  return env.error(`The template function 'int' can't convert a value of type '${typeName(v)}' to an integer.`, 0);
}
var numericFunctions = [
  arith("add", (a, b, env) => checked(env, a + b, a, b, (x, y) => x + y)),
  arith("sub", (a, b, env) => checked(env, a - b, a, b, (x, y) => x - y)),
  arith("mul", (a, b, env) => checked(env, a * b, a, b, (x, y) => x * y)),
  arith("div", (a, b, env) => {
    if (b === 0) return env.error("The template function 'div' can't divide by zero.", 1);
    if (Number.isInteger(a) && Number.isInteger(b)) {
      if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return Math.trunc(a / b);
      const r = BigInt(a) / BigInt(b);
      if (r > INT64_MAX) return env.error("The result of 'div' is outside the range of a 64-bit integer.");
      return Number(r);
    }
    return a / b;
  }),
  arith("mod", (a, b, env) => {
    if (b === 0) return env.error("The template function 'mod' can't divide by zero.", 1);
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a % b;
    if (Number.isInteger(a) && Number.isInteger(b)) return Number(BigInt(a) % BigInt(b));
    return a % b;
  }),
  minMax("min", (a, b) => Math.min(a, b)),
  minMax("max", (a, b) => Math.max(a, b)),
  { name: "int", min: 1, max: 1, returns: "int", impl: (args, env) => toInt(args[0], env) },
  {
    name: "float",
    min: 1,
    max: 1,
    returns: "int",
    impl: (args, env) => {
      const v = args[0];
      if (typeof v === "number") return v;
      if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
      return env.error(`The template function 'float' can't convert the value to a number.`, 0);
    }
  }
];

// src/expr/functions/resource.ts
function isTypeArg(v) {
  return typeof v === "string" && v.includes("/");
}
function pieceOf(env, v, i) {
  if (typeof v === "string") return v;
  if (v instanceof Unknown) return v;
  if (typeof v === "number") return String(v);
  env.error(`The template function '${env.name}' expects string parameters; parameter ${i + 1} is of type '${typeName(v)}'.`, i);
  return void 0;
}
var typeSegments = /* @__PURE__ */ new Map();
var MAX_TYPES = 2048;
function segmentsOf(type) {
  let segs = typeSegments.get(type);
  if (segs === void 0) {
    segs = type.split("/").filter((s) => s !== "");
    if (typeSegments.size >= MAX_TYPES) typeSegments.clear();
    typeSegments.set(type, segs);
  }
  return segs;
}
function providerPath(env, type, names, firstName, out) {
  const segs = segmentsOf(type);
  if (segs.length < 2) return env.error(`The resource type '${type}' is not valid (expected 'Namespace/type').`, firstName - 1);
  const typeCount = segs.length - 1;
  if (names.length !== typeCount) {
    const joinedOk = names.length < typeCount && names.every((n2) => typeof n2 === "string") && names.join("/").split("/").length === typeCount;
    if (!joinedOk && !names.some((n2) => n2 instanceof Unknown)) {
      return env.error(
        `Unable to evaluate template language function '${env.name}': the type '${type}' requires ${typeCount} resource name argument(s) but ${names.length} were given.`
      );
    }
    if (joinedOk) names = names.join("/").split("/");
  }
  out.push("/providers/", segs[0]);
  const n = Math.max(typeCount, names.length);
  for (let i = 0; i < n; i++) {
    if (i < typeCount) out.push("/", segs[i + 1]);
    const name = names[i];
    if (name === void 0) continue;
    const p = pieceOf(env, name, firstName + i);
    if (p === void 0) return new Unknown({ code: "error", message: "invalid resource name", span: env.span });
    out.push("/", p);
  }
  return out;
}
var ResourceIdDescription = class {
  constructor(type, names, where) {
    this.type = type;
    this.names = names;
    this.where = where;
  }
  type;
  names;
  where;
  describe() {
    const named = this.names.map((n) => typeof n === "string" ? n : typeof n === "number" ? String(n) : "<unknown>").join("/");
    return hasUnknown(this.names) ? `a resource id of type ${this.type} with a name known only at deployment ('${named}')${this.where}` : `a resource id of type ${this.type} named '${named}'${this.where}`;
  }
};
function finish(env, pieces, type, names, where) {
  if (!hasUnknown(pieces)) return pieces.join("");
  let first;
  for (let i = 0; i < pieces.length && !first; i++) if (pieces[i] instanceof Unknown) first = pieces[i];
  const reason = first && isSharedIdPiece(first) ? { code: first.reason.code, message: first.reason.message, span: env.span } : void 0;
  const memo = reason ? partialIdMemo(env) : void 0;
  const key2 = memo ? sharedPiecesKey(pieces) : void 0;
  if (memo === void 0 || key2 === void 0) return partialString(pieces, new ResourceIdDescription(type, names, where), reason);
  const known3 = memo.get(key2);
  if (known3) return new Unknown(reason, "string", known3.parts, void 0, known3.about);
  const id = partialString(pieces, new ResourceIdDescription(type, names, where), reason);
  if (id instanceof Unknown && id.parts && memo.size < MAX_PARTIAL_IDS) memo.set(key2, { parts: id.parts, about: id.about });
  return id;
}
var partialIds = /* @__PURE__ */ new WeakMap();
var MEMO_FROM = 2e3;
var MAX_PARTIAL_IDS = 1e5;
function partialIdMemo(env) {
  let state = partialIds.get(env.ctx.budget);
  if (!state) partialIds.set(env.ctx.budget, state = { made: 0, memo: void 0 });
  if (state.memo) return state.memo;
  if (++state.made >= MEMO_FROM) state.memo = /* @__PURE__ */ new Map();
  return state.memo;
}
function sharedPiecesKey(pieces) {
  let key2 = "";
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (typeof p === "string") {
      if (p.includes("\0") || p.includes("")) return void 0;
      key2 += `${p}\0`;
    } else if (isSharedIdPiece(p) && p.symbol !== void 0) key2 += `${p.symbol}\0`;
    else return void 0;
  }
  return key2;
}
function hasUnknown(values) {
  for (let i = 0; i < values.length; i++) if (values[i] instanceof Unknown) return true;
  return false;
}
function whereText(sub, rg) {
  const subU = sub instanceof Unknown;
  const rgU = rg instanceof Unknown;
  if (subU && rgU) return " in an unknown subscription and resource group";
  if (subU) return ` in an unknown subscription${typeof rg === "string" ? ` (resource group '${rg}')` : ""}`;
  if (rgU) return " in an unknown resource group";
  return "";
}
function unknownType(env, args) {
  const u = args.find((a) => a instanceof Unknown);
  if (u) return new Unknown(u.reason, "string", void 0, void 0, "a resource id whose type is known only at deployment");
  return env.error(`The template function '${env.name}' needs a resource type of the form 'Namespace/type'.`);
}
var resourceFunctions = [
  {
    name: "resourceId",
    min: 2,
    max: void 0,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      const t = args.findIndex((a, i) => i <= 2 && isTypeArg(a));
      if (t < 0) return unknownType(env, args);
      const type = args[t];
      let sub;
      let rg;
      if (t === 2) {
        sub = pieceOf(env, args[0], 0);
        rg = pieceOf(env, args[1], 1);
      } else if (t === 1) {
        sub = currentSubscriptionId(env);
        rg = pieceOf(env, args[0], 0);
      } else {
        sub = currentSubscriptionId(env);
        rg = currentResourceGroup(env);
      }
      if (sub === void 0 || rg === void 0) return new Unknown({ code: "error", message: "invalid resourceId()", span: env.span }, "string");
      const names = args.slice(t + 1);
      const path11 = providerPath(env, type, names, t + 1, ["/subscriptions/", sub, "/resourceGroups/", rg]);
      if (path11 instanceof Unknown) return path11;
      return finish(env, path11, type, names, whereText(sub, rg));
    }
  },
  {
    name: "subscriptionResourceId",
    min: 2,
    max: void 0,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      const t = args.findIndex((a, i) => i <= 1 && isTypeArg(a));
      if (t < 0) return unknownType(env, args);
      const type = args[t];
      const sub = t === 1 ? pieceOf(env, args[0], 0) : currentSubscriptionId(env);
      if (sub === void 0) return new Unknown({ code: "error", message: "invalid subscriptionResourceId()", span: env.span }, "string");
      const names = args.slice(t + 1);
      const path11 = providerPath(env, type, names, t + 1, ["/subscriptions/", sub]);
      if (path11 instanceof Unknown) return path11;
      return finish(env, path11, type, names, whereText(sub, void 0));
    }
  },
  {
    name: "tenantResourceId",
    min: 2,
    max: void 0,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      const type = args[0];
      if (!isTypeArg(type)) return unknownType(env, args);
      const names = args.slice(1);
      const path11 = providerPath(env, type, names, 1, []);
      if (path11 instanceof Unknown) return path11;
      return finish(env, path11, type, names, "");
    }
  },
  {
    name: "extensionResourceId",
    min: 3,
    max: void 0,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      const base = pieceOf(env, args[0], 0);
      const type = args[1];
      if (base === void 0) return new Unknown({ code: "error", message: "invalid extensionResourceId()", span: env.span }, "string");
      if (!isTypeArg(type)) return unknownType(env, args);
      const names = args.slice(2);
      const path11 = providerPath(env, type, names, 2, [base]);
      if (path11 instanceof Unknown) return path11;
      return finish(env, path11, type, names, base instanceof Unknown ? " on a resource known only at deployment" : "");
    }
  },
  {
    name: "managementGroupResourceId",
    min: 2,
    max: void 0,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      const t = args.findIndex((a, i) => i <= 1 && isTypeArg(a));
      if (t < 0) return unknownType(env, args);
      const type = args[t];
      const mgDefault = env.ctx.deploymentContext.managementGroup;
      const mg = t === 1 ? pieceOf(env, args[0], 0) : mgDefault ?? new Unknown({ code: "deployment-time", message: "managementGroup().name is only known at deployment", span: env.span }, "string", void 0, "managementGroup().name");
      if (mg === void 0) return new Unknown({ code: "error", message: "invalid managementGroupResourceId()", span: env.span }, "string");
      const names = args.slice(t + 1);
      const path11 = providerPath(env, type, names, t + 1, ["/providers/Microsoft.Management/managementGroups/", mg]);
      if (path11 instanceof Unknown) return path11;
      return finish(env, path11, type, names, mg instanceof Unknown ? " in an unknown management group" : "");
    }
  },
  ...[
    ["reference", 1, 3, "object"],
    ["references", 0, 2, "array"],
    // languageVersion 2.0: the id, name, type and API version of a resource by its symbolic name.
    ["resourceInfo", 1, 1, "object"],
    ["list", 2, void 0, "object"],
    ["providers", 1, 2, "object"],
    ["extensions", 0, 1, "object"],
    ["roleDefinitions", 1, 1, "object"]
  ].map(
    ([name, min, max, returns]) => ({
      name,
      min,
      max,
      returns,
      unknownArgs: true,
      impl: (args, env) => env.ctx.runtime?.(name, args, env.span) ?? env.unknown("runtime-state", `${name}() returns runtime state known only at deployment`, returns)
    })
  )
];

// src/expr/format.ts
function groupDigits(intPart) {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function toFixed(n, decimals) {
  const d = Math.min(Math.max(decimals, 0), 100);
  if (Number.isInteger(n) && Math.abs(n) >= 1e21) {
    const s2 = BigInt(n).toString();
    return d > 0 ? `${s2}.${"0".repeat(d)}` : s2;
  }
  const sign = n < 0 ? "-" : "";
  const abs = Math.abs(n);
  const shifted = Number(`${abs}e${d}`);
  const rounded = Math.round(shifted);
  let s = Number.isFinite(rounded) ? `${rounded}` : abs.toFixed(d);
  if (/e/.test(s)) s = abs.toFixed(Math.min(d, 100));
  else if (d > 0) {
    s = s.padStart(d + 1, "0");
    s = `${s.slice(0, s.length - d)}.${s.slice(s.length - d)}`;
  }
  const isZero = /^[0.]*$/.test(s);
  return (isZero ? "" : sign) + s;
}
function standard(n, spec) {
  const m = /^([A-Za-z])(\d{0,9})$/.exec(spec);
  if (!m) return void 0;
  const f = m[1].toUpperCase();
  const lower3 = m[1] === m[1].toLowerCase();
  const p = m[2] === "" ? void 0 : Number(m[2]);
  const neg = n < 0;
  switch (f) {
    case "D": {
      if (!Number.isInteger(n)) return void 0;
      const s = BigInt(Math.abs(n)).toString().padStart(p ?? 0, "0");
      return (neg ? "-" : "") + s;
    }
    case "N":
    case "F":
    case "C": {
      const s = toFixed(Math.abs(n), p ?? 2);
      const [ip, fp] = s.split(".");
      const body = f === "F" ? s : groupDigits(ip) + (fp !== void 0 ? `.${fp}` : "");
      const isZero = /^[0.,]*$/.test(body);
      const sign = neg && !isZero ? "-" : "";
      return f === "C" ? `${sign}$${body}` : sign + body;
    }
    case "P": {
      const s = toFixed(Math.abs(n) * 100, p ?? 2);
      const [ip, fp] = s.split(".");
      const body = groupDigits(ip) + (fp !== void 0 ? `.${fp}` : "");
      return `${neg && !/^[0.,]*$/.test(body) ? "-" : ""}${body} %`;
    }
    case "X": {
      if (!Number.isInteger(n)) return void 0;
      let b = BigInt(n);
      if (b < 0n) b = (1n << 64n) + b;
      const s = b.toString(16).padStart(p ?? 0, "0");
      return lower3 ? s : s.toUpperCase();
    }
    case "E": {
      const s = Math.abs(n).toExponential(p ?? 6);
      const [mant, exp] = s.split("e");
      const e = Number(exp);
      const out = `${mant}${lower3 ? "e" : "E"}${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(3, "0")}`;
      return (neg ? "-" : "") + out;
    }
    case "G":
    case "R":
      if (p !== void 0 && p > 0 && f === "G") {
        const s = Number(n.toPrecision(p));
        return String(s);
      }
      return String(n);
    default:
      return void 0;
  }
}
function custom(n, spec) {
  const sections = splitSections(spec);
  let pattern = sections[0];
  let value = n;
  let forceNoSign = false;
  if (n < 0 && sections.length > 1) {
    pattern = sections[1];
    value = Math.abs(n);
    forceNoSign = true;
  } else if (n === 0 && sections.length > 2) {
    pattern = sections[2];
  }
  let percent = 0;
  for (const ch of stripLiterals(pattern)) if (ch === "%") percent++;
  value *= 100 ** percent;
  const core = stripLiterals(pattern);
  const dot = core.indexOf(".");
  const intPat = dot >= 0 ? core.slice(0, dot) : core;
  const fracPat = dot >= 0 ? core.slice(dot + 1) : "";
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = (fracPat.match(/[0#]/g) ?? []).length;
  const minInt = (intPat.replace(/,+$/, "").match(/0/g) ?? []).length;
  const scaleCommas = /,+$/.exec(intPat.replace(/[^0#,]/g, ""))?.[0].length ?? 0;
  value /= 1e3 ** scaleCommas;
  const grouping = /[0#],+[0#]/.test(intPat.replace(/[^0#,]/g, ""));
  let s = toFixed(Math.abs(value), maxFrac);
  let [ip, fp = ""] = s.split(".");
  while (fp.length > minFrac && fp.endsWith("0")) fp = fp.slice(0, -1);
  if (ip === "0" && minInt === 0) ip = "";
  ip = ip.padStart(minInt, "0");
  if (grouping) ip = groupDigits(ip);
  const digits = ip + (fp ? `.${fp}` : "");
  let out = "";
  let placed2 = false;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'" || ch === '"') {
      const j = pattern.indexOf(ch, i + 1);
      out += pattern.slice(i + 1, j < 0 ? pattern.length : j);
      i = j < 0 ? pattern.length : j + 1;
      continue;
    }
    if (ch === "\\") {
      out += pattern[i + 1] ?? "";
      i += 2;
      continue;
    }
    if ("0#.,".includes(ch)) {
      if (!placed2) {
        out += digits;
        placed2 = true;
      }
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  if (!placed2) out += digits;
  s = out;
  const negative = value < 0 && !forceNoSign && /[1-9]/.test(digits);
  return (negative ? "-" : "") + s;
}
function splitSections(spec) {
  const out = [];
  let cur = "";
  let q;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i];
    if (q) {
      if (ch === q) q = void 0;
      cur += ch;
    } else if (ch === "'" || ch === '"') {
      q = ch;
      cur += ch;
    } else if (ch === "\\") {
      cur += ch + (spec[i + 1] ?? "");
      i++;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
function stripLiterals(p) {
  return p.replace(/'[^']*'|"[^"]*"|\\./g, "");
}
function formatNumber(n, spec) {
  if (spec === "") return String(n);
  return standard(n, spec) ?? custom(n, spec);
}
function formatArg(v, spec) {
  if (v instanceof Unknown) return v;
  if (typeof v === "number") return spec ? formatNumber(v, spec) : String(v);
  if (v instanceof ObjectValue || Array.isArray(v)) return armToString(v);
  return armToString(v);
}
function composite(fmt2, args) {
  const pieces = [];
  let lit2 = "";
  let i = 0;
  while (i < fmt2.length) {
    const ch = fmt2[i];
    if (ch === "{") {
      if (fmt2[i + 1] === "{") {
        lit2 += "{";
        i += 2;
        continue;
      }
      const close = fmt2.indexOf("}", i);
      if (close < 0) return { ok: false, message: "Input string was not in a correct format (unclosed '{')." };
      const item = fmt2.slice(i + 1, close);
      const m = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(item);
      if (!m) return { ok: false, message: `Input string was not in a correct format: '{${item}}'.` };
      const idx = Number(m[1]);
      if (idx >= args.length) {
        return { ok: false, message: `Index (zero based) must be greater than or equal to zero and less than the size of the argument list: '{${item}}'.` };
      }
      const text = formatArg(args[idx], m[3]);
      if (text === void 0) return { ok: false, message: "The value could not be formatted." };
      const align = m[2] !== void 0 ? Number(m[2]) : 0;
      if (text instanceof Unknown) {
        if (lit2) pieces.push(lit2);
        lit2 = "";
        pieces.push(text);
      } else {
        const w = Math.min(Math.abs(align), 1e6);
        lit2 += align < 0 ? text.padEnd(w) : text.padStart(w);
      }
      i = close + 1;
      continue;
    }
    if (ch === "}") {
      if (fmt2[i + 1] === "}") {
        lit2 += "}";
        i += 2;
        continue;
      }
      return { ok: false, message: "Input string was not in a correct format (unmatched '}')." };
    }
    lit2 += ch;
    i++;
  }
  if (lit2) pieces.push(lit2);
  return { ok: true, pieces };
}

// src/expr/hash.ts
function rotl(x, r) {
  return (x << r | x >>> 32 - r) >>> 0;
}
function mul(a, b) {
  return Math.imul(a, b) >>> 0;
}
function le32(d, i, n) {
  let v = 0;
  for (let k = n - 1; k >= 0; k--) v = v << 8 | d[i + k];
  return v >>> 0;
}
function fmix(h) {
  h = (h ^ h >>> 16) >>> 0;
  h = mul(h, 2246822507);
  h = (h ^ h >>> 13) >>> 0;
  h = mul(h, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}
var C1 = 597399067;
var C2 = 2869860233;
function murmurHash64(data) {
  const len = data.length;
  let h1 = 0;
  let h2 = 0;
  let i = 0;
  for (; i + 7 < len; i += 8) {
    let k1 = le32(data, i, 4);
    let k2 = le32(data, i + 4, 4);
    k1 = mul(rotl(mul(k1, C1), 15), C2);
    h1 = (h1 ^ k1) >>> 0;
    h1 = rotl(h1, 19) + h2 >>> 0;
    h1 = mul(h1, 5) + 1444728091 >>> 0;
    k2 = mul(rotl(mul(k2, C2), 17), C1);
    h2 = (h2 ^ k2) >>> 0;
    h2 = rotl(h2, 13) + h1 >>> 0;
    h2 = mul(h2, 5) + 197830471 >>> 0;
  }
  const tail = len - i;
  if (tail > 0) {
    const k1 = mul(rotl(mul(le32(data, i, Math.min(4, tail)), C1), 15), C2);
    h1 = (h1 ^ k1) >>> 0;
    if (tail > 4) {
      const k2 = mul(rotl(mul(le32(data, i + 4, tail - 4), C2), 17), C1);
      h2 = (h2 ^ k2) >>> 0;
    }
  }
  h1 = (h1 ^ len) >>> 0;
  h2 = (h2 ^ len) >>> 0;
  h1 = h1 + h2 >>> 0;
  h2 = h2 + h1 >>> 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = h1 + h2 >>> 0;
  h2 = h2 + h1 >>> 0;
  return [h2, h1];
}
var BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
function uniqueString(args) {
  const [hi, lo] = murmurHash64(Buffer.from(args.join("-"), "utf8"));
  let v = BigInt(hi) << 32n | BigInt(lo);
  let out = "";
  for (let i = 0; i < 13; i++) {
    out += BASE32[Number(v >> 59n & 31n)];
    v = v << 5n & 0xffffffffffffffffn;
  }
  return out;
}
var ARM_NAMESPACE = Buffer.from("11fb06fb712d4ddd98c7e71bbd588830", "hex");
function armGuid(args) {
  const hash = createHash("sha1").update(ARM_NAMESPACE).update(Buffer.from(args.join("-"), "utf8")).digest();
  const b = hash.subarray(0, 16);
  b[6] = b[6] & 15 | 80;
  b[8] = b[8] & 63 | 128;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// src/expr/functions/strings.ts
function str1(name, f, returns = "string") {
  return {
    name,
    min: 1,
    max: 1,
    returns,
    impl: (args, env) => {
      const s = expectString(env, args, 0);
      return s instanceof Unknown ? s : f(s, env);
    }
  };
}
function str2(name, f, returns = "string") {
  return {
    name,
    min: 2,
    max: 2,
    returns,
    impl: (args, env) => {
      const a = expectString(env, args, 0);
      if (a instanceof Unknown) return a;
      const b = expectString(env, args, 1);
      return b instanceof Unknown ? b : f(a, b, env);
    }
  };
}
function changeCase(name, f) {
  return {
    name,
    min: 1,
    max: 1,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      const a = args[0];
      if (!(a instanceof Unknown)) {
        const s = expectString(env, args, 0);
        return s instanceof Unknown ? s : f(s);
      }
      if (!a.parts) return new Unknown(a.reason, "string");
      const parts = a.parts.map((p) => typeof p === "string" ? f(p) : new Unknown(p.reason, "string", void 0, p.symbol !== void 0 ? `${name}(${p.symbol})` : void 0));
      return partialString(parts, a.about, a.reason);
    }
  };
}
function affix(name) {
  const starts = name === "startsWith";
  const has = (s, x) => starts ? s.startsWith(x) : s.endsWith(x);
  return {
    name,
    min: 2,
    max: 2,
    returns: "bool",
    unknownArgs: true,
    impl: (args, env) => {
      const [a, b] = args;
      if (!(a instanceof Unknown) && typeof a !== "string") return expectString(env, args, 0);
      if (b instanceof Unknown) return new Unknown(b.reason, "bool");
      if (typeof b !== "string") return expectString(env, args, 1);
      const x = foldCase(b);
      if (typeof a === "string") return has(foldCase(a), x);
      const edge = a.parts?.[starts ? 0 : a.parts.length - 1];
      if (typeof edge === "string") {
        const known3 = foldCase(edge);
        if (has(known3, x)) return true;
        if (!has(x, known3)) return false;
      }
      return new Unknown(a.reason, "bool");
    }
  };
}
function decodeBase64(s, env) {
  const t = s.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return env.error(`The value '${s.length > 40 ? `${s.slice(0, 40)}...` : s}' is not a valid base64 string.`, 0);
  return Buffer.from(t, "base64").toString("utf8");
}
function escapeDataString(s) {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function jsonValue(s, env) {
  const r = parseJsonText(s);
  return r.ok ? r.value : env.error(`The value is not valid JSON: ${r.message}.`, 0);
}
function splitPartial(args, first) {
  const [s, d] = args;
  const parts = s instanceof Unknown ? s.parts ?? (s.symbol !== void 0 ? [s] : void 0) : void 0;
  if (typeof d !== "string" || d === "" || !parts || !parts.every((p) => typeof p === "string" || p.symbol !== void 0)) {
    const keys = args.map(symbolicKey);
    return new Unknown(first.reason, "array", void 0, keys.every((k) => k !== void 0) ? `split(${keys.join(",")})` : void 0);
  }
  const out = [[]];
  for (const p of parts) {
    if (typeof p !== "string") {
      out[out.length - 1].push(p);
      continue;
    }
    p.split(d).forEach((piece, i) => {
      if (i > 0) out.push([]);
      out[out.length - 1].push(piece);
    });
  }
  return out.map((pieces) => partialString(pieces));
}
function hashOfUnknown(env, args, fn) {
  const keys = args.map(symbolicKey);
  const u = args.find((a) => a instanceof Unknown);
  if (keys.every((k) => k !== void 0)) {
    return new Unknown(u.reason, "string", void 0, `${fn}(${keys.join(",")})`, `${fn}() of a value known only at deployment`);
  }
  return new Unknown(u.reason, "string");
}
function isWhiteSpace2(c) {
  return c >= 9 && c <= 13 || c === 32 || c === 133 || c === 160 || c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288;
}
function trimWhiteSpace(s) {
  let a = 0;
  let b = s.length;
  while (a < b && isWhiteSpace2(s.charCodeAt(a))) a++;
  while (b > a && isWhiteSpace2(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}
function wildcard(pattern) {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]");
  return new RegExp(`^${re}$`, "i");
}
var stringFunctions = [
  {
    name: "format",
    min: 1,
    max: void 0,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      const fmt2 = args[0];
      if (fmt2 instanceof Unknown) return new Unknown(fmt2.reason, "string");
      if (typeof fmt2 !== "string") return env.error(`The template function 'format' expects a format string; the provided value is of type '${typeName(fmt2)}'.`, 0);
      const r = composite(fmt2, args.slice(1));
      if (!r.ok) return env.error(`The template function 'format' failed: ${r.message}`);
      const len = r.pieces.reduce((n, p) => n + (typeof p === "string" ? p.length : 0), 0);
      return env.checkString(len) ?? partialString(r.pieces);
    }
  },
  {
    name: "string",
    min: 1,
    max: 1,
    returns: "string",
    impl: (args, env) => {
      const s = armToString(args[0]);
      if (s === void 0) {
        return new Unknown({ code: "deployment-time", message: "string() of a value that contains unknown parts", span: env.span }, "string");
      }
      return s;
    }
  },
  str1("base64", (s) => Buffer.from(s, "utf8").toString("base64")),
  str1("base64ToString", (s, env) => decodeBase64(s, env)),
  str1("base64ToJson", (s, env) => {
    const t = decodeBase64(s, env);
    return t instanceof Unknown ? t : jsonValue(t, env);
  }, void 0),
  str1("dataUri", (s) => `data:text/plain;charset=utf8;base64,${Buffer.from(s, "utf8").toString("base64")}`),
  str1("dataUriToString", (s, env) => {
    const m = /^data:([^,]*),(.*)$/s.exec(s);
    if (!m) return env.error("The value is not a valid data URI.", 0);
    const meta = m[1];
    const data = m[2];
    if (/;base64$/i.test(meta)) return decodeBase64(data, env);
    try {
      return decodeURIComponent(data);
    } catch {
      return data;
    }
  }),
  str2("uri", (base, rel, env) => {
    try {
      const r = rel.startsWith("/") && !rel.startsWith("//") ? rel.slice(1) : rel;
      return new URL(r, base).href;
    } catch {
      return env.error(`The template function 'uri' can't combine '${base}' and '${rel}' into a URI.`);
    }
  }),
  str1("uriComponent", (s) => escapeDataString(s)),
  str1("uriComponentToString", (s, env) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return env.error("The value is not a valid escaped URI component.", 0);
    }
  }),
  changeCase("toLower", (s) => s.toLowerCase()),
  changeCase("toUpper", (s) => s.toUpperCase()),
  str1("trim", (s) => trimWhiteSpace(s)),
  affix("startsWith"),
  affix("endsWith"),
  str2("like", (a, b) => wildcard(b).test(a), "bool"),
  {
    name: "padLeft",
    min: 2,
    max: 3,
    returns: "string",
    impl: (args, env) => {
      const v = args[0];
      const s = typeof v === "number" ? String(v) : expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      const n = expectInt(env, args, 1);
      if (n instanceof Unknown) return n;
      let pad2 = " ";
      if (args.length > 2) {
        const p = expectString(env, args, 2);
        if (p instanceof Unknown) return p;
        if (p.length !== 1) return env.error("The template function 'padLeft' expects a single padding character.", 2);
        pad2 = p;
      }
      const lim = env.checkString(n);
      if (lim) return lim;
      return s.length >= n ? s : pad2.repeat(n - s.length) + s;
    }
  },
  {
    name: "replace",
    min: 3,
    max: 3,
    returns: "string",
    impl: (args, env) => {
      const s = expectStrings(env, args);
      if (s instanceof Unknown) return s;
      const [src, from, to] = s;
      if (from === "") return env.error("The template function 'replace' can't replace an empty string.", 1);
      const count = src.split(from).length - 1;
      if (!env.step(count)) {
        const message = `Evaluation stopped after ${env.ctx.budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
        return env.ctx.budget.firstExhaustion() ? env.limit(message) : env.unknown("limit", message, "string");
      }
      const lim = env.checkString(src.length + count * (to.length - from.length));
      return lim ?? src.split(from).join(to);
    }
  },
  {
    name: "split",
    min: 2,
    max: 2,
    returns: "array",
    unknownArgs: true,
    impl: (args, env) => {
      const unknown = args.find((a) => a instanceof Unknown);
      if (unknown) return splitPartial(args, unknown);
      const s = expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      const d = args[1];
      let delims;
      if (typeof d === "string") delims = [d];
      else if (Array.isArray(d) && d.every((x) => typeof x === "string")) delims = d;
      else return env.error(`The template function 'split' expects a string or an array of strings as delimiter; the provided value is of type '${typeName(d)}'.`, 1);
      delims = delims.filter((x) => x !== "");
      if (delims.length === 0) return [s];
      const re = new RegExp(delims.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
      return s.split(re);
    }
  },
  {
    name: "substring",
    min: 1,
    max: 3,
    returns: "string",
    impl: (args, env) => {
      const s = expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      let start = 0;
      if (args.length > 1) {
        const v = expectInt(env, args, 1);
        if (v instanceof Unknown) return v;
        start = v;
      }
      let len = s.length - start;
      if (args.length > 2) {
        const v = expectInt(env, args, 2);
        if (v instanceof Unknown) return v;
        len = v;
      }
      if (start < 0 || start > s.length) {
        return env.error(`The index parameter of 'substring' must be within the string. The index parameter: '${start}', the length of the string parameter: '${s.length}'.`, 1);
      }
      if (len < 0 || start + len > s.length) {
        return env.error(
          `The index and length parameters must refer to a location within the string. The index parameter: '${start}', the length parameter: '${len}', the length of the string parameter: '${s.length}'.`
        );
      }
      return s.substr(start, len);
    }
  },
  {
    name: "join",
    min: 2,
    max: 2,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      const [a, d] = args;
      if (a instanceof Unknown) return new Unknown(a.reason, "string");
      if (d instanceof Unknown) return new Unknown(d.reason, "string");
      if (!Array.isArray(a)) return env.error(`The template function 'join' expects an array; the provided value is of type '${typeName(a)}'.`, 0);
      if (typeof d !== "string") return env.error("The template function 'join' expects a string delimiter.", 1);
      const pieces = [];
      for (let i = 0; i < a.length; i++) {
        const x = a[i];
        if (i) pieces.push(d);
        if (x instanceof Unknown) pieces.push(x);
        else if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") pieces.push(armToString(x));
        else return env.error(`The template function 'join' expects an array of strings; element ${i} is of type '${typeName(x)}'.`, 0);
      }
      return partialString(pieces);
    }
  },
  {
    name: "uniqueString",
    min: 1,
    max: void 0,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      if (args.some((a) => a instanceof Unknown)) return hashOfUnknown(env, args, "uniqueString");
      const s = expectStrings(env, args);
      return s instanceof Unknown ? s : uniqueString(s);
    }
  },
  {
    name: "guid",
    min: 1,
    max: void 0,
    returns: "string",
    unknownArgs: true,
    impl: (args, env) => {
      if (args.some((a) => a instanceof Unknown)) return hashOfUnknown(env, args, "guid");
      const s = expectStrings(env, args);
      return s instanceof Unknown ? s : armGuid(s);
    }
  },
  {
    name: "newGuid",
    min: 0,
    max: 0,
    returns: "string",
    impl: (_args, env) => env.unknown("deployment-time", "newGuid() returns a new value at each deployment", "string")
  },
  {
    name: "parseUri",
    min: 1,
    max: 1,
    returns: "object",
    impl: (args, env) => {
      const s = expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      try {
        const u = new URL(s);
        const defaultPort = u.protocol === "https:" ? 443 : u.protocol === "http:" ? 80 : -1;
        return ObjectValue.from([
          ["scheme", u.protocol.replace(/:$/, "")],
          ["host", u.hostname],
          ["port", u.port === "" ? defaultPort : Number(u.port)],
          ["path", u.pathname],
          ["query", u.search],
          ["absoluteUri", u.href]
        ]);
      } catch {
        return env.error(`The value '${s}' is not a valid absolute URI.`, 0);
      }
    }
  },
  {
    name: "buildUri",
    min: 1,
    max: 1,
    returns: "string",
    impl: (args, env) => {
      const o = args[0];
      if (!(o instanceof ObjectValue)) return env.error("The template function 'buildUri' expects an object.", 0);
      const parts = ["scheme", "host", "port", "path", "query"].map((k) => o.get(k) ?? null);
      const u = parts.find((p2) => p2 instanceof Unknown);
      if (u) return new Unknown(u.reason, "string");
      const [scheme, host, port, path11, query] = parts;
      if (typeof scheme !== "string" || typeof host !== "string") return env.error("The object given to 'buildUri' needs 'scheme' and 'host' strings.", 0);
      const p = typeof port === "number" && port >= 0 ? `:${port}` : "";
      const pathText2 = typeof path11 === "string" ? path11.startsWith("/") ? path11 : `/${path11}` : "/";
      const q = typeof query === "string" && query !== "" ? query.startsWith("?") ? query : `?${query}` : "";
      return `${scheme}://${host}${p}${pathText2}${q}`;
    }
  }
];

// src/expr/functions/index.ts
var registry = /* @__PURE__ */ new Map();
var byExactName = /* @__PURE__ */ new Map();
for (const list of [
  collectionFunctions,
  comparisonFunctions,
  cidrFunctions,
  dateFunctions,
  deploymentFunctions,
  lambdaFunctions,
  logicalFunctions,
  numericFunctions,
  resourceFunctions,
  stringFunctions
]) {
  for (const def of list) {
    registry.set(def.name.toLowerCase(), def);
    byExactName.set(def.name, def);
  }
}
function lookupFunction(name) {
  return byExactName.get(name) ?? registry.get(name.toLowerCase());
}

// src/expr/check.ts
function syntaxDiagnostic(p, at2) {
  return p.limit ? { code: "limit-exceeded", message: `${p.message} The expression is not analysed.`, span: at2 } : { code: "invalid-template", message: `Invalid template expression: ${p.message}`, span: at2 };
}
function unknownFunctionMessage(display) {
  return `The template function '${display}' is not valid (not a known ARM template function).`;
}
function arityFits(def, count) {
  return count >= def.min && (def.max === void 0 || count <= def.max);
}
function arityMessage(display, def, count) {
  const expected = def.max === def.min ? `${def.min}` : def.max === void 0 ? `at least ${def.min}` : `${def.min} to ${def.max}`;
  return `The template function '${display}' expects ${expected} argument(s) but was called with ${count}.`;
}
function isListAction(name) {
  return name.length >= 4 && name.slice(0, 4).toLowerCase() === "list";
}
var NO_FACTS = Object.freeze({ problems: Object.freeze([]), refs: Object.freeze([]), symbols: Object.freeze([]), runtimeCalls: Object.freeze([]) });
function staticFacts(parsed) {
  if (parsed.facts) return parsed.facts;
  const found = { problems: void 0, refs: void 0, symbols: void 0, runtimeCalls: void 0 };
  collectFacts(parsed.ast, found);
  parsed.facts = found.problems || found.refs || found.symbols || found.runtimeCalls ? { problems: found.problems ?? [], refs: found.refs ?? [], symbols: found.symbols ?? [], runtimeCalls: found.runtimeCalls ?? [] } : NO_FACTS;
  return parsed.facts;
}
function collectFacts(e, found) {
  switch (e.k) {
    case "lit":
      return;
    case "member":
      collectFacts(e.obj, found);
      return;
    case "index":
      collectFacts(e.obj, found);
      collectFacts(e.index, found);
      return;
    case "call": {
      const def = e.ns === void 0 ? lookupFunction(e.name) : void 0;
      const problem = callProblem(e, def);
      if (problem) (found.problems ??= []).push({ start: e.start, end: e.end, message: problem });
      else if (e.ns === void 0 && (isListAction(e.name) || def?.name === "reference")) {
        (found.runtimeCalls ??= []).push({ name: e.name, start: e.start, end: e.end });
      }
      if (!problem && def && (def.name === "reference" || def.name === "resourceInfo") && e.args[0]?.k === "lit" && typeof e.args[0].value === "string") {
        (found.symbols ??= []).push({ fn: def.name, name: e.args[0].value, argCount: e.args.length, start: e.start, end: e.end });
      }
      if (!problem && def && e.args.length === 1) {
        const arg = e.args[0];
        const kind = def.name.toLowerCase();
        if ((kind === "parameters" || kind === "variables") && arg.k === "lit" && typeof arg.value === "string") {
          (found.refs ??= []).push({ kind, name: arg.value, lower: arg.value.toLowerCase(), start: e.start, end: e.end });
        }
      }
      const running = def?.lazy ? Math.min(1, e.args.length) : e.args.length;
      for (let i = 0; i < running; i++) collectFacts(e.args[i], found);
    }
  }
}
function callProblem(e, def) {
  if (e.ns !== void 0) return void 0;
  if (!def) return isListAction(e.name) ? void 0 : unknownFunctionMessage(e.name);
  return arityFits(def, e.args.length) ? void 0 : arityMessage(e.name, def, e.args.length);
}

// src/expr/evaluate.ts
var RANGE_FROM_ZERO = "range(0,";
var GIVES_BACK = /* @__PURE__ */ new Set(["parameters", "variables", "lambdavariables", "if", "coalesce", "first", "last", "tryget", "indexfromend", "tryindexfromend", "reduce", "min", "max"]);
var givesBackByName = /* @__PURE__ */ new Map();
function givesBack(def) {
  let g = givesBackByName.get(def.name);
  if (g === void 0) givesBackByName.set(def.name, g = GIVES_BACK.has(def.name.toLowerCase()));
  return g;
}
function valueNodesMessage(max) {
  return `The value would hold more than ${max} elements and properties through all its levels (limit maxValueNodes).`;
}
var CHARS_PER_STEP = 16;
function buildCost(v) {
  return typeof v === "string" ? Math.floor(v.length / CHARS_PER_STEP) : 0;
}
var MAX_AST_DEPTH = 512;
function evaluate(ast, base, ctx, scope) {
  const budget = ctx.budget;
  if (budget.depth >= budget.limits.maxDepth) {
    const span = base.sub(ast.start, ast.end);
    const message = `Evaluation is nested more than ${budget.limits.maxDepth} levels deep (recursive variables or functions?) (limit maxExpressionDepth).`;
    ctx.diagnostics.add({ code: "limit-exceeded", message, span });
    return new Unknown({ code: "limit", message, span });
  }
  budget.depth++;
  try {
    return new Evaluator(base, ctx).eval(ast, scope, 0);
  } catch (e) {
    const span = base.sub(ast.start, ast.end);
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      const message2 = "The evaluation is nested too deeply for the stack (limit maxExpressionDepth).";
      ctx.diagnostics.add({ code: "limit-exceeded", message: message2, span });
      return new Unknown({ code: "limit", message: message2, span });
    }
    const message = `internal error while evaluating: ${e instanceof Error ? e.message : String(e)}`;
    ctx.diagnostics.add({ code: "internal-error", message, span });
    return new Unknown({ code: "error", message, span });
  } finally {
    budget.depth--;
  }
}
function evaluateString(s, span, ctx, scope) {
  if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93) return s;
  const p = ctx.repeats ? parseTemplateString(s, ctx.budget.parseLimits) : parseTemplateStringUncached(s, ctx.budget.parseLimits);
  if (p.kind === "literal") return p.value;
  if (p.kind === "expr") return evaluate(p.ast, span, ctx, scope);
  const at2 = span.sub(p.start, p.end);
  ctx.diagnostics.add(syntaxDiagnostic(p, at2));
  return new Unknown({ code: p.limit ? "limit" : "error", message: p.message, span: at2 });
}
var Evaluator = class _Evaluator {
  constructor(base, ctx) {
    this.base = base;
    this.ctx = ctx;
  }
  base;
  ctx;
  span(n) {
    return this.base.sub(n.start, n.end);
  }
  error(n, message) {
    const span = this.span(n);
    this.ctx.diagnostics.add({ code: "evaluation-error", message, span });
    return new Unknown({ code: "error", message, span });
  }
  limit(n, message) {
    const span = this.span(n);
    this.ctx.diagnostics.add({ code: "limit-exceeded", message, span });
    return new Unknown({ code: "limit", message, span });
  }
  /** Evaluates without reporting diagnostics of the expression itself (a branch that may not run). */
  evalQuiet(n, scope, depth) {
    return new _Evaluator(this.base, new QuietContext(this.ctx)).eval(n, scope, depth);
  }
  eval(n, scope, depth) {
    const budget = this.ctx.budget;
    if (!budget.step()) {
      const message = `Evaluation stopped after ${budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
      return budget.firstExhaustion() ? this.limit(n, message) : new Unknown({ code: "limit", message, span: this.span(n) });
    }
    if (depth > MAX_AST_DEPTH && depth > budget.limits.maxDepth) {
      return this.limit(n, `The expression is nested more than ${Math.max(MAX_AST_DEPTH, budget.limits.maxDepth)} levels deep (limit maxExpressionDepth).`);
    }
    const inv = this.ctx.invariants;
    if (inv !== void 0 && scope === void 0 && inv.has(n)) return inv.value(n, () => this.evalNode(n, scope, depth));
    return this.evalNode(n, scope, depth);
  }
  evalNode(n, scope, depth) {
    switch (n.k) {
      case "lit":
        return n.value;
      case "member": {
        const obj = this.eval(n.obj, scope, depth + 1);
        return this.member(n, obj, n.name);
      }
      case "index": {
        const obj = this.eval(n.obj, scope, depth + 1);
        const idx = this.eval(n.index, scope, depth + 1);
        return this.index(n, obj, idx);
      }
      case "call":
        return this.call(n, scope, depth);
    }
  }
  member(n, obj, name) {
    if (obj instanceof Unknown) return unknownMember(obj, name);
    if (obj instanceof ObjectValue) {
      const v = obj.get(name);
      if (v !== void 0) return v;
      if (obj.runtime) return new Unknown(obj.runtime);
      const avail = obj.keys();
      return this.error(
        n,
        `The language expression property '${name}' doesn't exist, available properties are '${avail.join(", ")}'.`
      );
    }
    return this.error(n, `The language expression property '${name}' can't be evaluated, the value is of type '${typeName(obj)}'.`);
  }
  index(n, obj, idx) {
    if (obj instanceof Unknown) {
      if (typeof idx === "string") return unknownMember(obj, idx);
      if (obj.symbol !== void 0 && obj.symbol.startsWith(RANGE_FROM_ZERO) && (typeof idx === "number" || idx instanceof Unknown && idx.symbol !== void 0)) return idx;
      const k = symbolicKey(idx);
      return new Unknown(obj.reason, void 0, void 0, obj.symbol !== void 0 && k !== void 0 ? `${obj.symbol}[${k}]` : void 0);
    }
    if (idx instanceof Unknown) {
      return new Unknown(idx.reason);
    }
    if (Array.isArray(obj)) {
      if (typeof idx !== "number" || !Number.isInteger(idx)) {
        return this.error(n, `The language expression array index must be an integer; the provided value is of type '${typeName(idx)}'.`);
      }
      if (idx < 0 || idx >= obj.length) {
        return this.error(n, `The language expression property array index '${idx}' is out of bounds (the array has ${obj.length} elements).`);
      }
      return obj[idx];
    }
    if (obj instanceof ObjectValue) {
      if (typeof idx !== "string") {
        return this.error(n, `The language expression property name must be a string; the provided value is of type '${typeName(idx)}'.`);
      }
      return this.member(n, obj, idx);
    }
    return this.error(n, `The language expression can't index a value of type '${typeName(obj)}'.`);
  }
  call(n, scope, depth) {
    if (n.ns === LOWERING_NS) return this.loweringCall(n);
    const display = n.ns !== void 0 ? `${n.ns}.${n.name}` : n.name;
    if (n.ns !== void 0) return this.userCall(n, scope, depth, display);
    const def = lookupFunction(n.name);
    if (!def) {
      if (isListAction(n.name)) {
        const args = n.args.map((a) => this.eval(a, scope, depth + 1));
        const span2 = this.span(n);
        return this.ctx.runtime?.(n.name, args, span2) ?? new Unknown({ code: "runtime-state", message: `${n.name}() returns runtime state of a resource`, span: span2 });
      }
      const span = this.span(n);
      const message = unknownFunctionMessage(display);
      this.ctx.diagnostics.add({ code: "evaluation-error", message, span });
      return new Unknown({ code: "unsupported", message, span });
    }
    if (!arityFits(def, n.args.length)) return this.error(n, arityMessage(display, def, n.args.length));
    const env = new Env(this, n, scope, depth, def);
    let result;
    let given;
    try {
      if (def.lazy) result = def.lazy(env);
      else {
        const count = n.args.length;
        const args = new Array(count);
        let firstUnknown;
        for (let i = 0; i < count; i++) {
          const v = this.eval(n.args[i], scope, depth + 1);
          args[i] = v;
          if (firstUnknown === void 0 && v instanceof Unknown) firstUnknown = v;
        }
        if (!def.unknownArgs && firstUnknown) return derivedUnknown(def.name, args, firstUnknown, def.returns);
        given = args;
        result = def.impl ? def.impl(args, env) : null;
        if (firstUnknown && result instanceof Unknown && result.symbol === void 0 && !result.parts && result.reason.code !== "error") {
          const keys = args.map(symbolicKey);
          if (keys.every((k) => k !== void 0)) {
            result = new Unknown(result.reason, result.type, void 0, `${def.name}(${keys.join(",")})`, result.about, result.oneOf);
          }
        }
      }
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) return this.limit(n, "The evaluation is nested too deeply for the stack (limit maxExpressionDepth).");
      const span = this.span(n);
      const message = `internal error in ${display}(): ${e instanceof Error ? e.message : String(e)}`;
      this.ctx.diagnostics.add({ code: "internal-error", message, span });
      return new Unknown({ code: "error", message, span });
    }
    return this.chargeBuilt(n, def, given, this.checkSize(n, result));
  }
  /**
   * A function that builds a string does work, and holds memory, in proportion to its length, not
   * one step: a padLeft() of four million characters in a map() over range(0, 10000) is 40 GB of
   * text, each string within maxStringLength. So what a call builds is charged to the step budget
   * too (see buildCost); a function that gives back a value it was given or looked up builds nothing.
   */
  chargeBuilt(n, def, args, v) {
    const cost = buildCost(v);
    if (cost === 0 || givesBack(def) || args?.includes(v)) return v;
    const budget = this.ctx.budget;
    if (budget.step(cost)) return v;
    const message = `Evaluation stopped after ${budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
    return budget.firstExhaustion() ? this.limit(n, message) : new Unknown({ code: "limit", message, span: this.span(n) });
  }
  checkSize(n, v) {
    const lim = this.ctx.budget.limits;
    if (typeof v === "string" && v.length > lim.maxStringLength) {
      return this.limit(n, `The string is longer than ${lim.maxStringLength} characters (limit maxStringLength).`);
    }
    if (Array.isArray(v) && v.length > lim.maxArrayLength) {
      return this.limit(n, `The array has more than ${lim.maxArrayLength} elements (limit maxArrayLength).`);
    }
    if (v instanceof ObjectValue && v.size > lim.maxObjectSize) {
      return this.limit(n, `The object has more than ${lim.maxObjectSize} properties (limit maxObjectSize).`);
    }
    if ((Array.isArray(v) || v instanceof ObjectValue) && valueNodes(v) > lim.maxValueNodes) {
      return this.limit(n, valueNodesMessage(lim.maxValueNodes));
    }
    return v;
  }
  /**
   * `__vtaplint.notRead('message')`: what a front end writes for a value it could not read (a
   * Bicep load*() file that is missing or outside the lint root); the value is unknown
   * ('not-fetched'), not null. `__vtaplint.invalid('message')`: for a call the front end found
   * wrong (a Bicep function that does not exist); the value is an 'error' unknown. Either way the
   * problem was reported when lowering, and is not reported again here. `__vtaplint.limit('message')`:
   * what the front end left out at a limit (an expression nested too deep); a 'limit' unknown.
   */
  loweringCall(n) {
    const first = n.args[0];
    const invalid = n.name === "invalid";
    const message = first?.k === "lit" && typeof first.value === "string" ? first.value : invalid ? "an invalid call" : "a file that was not read";
    return new Unknown({ code: invalid ? "error" : n.name === "limit" ? "limit" : "not-fetched", message, span: this.span(n) });
  }
  userCall(n, scope, depth, display) {
    const fn = this.ctx.userFunction(n.ns, n.name);
    if (!fn) return this.error(n, `The template function '${display}' is not defined.`);
    if (n.args.length < fn.minArgs || n.args.length > fn.maxArgs) {
      return this.error(n, `The template function '${display}' expects ${fn.minArgs} argument(s) but was called with ${n.args.length}.`);
    }
    const args = n.args.map((a) => this.eval(a, scope, depth + 1));
    const budget = this.ctx.budget;
    if (budget.depth >= budget.limits.maxDepth) {
      return this.limit(n, `User-defined function calls are nested more than ${budget.limits.maxDepth} levels deep (limit maxExpressionDepth).`);
    }
    budget.depth++;
    try {
      return fn.invoke(args, this.span(n));
    } finally {
      budget.depth--;
    }
  }
  /** Builds a lambda from a `lambda('a', 'b', body)` argument. */
  lambda(n, scope, depth) {
    if (n.k !== "call" || n.ns !== void 0 || n.name.toLowerCase() !== "lambda") {
      return this.error(n, "A lambda function is expected here.");
    }
    if (n.args.length < 1) return this.error(n, "The template function 'lambda' expects at least 1 argument.");
    const params = [];
    for (let i = 0; i < n.args.length - 1; i++) {
      const p = this.eval(n.args[i], scope, depth + 1);
      if (typeof p !== "string") return this.error(n.args[i], "Lambda parameter names must be strings.");
      params.push(p);
    }
    const body = n.args[n.args.length - 1];
    const span = this.span(n);
    return {
      params,
      span,
      invoke: (args) => {
        const vars = /* @__PURE__ */ new Map();
        params.forEach((p, i) => vars.set(p.toLowerCase(), args[i] ?? null));
        return this.eval(body, { vars, parent: scope }, depth + 1);
      }
    };
  }
};
var LOWERING_NS = "__vtaplint";
function derivedUnknown(fn, args, first, returns) {
  const keys = args.map(symbolicKey);
  const symbol = keys.every((k) => k !== void 0) ? `${fn}(${keys.join(",")})` : void 0;
  return new Unknown(first.reason, returns, void 0, symbol, void 0, void 0, boundOf(fn, args));
}
function boundOf(fn, args) {
  if (fn === "range") {
    const count = args[1];
    if (typeof count === "number") return count;
    if (!(count instanceof Unknown)) return void 0;
    if (count.atMost !== void 0) return count.atMost;
    const allowed = count.oneOf;
    return allowed && allowed.length > 0 && allowed.every((v) => typeof v === "number") ? Math.max(...allowed) : void 0;
  }
  if (fn === "length") {
    const a = args[0];
    return a instanceof Unknown && a.type === "array" ? a.atMost : void 0;
  }
  return void 0;
}
function unknownMember(u, name) {
  return new Unknown(u.reason, void 0, void 0, u.symbol !== void 0 ? `${u.symbol}.${name}` : void 0);
}
var Env = class {
  constructor(ev, n, scope, depth, def) {
    this.ev = ev;
    this.n = n;
    this.scope = scope;
    this.depth = depth;
    this.def = def;
    this.ctx = ev.ctx;
    this.name = n.name;
  }
  ev;
  n;
  scope;
  depth;
  def;
  /** Arguments evaluated so far (by index); created on the first arg() of a lazy function. */
  cache;
  callSpan;
  ctx;
  name;
  /** The call's span: made when a message or an unknown needs it (most calls need none). */
  get span() {
    return this.callSpan ??= this.ev.span(this.n);
  }
  get argCount() {
    return this.n.args.length;
  }
  /** The lambda scope (for lambdaVariables). */
  get lambdaScope() {
    return this.scope;
  }
  argSpan(i) {
    const a = this.n.args[i];
    return a ? this.ev.span(a) : this.span;
  }
  error(message, argIndex) {
    const span = argIndex !== void 0 ? this.argSpan(argIndex) : this.span;
    this.ctx.diagnostics.add({ code: "evaluation-error", message, span });
    return new Unknown({ code: "error", message, span });
  }
  limit(message) {
    this.ctx.diagnostics.add({ code: "limit-exceeded", message, span: this.span });
    return new Unknown({ code: "limit", message, span: this.span });
  }
  unknown(code, message, type, symbol) {
    return new Unknown({ code, message, span: this.span }, type, void 0, symbol);
  }
  checkString(length) {
    const max = this.ctx.budget.limits.maxStringLength;
    return length > max ? this.limit(`The string would be longer than ${max} characters (limit maxStringLength).`) : void 0;
  }
  checkArray(length) {
    const max = this.ctx.budget.limits.maxArrayLength;
    return length > max ? this.limit(`The array would have more than ${max} elements (limit maxArrayLength).`) : void 0;
  }
  checkNodes(nodes) {
    const max = this.ctx.budget.limits.maxValueNodes;
    return nodes > max ? this.limit(valueNodesMessage(max)) : void 0;
  }
  step(n = 1) {
    return this.ctx.budget.step(n);
  }
  arg(i) {
    const cache2 = this.cache ??= /* @__PURE__ */ new Map();
    const hit = cache2.get(i);
    if (hit !== void 0 || cache2.has(i)) return hit;
    const a = this.n.args[i];
    const v = a ? this.ev.eval(a, this.scope, this.depth + 1) : null;
    cache2.set(i, v);
    return v;
  }
  argQuiet(i) {
    const a = this.n.args[i];
    return a ? this.ev.evalQuiet(a, this.scope, this.depth + 1) : null;
  }
  lambda(i) {
    const a = this.n.args[i];
    if (!a) return this.error("A lambda function is expected.");
    return this.ev.lambda(a, this.scope, this.depth + 1);
  }
};
var QuietContext = class {
  constructor(inner) {
    this.inner = inner;
  }
  inner;
  diagnostics = new DiagnosticSink();
  get budget() {
    return this.inner.budget;
  }
  get deploymentContext() {
    return this.inner.deploymentContext;
  }
  parameter(name, span) {
    if (this.inner.declares?.("parameter", name) === false) return notFound("parameter", name, span);
    return this.inner.parameter(name, span);
  }
  variable(name, span) {
    if (this.inner.declares?.("variable", name) === false) return notFound("variable", name, span);
    return this.inner.variable(name, span);
  }
  declares(kind, name) {
    return this.inner.declares?.(kind, name) ?? true;
  }
  copyIndex(loopName, span) {
    return this.inner.copyIndex(loopName, span);
  }
  userFunction(ns, name) {
    return this.inner.userFunction(ns, name);
  }
  runtime(fn, args, span) {
    return this.inner.runtime?.(fn, args, span);
  }
};
function notFound(kind, name, span) {
  return new Unknown({ code: "error", message: `The template ${kind} '${name}' is not found.`, span });
}

// src/bicep/functions.generated.ts
var SYS_FUNCTIONS = [
  ["any", 1, 1],
  ["array", 1, 1],
  ["base64", 1, 1],
  ["base64ToJson", 1, 1],
  ["base64ToString", 1, 1],
  ["bool", 1, 1],
  ["buildUri", 1, 1],
  ["cidrHost", 2, 2],
  ["cidrSubnet", 3, 3],
  ["concat", 1, -1],
  ["contains", 2, 2],
  ["dataUri", 1, 1],
  ["dataUriToString", 1, 1],
  ["dateTimeAdd", 2, 3],
  ["dateTimeFromEpoch", 0, 1],
  ["dateTimeToEpoch", 0, 1],
  ["distinct", 1, 1],
  ["empty", 1, 1],
  ["endsWith", 2, 2],
  ["fail", 1, 1],
  ["filter", 2, 2],
  ["first", 1, 1],
  ["flatten", 1, 1],
  ["format", 1, -1],
  ["groupBy", 2, 3],
  ["guid", 1, -1],
  ["indexOf", 2, 2],
  ["int", 1, 1],
  ["intersection", 2, -1],
  ["items", 1, 1],
  ["join", 2, 2],
  ["json", 1, 1],
  ["last", 1, 1],
  ["lastIndexOf", 2, 2],
  ["length", 1, 1],
  ["like", 2, 2],
  ["loadDirectoryFileInfo", 1, 2],
  ["loadFileAsBase64", 1, 1],
  ["loadJsonContent", 1, 3],
  ["loadTextContent", 1, 2],
  ["loadYamlContent", 1, 3],
  ["map", 2, 2],
  ["mapValues", 2, 2],
  ["max", 1, -1],
  ["min", 1, -1],
  ["nameof", 1, 1],
  ["newGuid", 0, 0],
  ["objectKeys", 1, 1],
  ["padLeft", 2, 3],
  ["parseCidr", 1, 1],
  ["parseUri", 1, 1],
  ["range", 2, 2],
  ["reduce", 3, 3],
  ["replace", 3, 3],
  ["shallowMerge", 1, 1],
  ["skip", 2, 2],
  ["sort", 2, 2],
  ["split", 2, 2],
  ["startsWith", 2, 2],
  ["string", 1, 1],
  ["substring", 2, 3],
  ["take", 2, 2],
  ["toLower", 1, 1],
  ["toObject", 2, 3],
  ["toUpper", 1, 1],
  ["trim", 1, 1],
  ["union", 2, -1],
  ["uniqueString", 1, -1],
  ["uri", 2, 2],
  ["uriComponent", 1, 1],
  ["uriComponentToString", 1, 1],
  ["utcNow", 0, 1]
];
var SYS_OTHER_FUNCTIONS = ["externalInput", "readCliArg", "readEnvVar", "readEnvironmentVariable"];
var AZ_FUNCTIONS = ["deployer", "deployment", "environment", "extensionResourceId", "getSecret", "managementGroup", "managementGroupResourceId", "pickZones", "providers", "reference", "resourceGroup", "resourceId", "roleDefinitions", "subscription", "subscriptionResourceId", "tenant", "tenantResourceId", "toLogicalZone", "toLogicalZones", "toPhysicalZone", "toPhysicalZones"];
var ARM_ONLY_FUNCTIONS = ["variables", "parameters", "if", "createArray", "createObject"];

// src/bicep/functions.ts
var SYS = new Map(SYS_FUNCTIONS.map(([name, min, max]) => [name, { min, max }]));
var NAMES_ONLY = /* @__PURE__ */ new Set([...SYS_OTHER_FUNCTIONS, ...AZ_FUNCTIONS]);
var BY_LOWER = new Map([...SYS.keys(), ...NAMES_ONLY].map((n) => [n.toLowerCase(), n]));
var INSTEAD = {
  parameters: "the parameter's name",
  variables: "the variable's name",
  if: "the conditional operator (condition ? a : b)",
  createArray: "an array ([a, b])",
  createObject: "an object ({ key: value })"
};
var ARM_ONLY = new Set(ARM_ONLY_FUNCTIONS);
function argumentCount(min, max) {
  if (max < 0) return `at least ${min} argument${min === 1 ? "" : "s"}`;
  if (min === max) return `${min} argument${min === 1 ? "" : "s"}`;
  return `${min} to ${max} arguments`;
}
function builtinCallProblem(name, count, extensions) {
  const sys = SYS.get(name);
  if (sys) {
    if (count >= sys.min && (sys.max < 0 || count <= sys.max)) return void 0;
    return { at: "arguments", message: `${name}() takes ${argumentCount(sys.min, sys.max)}, but is given ${count}` };
  }
  if (NAMES_ONLY.has(name) || /^list[A-Za-z0-9]/.test(name)) return void 0;
  if (ARM_ONLY.has(name)) return { at: "name", message: `'${name}()' is an ARM template function that Bicep does not have; use ${INSTEAD[name] ?? "Bicep syntax"}` };
  if (extensions) return void 0;
  const near = BY_LOWER.get(name.toLowerCase());
  return { at: "name", message: `the function '${name}' does not exist${near ? `; did you mean '${near}'? (Bicep names are case-sensitive)` : ""}` };
}

// src/model/cycles.ts
function cyclesOf(n, edges) {
  const lists = [];
  for (let i = 0; i < n; i++) lists.push(edges(i).filter(([j]) => j !== i && j >= 0 && j < n));
  const index2 = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = [];
  const components = [];
  let counter = 0;
  const frames = [];
  for (let root = 0; root < n; root++) {
    if (index2[root] !== -1) continue;
    index2[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    frames.push({ v: root, k: 0 });
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const v = frame.v;
      const out = lists[v];
      let descended = false;
      while (frame.k < out.length) {
        const w = out[frame.k++][0];
        if (index2[w] === -1) {
          index2[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push({ v: w, k: 0 });
          descended = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v], index2[w]);
      }
      if (descended) continue;
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v], low[v]);
      if (low[v] !== index2[v]) continue;
      const members = [];
      for (; ; ) {
        const w = stack.pop();
        onStack[w] = 0;
        component[w] = components.length;
        members.push(w);
        if (w === v) break;
      }
      components.push(members);
    }
  }
  const cycles = [];
  for (let c = 0; c < components.length; c++) {
    const members = components[c];
    if (members.length < 2) continue;
    const first = members.reduce((a, b) => Math.min(a, b));
    const from = /* @__PURE__ */ new Map();
    const queue = [first];
    let closing;
    for (let q = 0; q < queue.length && !closing; q++) {
      const u = queue[q];
      for (const [w, edge] of lists[u]) {
        if (component[w] !== c) continue;
        if (w === first) {
          closing = { last: u, edge };
          break;
        }
        if (from.has(w)) continue;
        from.set(w, u);
        queue.push(w);
      }
    }
    if (!closing) continue;
    const nodes = [];
    for (let u = closing.last; u !== first; u = from.get(u)) nodes.push(u);
    nodes.push(first);
    nodes.reverse();
    cycles.push({ nodes, closing: closing.edge });
  }
  return cycles.sort((a, b) => a.nodes[0] - b.nodes[0]);
}

// src/bicep/lower-ast.ts
function lit(value, at2) {
  return { k: "lit", value, start: at2.start, end: at2.end };
}
function call2(name, args, at2, ns) {
  return { k: "call", ns, name, args, start: at2.start, end: at2.end };
}
function member(obj, name, at2) {
  return { k: "member", obj, name, start: at2.start, end: at2.end };
}
function index(obj, idx, at2) {
  return { k: "index", obj, index: idx, start: at2.start, end: at2.end };
}
function escapeFormat(s) {
  return s.replace(/[{}]/g, (c) => c + c);
}
function formatCall(parts, args, at2) {
  let fmt2 = "";
  parts.forEach((p, i) => {
    fmt2 += escapeFormat(p);
    if (i < args.length) fmt2 += `{${i}}`;
  });
  return call2("format", [lit(fmt2, at2), ...args], at2);
}
var MAX_JSON_DEPTH = 256;
function jsonToExpr(v, at2, depth = 0) {
  if (depth > MAX_JSON_DEPTH) return lit(null, at2);
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return lit(v, at2);
  if (Array.isArray(v)) return call2("createArray", v.map((e) => jsonToExpr(e, at2, depth + 1)), at2);
  if (typeof v === "object") {
    const args = [];
    for (const [k, e] of Object.entries(v)) args.push(lit(k, at2), jsonToExpr(e, at2, depth + 1));
    return call2("createObject", args, at2);
  }
  return lit(null, at2);
}
function litString(e) {
  return e && e.k === "lit" && typeof e.value === "string" ? e.value : void 0;
}

// src/bicep/lower-expr.ts
var RefCollector = class {
  /** Resource/module keys referenced as a whole, with the first place each was referenced. */
  symbols = /* @__PURE__ */ new Map();
  /**
   * Loops referenced only by one instance (`vnets[i + 1]`): the index expressions, as the compiler
   * keeps them for an indexed dependsOn entry. A whole-loop reference (in `symbols`) wins.
   */
  indexed = /* @__PURE__ */ new Map();
  variables = /* @__PURE__ */ new Set();
};
var BINARY_FUNCTIONS = {
  "&&": "and",
  "||": "or",
  "==": "equals",
  "<": "less",
  "<=": "lessOrEquals",
  ">": "greater",
  ">=": "greaterOrEquals",
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
  "%": "mod"
};
function withLocals(ctx, add) {
  const locals = new Map(ctx.locals ?? []);
  for (const [k, v] of add) locals.set(k, v);
  return { ...ctx, locals };
}
var ExprLowerer = class {
  constructor(file, diagnostics, maxDepth = DEFAULT_LIMITS.maxExpressionDepth) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.maxDepth = maxDepth;
    this.base = new TextSpan(file, 0, file.text.length);
  }
  file;
  diagnostics;
  maxDepth;
  base;
  depth = 0;
  /** Whether the expression being lowered (from depth 0) has had its limit-exceeded finding. */
  depthReported = false;
  span(n) {
    return new TextSpan(this.file, n.start, n.end);
  }
  error(at2, message) {
    this.diagnostics.add({ code: "invalid-template", message, span: this.span(at2) });
  }
  note(at2, message) {
    this.diagnostics.add({ code: "note", message, span: this.span(at2) });
  }
  // ---- Expressions ----
  expr(e, ctx) {
    if (this.depth === 0) this.depthReported = false;
    if (this.depth >= this.maxDepth) {
      const message = `The expression is nested more than ${this.maxDepth} levels deep (limit maxExpressionDepth).`;
      if (!this.depthReported) this.diagnostics.add({ code: "limit-exceeded", message, span: this.span(e) });
      this.depthReported = true;
      return call2("limit", [lit(message, e)], e, LOWERING_NS);
    }
    this.depth++;
    try {
      return this.exprInner(e, ctx);
    } catch (x) {
      if (this.depth !== 1 || !(x instanceof RangeError && /call stack/i.test(x.message))) throw x;
      const message = "The expression is nested too deeply for the stack (limit maxExpressionDepth).";
      if (!this.depthReported) this.diagnostics.add({ code: "limit-exceeded", message, span: this.span(e) });
      this.depthReported = true;
      return call2("limit", [lit(message, e)], e, LOWERING_NS);
    } finally {
      this.depth--;
    }
  }
  exprInner(e, ctx) {
    switch (e.kind) {
      case "String":
        return this.string(e, ctx);
      case "Integer":
        return lit(e.value, e);
      case "Boolean":
        return lit(e.value, e);
      case "Null":
        return lit(null, e);
      case "VariableAccess": {
        const b = ctx.locals?.get(e.name.name);
        if (b) return this.binding(b, e);
        return this.identifier(e.name, e, ctx);
      }
      case "FunctionCall":
        return this.specialCall(e, ctx) ?? call2(e.name.name, e.args.map((a) => this.expr(a, ctx)), e);
      case "PropertyAccess": {
        const s = this.symbolicProperty(e, ctx);
        if (s) return s;
        const obj = this.expr(e.base, ctx);
        if (e.safe) return call2("tryGet", [obj, lit(e.property.name, e.property)], e);
        return continuedSafeChain(e.base, obj, lit(e.property.name, e.property), e) ?? member(obj, e.property.name, e);
      }
      case "ArrayAccess": {
        const s = this.symbolicIndex(e, ctx);
        if (s) return s;
        const obj = this.expr(e.base, ctx);
        const idx = this.expr(e.index, ctx);
        if (e.safe) return e.fromEnd ? call2("tryIndexFromEnd", [obj, idx], e) : call2("tryGet", [obj, idx], e);
        const segment2 = e.fromEnd ? call2("createObject", [lit("value", e), idx, lit("fromEnd", e), lit(true, e)], e) : idx;
        return continuedSafeChain(e.base, obj, segment2, e) ?? (e.fromEnd ? call2("indexFromEnd", [obj, idx], e) : index(obj, idx, e));
      }
      case "ResourceAccess":
        return this.resourceAccess(e, ctx);
      case "NonNullAssertion":
        return this.expr(e.base, ctx);
      case "Parenthesized":
        return this.expr(e.expression, ctx);
      case "Unary": {
        if (e.operator === "-" && e.operand.kind === "Integer") return lit(-e.operand.value, e);
        const v = this.expr(e.operand, ctx);
        if (e.operator === "!") return call2("not", [v], e);
        if (e.operator === "-") return call2("sub", [lit(0, e), v], e);
        return v;
      }
      case "Binary": {
        if (e.operator === "??") {
          const args = [];
          const walk = (x) => {
            if (x.kind === "Binary" && x.operator === "??") {
              walk(x.left);
              walk(x.right);
            } else args.push(this.expr(x, ctx));
          };
          walk(e);
          return call2("coalesce", args, e);
        }
        const l = this.expr(e.left, ctx);
        const r = this.expr(e.right, ctx);
        switch (e.operator) {
          case "!=":
            return call2("not", [call2("equals", [l, r], e)], e);
          case "=~":
            return call2("equals", [call2("toLower", [l], e.left), call2("toLower", [r], e.right)], e);
          case "!~":
            return call2("not", [call2("equals", [call2("toLower", [l], e.left), call2("toLower", [r], e.right)], e)], e);
          default:
            return call2(BINARY_FUNCTIONS[e.operator] ?? e.operator, [l, r], e);
        }
      }
      case "Ternary":
        return call2("if", [this.expr(e.condition, ctx), this.expr(e.whenTrue, ctx), this.expr(e.whenFalse, ctx)], e);
      case "Array": {
        if (!e.items.some((i) => i.kind === "Spread")) return call2("createArray", e.items.map((i) => this.expr(i, ctx)), e);
        const groups = [];
        let run = [];
        let runStart;
        const flush = () => {
          if (run.length > 0 && runStart) groups.push(call2("createArray", run, runStart));
          run = [];
          runStart = void 0;
        };
        for (const item of e.items) {
          if (item.kind === "Spread") {
            flush();
            groups.push(this.expr(item.expression, ctx));
          } else {
            runStart ??= item;
            run.push(this.expr(item, ctx));
          }
        }
        flush();
        return call2("flatten", [call2("createArray", groups, e)], e);
      }
      case "Object":
        return this.objectExpr(e, ctx);
      case "For":
        return this.forExpr(e, ctx);
      case "Lambda": {
        const names = e.parameters.map((p) => p.name);
        const inner = withLocals(ctx, names.map((n) => [n, { kind: "lambda", name: n }]));
        return call2("lambda", [...e.parameters.map((p) => lit(p.name, p)), this.expr(e.body, inner)], e);
      }
      case "If":
        return this.expr(e.body, ctx);
      case "Missing":
      case "Skipped":
        return call2("invalid", [lit("a value that does not parse", e)], e, LOWERING_NS);
    }
  }
  binding(b, at2) {
    switch (b.kind) {
      case "lambda":
        return call2("lambdaVariables", [lit(b.name, at2)], at2);
      case "param":
        return call2("parameters", [lit(b.name, at2)], at2);
      case "expr":
        return { ...b.expr, start: at2.start, end: at2.end };
    }
  }
  string(e, ctx) {
    if (e.expressions.length === 0) return lit(e.value ?? e.segments.join(""), e);
    return formatCall(e.segments, e.expressions.map((x) => this.expr(x, ctx)), e);
  }
  objectExpr(e, ctx) {
    const groups = [];
    let run = [];
    let runStart;
    const flush = () => {
      if (runStart) groups.push(call2("createObject", run, runStart));
      run = [];
      runStart = void 0;
    };
    for (const p of e.properties) {
      if (p.kind === "Spread") {
        flush();
        groups.push(this.expr(p.expression, ctx));
      } else if (p.kind === "ObjectProperty") {
        runStart ??= p;
        run.push(p.keyName !== void 0 ? lit(p.keyName, p.key) : this.expr(p.key, ctx), this.expr(p.value, ctx));
      }
    }
    flush();
    if (groups.length === 0) return call2("createObject", [], e);
    if (groups.length === 1 && !e.properties.some((p) => p.kind === "Spread")) return groups[0];
    return call2("shallowMerge", [call2("createArray", groups, e)], e);
  }
  /**
   * `[for x in coll: body]` -> map(coll, lambda('x', body)); with an index or a filter the loop
   * runs over range(0, length(coll)) and the item is coll[i].
   */
  forExpr(e, ctx) {
    const coll = this.expr(e.iterable, ctx);
    const filter = e.body.kind === "If" ? e.body.condition : void 0;
    const body = e.body.kind === "If" ? e.body.body : e.body;
    if (!e.index) {
      const inner2 = withLocals(ctx, [[e.item.name, { kind: "lambda", name: e.item.name }]]);
      let source2 = coll;
      if (filter) source2 = call2("filter", [coll, call2("lambda", [lit(e.item.name, e.item), this.expr(filter, inner2)], filter)], e);
      return call2("map", [source2, call2("lambda", [lit(e.item.name, e.item), this.expr(body, inner2)], body)], e);
    }
    const iName = e.index.name;
    const iVar = call2("lambdaVariables", [lit(iName, e.index)], e.index);
    const inner = withLocals(ctx, [
      [iName, { kind: "lambda", name: iName }],
      [e.item.name, { kind: "expr", expr: index(coll, iVar, e.item) }]
    ]);
    let source = call2("range", [lit(0, e), call2("length", [coll], e.iterable)], e.iterable);
    if (filter) source = call2("filter", [source, call2("lambda", [lit(iName, e.index), this.expr(filter, inner)], filter)], e);
    return call2("map", [source, call2("lambda", [lit(iName, e.index), this.expr(body, inner)], body)], e);
  }
  // ---- Values (template nodes with spans) ----
  /** Lowers an expression in value position: literal containers stay containers, with spans. */
  value(e, ctx) {
    switch (e.kind) {
      case "String":
        if (e.expressions.length === 0) {
          const s = e.value ?? e.segments.join("");
          return s.startsWith("[") ? new TExpr(lit(s, e), this.base) : s;
        }
        break;
      case "Integer":
      case "Boolean":
        return e.value;
      case "Null":
        return null;
      case "Unary":
        if (e.operator === "-" && e.operand.kind === "Integer") return -e.operand.value;
        break;
      case "Parenthesized":
        return this.value(e.expression, ctx);
      case "Array": {
        if (e.items.some((i) => i.kind === "Spread")) break;
        const arr = [];
        e.items.forEach((item, i) => {
          arr.push(this.value(item, ctx));
          recordSpan(arr, i, this.span(item));
        });
        return arr;
      }
      case "Object": {
        if (e.properties.some((p) => p.kind === "Spread" || p.kind === "ObjectProperty" && p.keyName === void 0)) break;
        const obj = {};
        for (const p of e.properties) {
          if (p.kind !== "ObjectProperty" || p.keyName === void 0) continue;
          const key2 = escapeKey(p.keyName);
          setOwn(obj, key2, this.value(p.value, ctx));
          recordSpan(obj, key2, this.span(p.value), this.span(p.key));
        }
        return obj;
      }
      default:
        break;
    }
    return new TExpr(this.expr(e, ctx), this.base);
  }
  /** An object of `key: value` pairs with recorded spans (for sections the lowering builds). */
  set(obj, key2, node, valueAt, keyAt) {
    setOwn(obj, key2, node);
    recordSpan(obj, key2, this.span(valueAt), keyAt ? this.span(keyAt) : void 0);
  }
  texpr(e) {
    return new TExpr(e, this.base);
  }
};
function escapeKey(k) {
  return k.startsWith("[") && k.endsWith("]") ? `[${k}` : k;
}
function continuedSafeChain(base, obj, segment2, at2) {
  if (obj.k !== "call" || obj.ns !== void 0 || obj.name !== "tryGet" && obj.name !== "tryIndexFromEnd") return void 0;
  let b = base;
  let safe = false;
  while (b.kind === "PropertyAccess" || b.kind === "ArrayAccess") {
    if (b.safe) {
      safe = true;
      break;
    }
    b = b.base;
  }
  return safe ? call2(obj.name, [...obj.args, segment2], at2) : void 0;
}

// src/bicep/lower-types.ts
function resolveType(types, name) {
  const e = types.get(name);
  if (!e) return void 0;
  return e.kind === "ImportedType" ? { decl: e.decl, types: e.types } : { decl: e, types };
}
var MAX_TYPE_DEPTH = 64;
var SYS_TYPES = /* @__PURE__ */ new Set(["string", "int", "bool", "array", "object", "securestring", "secureobject", "any"]);
function decorator(decorators, name) {
  const lower3 = name.toLowerCase();
  return decorators.find((d) => d.name.name.toLowerCase() === lower3);
}
function literalValue(e) {
  switch (e.kind) {
    case "String":
      return e.expressions.length === 0 ? e.value ?? e.segments.join("") : void 0;
    case "Integer":
    case "Boolean":
      return e.value;
    case "Null":
      return null;
    case "Unary":
      return e.operator === "-" && e.operand.kind === "Integer" ? -e.operand.value : void 0;
    default:
      return void 0;
  }
}
function primitiveOf(v) {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "int";
  if (typeof v === "boolean") return "bool";
  return "object";
}
function builtinType(name) {
  switch (name.toLowerCase()) {
    case "string":
    case "int":
    case "bool":
    case "array":
    case "object":
      return name.toLowerCase();
    case "securestring":
      return "securestring";
    case "secureobject":
      return "secureObject";
    case "any":
      return null;
  }
  return void 0;
}
function armType(t, types, depth = 0) {
  if (!t || depth > MAX_TYPE_DEPTH) return { type: "object" };
  switch (t.kind) {
    case "TypeReference": {
      const n = t.name.name;
      const builtin = builtinType(n);
      if (builtin === null) return { type: "object", unknown: true };
      if (builtin !== void 0) return { type: builtin };
      return declaredType(resolveType(types, n), depth);
    }
    case "TypePropertyAccess": {
      if (t.base.kind === "TypeReference") {
        const imported = resolveType(types, `${t.base.name.name}.${t.property.name}`);
        if (imported) return declaredType(imported, depth);
        if (t.base.name.name === "sys" && SYS_TYPES.has(t.property.name.toLowerCase())) return armType({ kind: "TypeReference", name: t.property, start: t.start, end: t.end }, /* @__PURE__ */ new Map(), depth + 1);
      }
      const derived = resourceDerivedProperty(t, types, depth);
      if (derived) return derived;
      const member2 = memberType(t, types, depth);
      return member2 ? armType(member2.t, member2.types, depth + 1) : { type: "object", unknown: true };
    }
    case "TypeIndexAccess":
    case "TypeAdditionalPropertiesAccess": {
      const member2 = memberType(t, types, depth);
      return member2 ? armType(member2.t, member2.types, depth + 1) : { type: "object", unknown: true };
    }
    case "ParameterizedType":
      return isResourceType(t) ? { type: "object" } : { type: "object", unknown: true };
    case "ObjectType":
      return { type: "object" };
    case "TupleType":
      return { type: "array" };
    case "ArrayType": {
      const element = armType(t.element, types, depth + 1);
      if (!element.allowed || element.type === "array") return { type: "array" };
      return { type: "array", allowed: element.nullable && !element.allowed.includes(null) ? [...element.allowed, null] : element.allowed };
    }
    case "LiteralType": {
      const v = literalValue(t.value);
      return v === void 0 ? { type: "object" } : { type: primitiveOf(v), allowed: [v] };
    }
    case "NullableType": {
      const inner = armType(t.base, types, depth + 1);
      return { ...inner, nullable: true };
    }
    case "NonNullableType":
      return { ...armType(t.base, types, depth + 1), nullable: false };
    case "ParenthesizedType":
      return armType(t.type, types, depth + 1);
    case "UnionType": {
      const members = t.members.map((m) => armType(m, types, depth + 1));
      const allowed = [];
      let nullable = false;
      let type;
      for (const m of members) {
        if (m.allowed && m.allowed.length === 1 && m.allowed[0] === null) {
          nullable = true;
          continue;
        }
        if (!m.allowed) return members.every((x) => x.type === m.type && !x.unknown) ? { type: m.type } : { type: "object", unknown: true };
        allowed.push(...m.allowed);
        type = type === void 0 || type === m.type ? m.type : "object";
      }
      return { type: type ?? "object", allowed, ...nullable ? { nullable } : {} };
    }
    case "Missing":
    case "Skipped":
      return { type: "object", unknown: true };
  }
}
function typeDecorator(t, types, name, imported = false, depth = 0) {
  if (!t || depth > MAX_TYPE_DEPTH) return void 0;
  switch (t.kind) {
    case "NullableType":
    case "NonNullableType":
      return typeDecorator(t.base, types, name, imported, depth + 1);
    case "ParenthesizedType":
      return typeDecorator(t.type, types, name, imported, depth + 1);
    case "TypeReference":
    case "TypePropertyAccess": {
      const key2 = t.kind === "TypeReference" ? t.name.name : t.base.kind === "TypeReference" ? `${t.base.name.name}.${t.property.name}` : void 0;
      const e = key2 === void 0 ? void 0 : types.get(key2);
      if (!e) return void 0;
      const decl = e.kind === "ImportedType" ? e.decl : e;
      const inOtherFile = imported || e.kind === "ImportedType";
      const own2 = decorator(decl.decorators, name);
      if (own2) return { decorator: own2, imported: inOtherFile };
      return typeDecorator(decl.value, e.kind === "ImportedType" ? e.types : types, name, inOtherFile, depth + 1);
    }
    default:
      return void 0;
  }
}
function unalias(t, types, depth = 0) {
  if (depth > MAX_TYPE_DEPTH) return { t, types };
  if (t.kind === "ParenthesizedType") return unalias(t.type, types, depth + 1);
  const key2 = t.kind === "TypeReference" ? t.name.name : t.kind === "TypePropertyAccess" && t.base.kind === "TypeReference" ? `${t.base.name.name}.${t.property.name}` : void 0;
  const r = key2 === void 0 ? void 0 : resolveType(types, key2);
  return r ? unalias(r.decl.value, r.types, depth + 1) : { t, types };
}
function memberType(t, types, depth = 0) {
  if (depth > MAX_TYPE_DEPTH || t.kind !== "TypePropertyAccess" && t.kind !== "TypeIndexAccess" && t.kind !== "TypeAdditionalPropertiesAccess") return void 0;
  const inner = t.base.kind === "TypePropertyAccess" || t.base.kind === "TypeIndexAccess" || t.base.kind === "TypeAdditionalPropertiesAccess" ? memberType(t.base, types, depth + 1) : void 0;
  const base = inner ? unalias(inner.t, inner.types, depth + 1) : unalias(t.base, types, depth + 1);
  const b = base.t;
  if (t.kind === "TypePropertyAccess" && b.kind === "ObjectType") {
    const p = b.properties.find((x) => !x.additional && x.keyName === t.property.name);
    return p ? { t: p.value, types: base.types, decorators: p.decorators } : void 0;
  }
  if (t.kind === "TypeAdditionalPropertiesAccess" && b.kind === "ObjectType") {
    const p = b.properties.find((x) => x.additional);
    return p ? { t: p.value, types: base.types, decorators: p.decorators } : void 0;
  }
  if (t.kind === "TypeIndexAccess") {
    if (t.index === void 0 && b.kind === "ArrayType") return { t: b.element, types: base.types, decorators: [] };
    if (t.index !== void 0 && b.kind === "TupleType") {
      const item = b.items[t.index.value];
      return item ? { t: item.value, types: base.types, decorators: item.decorators } : void 0;
    }
  }
  return void 0;
}
function literalArgument(e) {
  return e ? literalValue(e) : void 0;
}
function declaredType(r, depth) {
  if (!r) return { type: "object", unknown: true };
  const inner = armType(r.decl.value, r.types, depth + 1);
  return decorator(r.decl.decorators, "secure") ? { ...inner, type: secureType(inner.type) } : inner;
}
var ENVELOPE_TYPES = new Map([
  ...["name", "id", "type", "apiversion", "location", "kind", "etag", "managedby"].map((k) => [k, "string"]),
  ...["properties", "tags", "sku", "plan", "identity", "extendedlocation", "systemdata"].map((k) => [k, "object"]),
  ["zones", "array"]
]);
function resourceDerivedProperty(t, types, depth) {
  let base = t.base;
  let table = types;
  for (let d = depth; d <= MAX_TYPE_DEPTH; d++) {
    const r = base.kind === "TypeReference" ? resolveType(table, base.name.name) : void 0;
    if (base.kind === "ParenthesizedType") base = base.type;
    else if (r) {
      base = r.decl.value;
      table = r.types;
    } else break;
  }
  if (base.kind !== "ParameterizedType" || !isResourceType(base)) return void 0;
  const type = ENVELOPE_TYPES.get(t.property.name.toLowerCase());
  return type === void 0 ? void 0 : { type };
}
function isResourceType(t) {
  const kind = t.name.name.toLowerCase();
  if (kind !== "resourceinput" && kind !== "resourceoutput") return false;
  return !t.namespace || t.namespace.kind === "TypeReference" && t.namespace.name.name.toLowerCase() === "sys";
}
function secureType(t) {
  if (t === "string") return "securestring";
  if (t === "object") return "secureObject";
  return t;
}

// src/bicep/lower-type-nodes.ts
var MAX_TYPE_DEPTH2 = 64;
var BOUNDS = ["minLength", "maxLength", "minValue", "maxValue"];
var TypeDefinitions = class {
  /** Definition name -> type node. */
  table = /* @__PURE__ */ Object.create(null);
  names = /* @__PURE__ */ new Map();
  /**
   * The type node of a declaration's type with its decorators (a parameter's: `@sealed()`,
   * `@discriminator()`); its top level only carries structure (properties, items, ...) and
   * `$ref`s, which is what a parameter declaration adds to its own type and constraints.
   */
  node(t, types, decorators = []) {
    return this.decorated(this.of(t, types, 0), decorators, t, types, 0);
  }
  /** `{ $ref }` to the definition of a declared type (written on first use). */
  ref(decl, types, depth) {
    let name = this.names.get(decl);
    if (name === void 0) {
      name = decl.name.name;
      for (let i = 2; name in this.table; i++) name = `${decl.name.name}_${i}`;
      this.names.set(decl, name);
      setOwn(this.table, name, {});
      setOwn(this.table, name, this.decorated(this.of(decl.value, types, depth + 1), decl.decorators, decl.value, types, depth + 1));
    }
    return { $ref: `#/definitions/${name.replace(/~/g, "~0").replace(/\//g, "~1")}` };
  }
  of(t, types, depth) {
    if (!t || depth > MAX_TYPE_DEPTH2) return {};
    switch (t.kind) {
      case "TypeReference": {
        const n = t.name.name;
        const builtin = builtinType(n);
        if (builtin === null) return {};
        if (builtin !== void 0) return { type: builtin };
        const r = resolve(types.get(n), types);
        return r ? this.ref(r.decl, r.types, depth) : {};
      }
      case "TypePropertyAccess": {
        if (t.base.kind === "TypeReference") {
          const key2 = `${t.base.name.name}.${t.property.name}`;
          const r = resolve(types.get(key2), types);
          if (r) return this.ref(r.decl, r.types, depth);
          if (t.base.name.name === "sys" && SYS_TYPES.has(t.property.name.toLowerCase())) return this.of({ kind: "TypeReference", name: t.property, start: t.start, end: t.end }, /* @__PURE__ */ new Map(), depth + 1);
        }
        return this.member(t, types, depth) ?? this.primitive(t, types);
      }
      case "TypeIndexAccess":
      case "TypeAdditionalPropertiesAccess":
        return this.member(t, types, depth) ?? {};
      case "ObjectType": {
        const properties = {};
        const out = { type: "object", properties };
        for (const p of t.properties) {
          const node = this.decorated(this.of(p.value, types, depth + 1), p.decorators, p.value, types, depth + 1);
          if (p.additional) out.additionalProperties = node;
          else if (p.keyName !== void 0) setOwn(properties, p.keyName, node);
        }
        return out;
      }
      case "TupleType":
        return { type: "array", prefixItems: t.items.map((i) => this.decorated(this.of(i.value, types, depth + 1), i.decorators, i.value, types, depth + 1)), items: false };
      case "ArrayType": {
        const out = this.primitive(t, types);
        out.items = this.of(t.element, types, depth + 1);
        return out;
      }
      case "NullableType":
        return { ...this.of(t.base, types, depth + 1), nullable: true };
      case "NonNullableType":
        return { ...this.of(t.base, types, depth + 1), nullable: false };
      case "ParenthesizedType":
        return this.of(t.type, types, depth + 1);
      default:
        return this.primitive(t, types);
    }
  }
  /** `spec.name`, `tuple[1]`, `list[*]`, `dict.*` of a user-defined type: the member's type node with its decorators. */
  member(t, types, depth) {
    const m = memberType(t, types, depth);
    return m ? this.decorated(this.of(m.t, m.types, depth + 1), m.decorators, m.t, m.types, depth + 1) : void 0;
  }
  /** What armType knows of a type (its ARM type, literal values, nullability), as a type node. */
  primitive(t, types) {
    const a = armType(t, types);
    if (a.unknown) return {};
    const out = { type: a.type };
    if (a.allowed) out.allowedValues = [...a.allowed];
    if (a.nullable) out.nullable = true;
    return out;
  }
  /** A type node with the decorators of its declaration, property or tuple item (literal arguments only). */
  decorated(node, decorators, t, types, depth) {
    if (decorators.length === 0) return node;
    let out = node;
    const disc = decorator(decorators, "discriminator");
    const prop2 = literalArgument(disc?.args[0]);
    if (typeof prop2 === "string" && t) out = this.discriminated(prop2, t, types, depth) ?? out;
    for (const b of BOUNDS) {
      const v = literalArgument(decorator(decorators, b)?.args[0]);
      if (typeof v === "number") out = { ...out, [b]: v };
    }
    if (decorator(decorators, "sealed") && out.additionalProperties === void 0) out = { ...out, additionalProperties: false };
    if (decorator(decorators, "secure") && typeof out.type === "string") out = { ...out, type: secureType(out.type) };
    return out;
  }
  /**
   * `@discriminator('p')` on a union of object types: `{ type: 'object', discriminator:
   * { propertyName, mapping } }`, each member under the literal value of its `p`. Undefined when a
   * member's value of `p` is not a literal string here (the compiler would have rejected it).
   */
  discriminated(prop2, t, types, depth) {
    const mapping = {};
    let nullable = false;
    const members = flattenUnion(t, types, 0);
    if (!members) return void 0;
    for (const m of members) {
      if (m.t.kind === "LiteralType" && m.t.value.kind === "Null") {
        nullable = true;
        continue;
      }
      const tag = discriminatorValue(m.t, m.types, prop2, 0);
      if (tag === void 0) return void 0;
      setOwn(mapping, tag, this.of(m.t, m.types, depth + 1));
    }
    const out = { type: "object", discriminator: { propertyName: prop2, mapping } };
    if (nullable) out.nullable = true;
    return out;
  }
};
function resolve(e, types) {
  if (!e) return void 0;
  return e.kind === "ImportedType" ? { decl: e.decl, types: e.types } : { decl: e, types };
}
function flattenUnion(t, types, depth) {
  const u = unalias(t, types, depth);
  if (u.t.kind !== "UnionType") return void 0;
  const out = [];
  for (const m of u.t.members) out.push(...depth < MAX_TYPE_DEPTH2 ? flattenUnion(m, u.types, depth + 1) ?? [{ t: m, types: u.types }] : [{ t: m, types: u.types }]);
  return out;
}
function discriminatorValue(t, types, prop2, depth) {
  const u = unalias(t, types, depth);
  if (u.t.kind !== "ObjectType") return void 0;
  const p = u.t.properties.find((x) => !x.additional && x.keyName === prop2);
  if (!p) return void 0;
  const v = unalias(p.value, u.types, depth + 1);
  const lit2 = v.t.kind === "LiteralType" ? literalArgument(v.t.value) : void 0;
  return typeof lit2 === "string" ? lit2 : void 0;
}

// src/bicep/lower.ts
var SCHEMAS = {
  resourceGroup: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  subscription: "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  managementGroup: "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
  tenant: "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#"
};
var DEPLOYMENTS_TYPE = "Microsoft.Resources/deployments";
var DEPLOYMENTS_API = "2022-09-01";
var SCOPE_FUNCTIONS = {
  resourcegroup: "resourceGroup",
  subscription: "subscription",
  managementgroup: "managementGroup",
  tenant: "tenant"
};
var PERMITTED_MODULE_SCOPES = {
  tenant: "tenant(), managementGroup('name'), subscription('id'), resourceGroup('id', 'name')",
  managementGroup: "managementGroup(), managementGroup('name'), subscription('id'), tenant(), resourceGroup('id', 'name')",
  subscription: "subscription(), subscription('id'), resourceGroup('name'), resourceGroup('id', 'name'), tenant()",
  resourceGroup: "resourceGroup(), resourceGroup('name'), resourceGroup('id', 'name'), subscription(), subscription('id'), tenant()"
};
function schemaScope(schema) {
  const s = schema.toLowerCase();
  if (s.includes("subscriptiondeploymenttemplate")) return "subscription";
  if (s.includes("managementgroupdeploymenttemplate")) return "managementGroup";
  if (s.includes("tenantdeploymenttemplate")) return "tenant";
  if (s.includes("deploymenttemplate")) return "resourceGroup";
  return void 0;
}
var TARGET_SCOPE_WORDS = {
  resourceGroup: "resource group",
  subscription: "subscription",
  managementGroup: "management group",
  tenant: "tenant"
};
var RESOURCE_SPECIAL = /* @__PURE__ */ new Set(["name", "parent", "scope", "dependson"]);
var REGISTRY_PREFIX = /^(br|ts)[:/]/i;
var MAX_LITERAL_CHARS = 131072;
var MAX_BASE64_BYTES = 98304;
var MAX_JSON_CHARS = 1048576;
var TEXT_DECODERS = {
  "us-ascii": (b) => Array.from(b, (c) => c < 128 ? String.fromCharCode(c) : "?").join(""),
  "iso-8859-1": (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1"),
  "utf-16": (b) => new TextDecoder("utf-16le").decode(b),
  "utf-16be": (b) => new TextDecoder("utf-16be").decode(b)
};
function isCompileTimeConstant(e) {
  switch (e.kind) {
    case "String":
      return e.expressions.length === 0;
    case "Integer":
    case "Boolean":
    case "Null":
      return true;
    case "Unary":
      return e.operator === "-" && e.operand.kind === "Integer";
    case "Parenthesized":
      return isCompileTimeConstant(e.expression);
    case "Array":
      return e.items.every((i) => i.kind !== "Spread" && isCompileTimeConstant(i));
    case "Object":
      return e.properties.every((p) => p.kind === "ObjectProperty" && p.keyName !== void 0 && isCompileTimeConstant(p.value));
    default:
      return false;
  }
}
function bodyOf(value) {
  let loop;
  let condition;
  let v = value;
  if (v.kind === "For") {
    loop = v;
    v = v.body;
  }
  if (v.kind === "If") {
    condition = v.condition;
    v = v.body;
  }
  return { body: v.kind === "Object" ? v : void 0, loop, condition };
}
function prop(body, name) {
  const lower3 = name.toLowerCase();
  for (const p of body?.properties ?? []) if (p.kind === "ObjectProperty" && p.keyName?.toLowerCase() === lower3) return p;
  return void 0;
}
function stringValue(e) {
  return e?.kind === "String" && e.expressions.length === 0 ? e.value ?? e.segments.join("") : void 0;
}
var FileLowerer = class extends ExprLowerer {
  constructor(file, diagnostics, program, options) {
    super(file, diagnostics, options.maxExpressionDepth);
    this.program = program;
    this.options = options;
  }
  program;
  options;
  targetScope = "resourceGroup";
  params = /* @__PURE__ */ new Map();
  vars = /* @__PURE__ */ new Map();
  funcs = /* @__PURE__ */ new Map();
  /** Type names: the file's own declarations and the types it imports from Bicep files. */
  types = /* @__PURE__ */ new Map();
  /** The `definitions` the parameters' type structures refer to (see lower-type-nodes.ts). */
  typeDefs = new TypeDefinitions();
  symbols = /* @__PURE__ */ new Map();
  /** Resources by resources-object key (nested children included). */
  byKey = /* @__PURE__ */ new Map();
  importedVars = /* @__PURE__ */ new Map();
  /** Extension aliases (`extension kubernetes as k8s`), with the configuration given `with {...}`. */
  extensionAliases = /* @__PURE__ */ new Map();
  /** The parameters a .bicepparam file assigns (its values may use each other's). */
  assigned = /* @__PURE__ */ new Set();
  importedFuncs = /* @__PURE__ */ new Map();
  ownVarNames;
  importTags = /* @__PURE__ */ new Map();
  /** `import * as ns`: ns -> the lowered file (undefined when it could not be loaded). */
  namespaces = /* @__PURE__ */ new Map();
  /** Names bound to something that cannot be known (registry imports). */
  unknownImports = /* @__PURE__ */ new Map();
  varRefs = /* @__PURE__ */ new Map();
  inlining = /* @__PURE__ */ new Set();
  /**
   * A .bicepparam file's variables, lowered once each, in the order first used: the values read
   * them through variables(), from the scope lowerParameterAssignments() makes, so each is
   * evaluated once. (Inlined, a variable used twice by one used twice by ... was lowered and
   * evaluated again at every use: `var a1 = concat(a0, a0)` ... `a59`, 2^59 copies, a file of 60
   * lines that never finished.)
   */
  paramsFileVars = /* @__PURE__ */ new Map();
  extensions;
  /** Whether the file declares extensions (Kubernetes, Microsoft Graph, ...): they may bring functions. */
  get hasExtensions() {
    return this.extensions ??= this.program.statements.some((x) => x.kind === "Extension");
  }
  otherExtensions;
  /** Whether the file declares an extension besides `az` and `sys`: one that brings resource types of its own. */
  get hasResourceExtensions() {
    return this.otherExtensions ??= this.program.statements.some(
      (x) => x.kind === "Extension" && !(x.specification.kind === "VariableAccess" && (x.specification.name.name === "az" || x.specification.name.name === "sys"))
    );
  }
  // ---- Pass 1: declarations ----
  collect() {
    for (const s of this.program.statements) {
      switch (s.kind) {
        case "TargetScope": {
          const v = stringValue(s.value);
          if (v === "resourceGroup" || v === "subscription" || v === "managementGroup" || v === "tenant") this.targetScope = v;
          else this.error(s.value, `unknown targetScope ${v === void 0 ? "" : `'${v}'`}`.trim());
          break;
        }
        case "Parameter":
          this.params.set(s.name.name, s);
          break;
        case "Variable":
          this.vars.set(s.name.name, s);
          break;
        case "Function":
          this.funcs.set(s.name.name, s);
          break;
        case "TypeDeclaration":
          this.types.set(s.name.name, s);
          break;
        case "Resource":
          this.collectResource(s, void 0);
          break;
        case "Module": {
          const { body, loop, condition } = bodyOf(s.value);
          const info = {
            kind: "module",
            key: s.name.name,
            symbol: s.name.name,
            decl: s,
            body,
            loop,
            condition,
            nameProp: prop(body, "name"),
            scopeProp: prop(body, "scope"),
            refs: new RefCollector()
          };
          this.symbols.set(s.name.name, info);
          break;
        }
        case "CompileTimeImport":
          this.collectImport(s);
          break;
        case "Extension": {
          const spec = s.specification;
          const name = s.alias?.name ?? (spec.kind === "VariableAccess" ? spec.name.name : void 0);
          if (name !== void 0 && name !== "az" && name !== "sys") this.extensionAliases.set(name, s.config);
          break;
        }
        default:
          break;
      }
    }
    this.reportDuplicateNames();
    this.assignKeys();
    this.resolveParents();
  }
  /**
   * One name per symbol of the file (BCP028): parameters, variables, functions, types, resources,
   * modules and imported names share a namespace; outputs have their own. The compiler flags every
   * declaration of such a name, and so do we (the later one would silently replace the earlier).
   */
  reportDuplicateNames() {
    const declared = [];
    const outputs = [];
    for (const s of this.program.statements) {
      switch (s.kind) {
        case "Parameter":
        case "ParameterAssignment":
        case "Variable":
        case "Function":
        case "TypeDeclaration":
        case "Resource":
        case "Module":
          declared.push(s.name);
          break;
        case "CompileTimeImport":
          for (const sym2 of s.symbols ?? []) declared.push(sym2.alias ?? sym2.name);
          declared.push(s.wildcardAlias);
          break;
        case "Extension":
          declared.push(s.alias);
          break;
        case "Output":
          outputs.push(s.name);
          break;
        default:
          break;
      }
    }
    this.reportRepeats(declared, (name) => `Identifier "${name}" is declared multiple times. Remove or rename the duplicates.`);
    this.reportRepeats(outputs, (name) => `Output "${name}" is declared multiple times. Remove or rename the duplicates.`);
  }
  /** Every declaration of a name declared more than once in one namespace, in declaration order. */
  reportRepeats(ids, message) {
    const byName = /* @__PURE__ */ new Map();
    for (const id of ids) {
      if (!id || id.name === "") continue;
      const list = byName.get(id.name);
      if (list) list.push(id);
      else byName.set(id.name, [id]);
    }
    for (const [name, list] of byName) {
      if (list.length < 2) continue;
      for (const id of list) this.error(id, message(name));
    }
  }
  /** `parent: p` (or `parent: p[i]`) makes p the parent, as a nested declaration would. */
  resolveParents() {
    for (const r of this.byKey.values()) {
      if (r.kind !== "resource" || r.parent) continue;
      const pp = prop(r.body, "parent");
      if (!pp) continue;
      let e = pp.value;
      let idx;
      if (e.kind === "ArrayAccess" && !e.safe && !e.fromEnd) {
        idx = e.index;
        e = e.base;
      }
      const ref = this.symbolRef(e, {});
      if (!ref || ref.info.kind !== "resource" || ref.info === r) {
        this.error(pp.value, "'parent' must be a resource symbol");
        continue;
      }
      let cyclic = false;
      for (let x = ref.info; x; x = x.parent) if (x === r) cyclic = true;
      if (cyclic) {
        this.error(pp.value, "the 'parent' chain forms a cycle");
        continue;
      }
      r.parent = ref.info;
      r.parentIndex = idx;
    }
  }
  parentIdx(r, idx, at2) {
    return r.parentIndex ? this.expr(r.parentIndex, this.instanceCtx(r, idx, void 0, at2)) : void 0;
  }
  collectResource(s, parent) {
    const { body, loop, condition } = bodyOf(s.value);
    const typeText = (stringValue(s.type) ?? "").replace(/^[A-Za-z][\w-]*:/, "");
    const at2 = typeText.indexOf("@");
    let type = at2 >= 0 ? typeText.slice(0, at2) : typeText;
    let apiVersion = at2 >= 0 ? typeText.slice(at2 + 1) : void 0;
    if (s.type.kind === "String" && s.type.expressions.length > 0) this.error(s.type, "the resource type must be a literal string");
    if (parent && !type.includes("/")) {
      type = `${parent.type}/${type}`;
      apiVersion ??= parent.apiVersion;
    }
    const info = {
      kind: "resource",
      key: s.name.name,
      symbol: s.name.name,
      decl: s,
      type,
      apiVersion,
      existing: s.existing !== void 0,
      parent,
      parentIndex: void 0,
      nested: parent !== void 0,
      children: /* @__PURE__ */ new Map(),
      body,
      loop,
      condition,
      nameProp: prop(body, "name"),
      scopeProp: prop(body, "scope"),
      refs: new RefCollector()
    };
    if (parent) parent.children.set(s.name.name, info);
    else this.symbols.set(s.name.name, info);
    for (const p of body?.properties ?? []) {
      if (p.kind !== "Resource") continue;
      if (loop) this.error(p.name, "A nested resource cannot appear inside of a resource with a for-expression; declare it at the top level with a loop of its own and parent: <resource>[i].");
      else this.collectResource(p, info);
    }
  }
  /** Resources-object keys: the symbolic name, `parent::child` when a nested name is taken. */
  assignKeys() {
    const walk = (r, prefix) => {
      let key2 = r.symbol;
      if (prefix !== void 0 && (this.byKey.has(key2) || this.symbols.has(key2))) key2 = `${prefix}::${r.symbol}`;
      r.key = key2;
      this.byKey.set(key2, r);
      if (r.kind === "resource") for (const c of r.children.values()) walk(c, key2);
    };
    for (const r of this.symbols.values()) {
      r.key = r.symbol;
      this.byKey.set(r.key, r);
    }
    for (const r of this.symbols.values()) if (r.kind === "resource") for (const c of r.children.values()) walk(c, r.key);
  }
  collectImport(s) {
    const from = s.from.kind === "String" ? stringValue(s.from) : void 0;
    const names = (s.symbols ?? []).map((sym2) => [sym2.name.name, sym2.name, sym2.alias]);
    if (from === void 0) return;
    if (REGISTRY_PREFIX.test(from)) {
      this.note(s.from, `registry import '${from}' is not fetched; the imported symbols are unknown`);
      for (const [name, , alias] of names) this.unknownImports.set(alias?.name ?? name, from);
      if (s.wildcardAlias) this.unknownImports.set(s.wildcardAlias.name, from);
      return;
    }
    const lib = this.options.modules.lowerImport(this.resolvePath(from), s.from, this);
    const importable = (name) => !lib?.fromJson || lib.exported.has(name);
    if (!lib) {
      for (const [name, , alias] of names) this.unknownImports.set(alias?.name ?? name, from);
      if (s.wildcardAlias) this.unknownImports.set(s.wildcardAlias.name, from);
      return;
    }
    if (s.wildcardAlias) {
      this.namespaces.set(s.wildcardAlias.name, lib);
      if (lib) {
        for (const t of lib.exported) this.importType(lib, t, `${s.wildcardAlias.name}.${t}`);
        for (const v of lib.variables.keys()) if (importable(v)) this.importVariable(lib, v, `${s.wildcardAlias.name}.${v}`);
        for (const [f, def] of this.importFunctions(lib)) if (importable(f)) this.importedFuncs.set(`${s.wildcardAlias.name}.${f}`, def);
      }
      return;
    }
    if (!lib) return;
    for (const [name, id, alias] of names) {
      const local = alias?.name ?? name;
      if (!importable(name)) this.error(id, `'${name}' is not exported by '${from}'`);
      else if (lib.variables.has(name)) this.importVariable(lib, name, local);
      else if (lib.exported.has(name) && this.importType(lib, name, local)) continue;
      else if (lib.functions.has(name)) {
        const defs = this.importFunctions(lib);
        this.importedFuncs.set(local, defs.get(name));
      } else if (!lib.exported.has(name)) this.error(id, `'${name}' is not exported by '${from}'`);
    }
  }
  /**
   * Brings a file's functions under their own names (a function body calls its siblings by them),
   * with the variables they use: the compiler copies both into the importing template.
   */
  importFunctions(lib) {
    const used = [];
    for (const def of lib.functions.values()) used.push(...def.vars);
    const renames = this.importVariablesUsed(lib, used, /* @__PURE__ */ new Set());
    const defs = /* @__PURE__ */ new Map();
    for (const [f, def] of lib.functions) {
      const d = renames.size ? { node: renameVariables(def.node, renames), span: def.span } : def;
      defs.set(f, d);
      if (!this.importedFuncs.has(f)) this.importedFuncs.set(f, d);
    }
    return defs;
  }
  /**
   * Brings an exported type of an imported file under a local name (its declaration still reads
   * the names of its own file): the compiler copies it into `definitions` and refers to it there.
   */
  importType(lib, name, local) {
    const e = lib.types.get(name);
    if (!e) return false;
    this.types.set(local, e.kind === "ImportedType" ? e : { kind: "ImportedType", decl: e, types: lib.types });
    return true;
  }
  /** Brings an imported variable (and the variables it uses) into this file. */
  importVariable(lib, name, local) {
    const v = lib.variables.get(name);
    if (!v) return;
    const used = this.importVariablesUsed(lib, [...v.vars], /* @__PURE__ */ new Set([name]));
    const renames = v.copy && local !== name ? new Map([...used, [name, local]]) : used;
    this.importedVars.set(local, { node: renames.size ? renameVariables(v.node, renames) : v.node, span: v.span, copy: v.copy });
  }
  /**
   * The variables of `lib` named in `queue`, and those they use, under their own names, unless
   * this file (or another import) has a variable of that name: then under a name of their own,
   * which the returned map gives (the compiler also keeps an imported function reading its own
   * file's `prefix`, not the importing file's).
   */
  importVariablesUsed(lib, queue, seen) {
    const needed = [];
    while (queue.length > 0) {
      const d = queue.pop();
      if (seen.has(d)) continue;
      seen.add(d);
      const dv = lib.variables.get(d);
      if (!dv) continue;
      needed.push([d, dv]);
      queue.push(...dv.vars);
    }
    const renames = /* @__PURE__ */ new Map();
    for (const [d, dv] of needed) {
      const taken = this.ownVariableNames().has(d) || this.importedVars.has(d) && this.importedVars.get(d)?.node !== dv.node;
      if (taken) renames.set(d, `${d}#${this.importTag(lib)}`);
    }
    for (const [d, dv] of needed) {
      const target = renames.get(d) ?? d;
      if (!this.importedVars.has(target)) this.importedVars.set(target, { node: renames.size ? renameVariables(dv.node, renames) : dv.node, span: dv.span, copy: dv.copy });
    }
    return renames;
  }
  /** The variables this file declares, known before its imports are collected (imports come first). */
  ownVariableNames() {
    return this.ownVarNames ??= new Set(this.program.statements.flatMap((s) => s.kind === "Variable" ? [s.name.name] : []));
  }
  importTag(lib) {
    let tag = this.importTags.get(lib);
    if (tag === void 0) this.importTags.set(lib, tag = this.importTags.size + 1);
    return tag;
  }
  resolvePath(rel) {
    return import_node_path4.default.resolve(import_node_path4.default.dirname(this.file.path), rel);
  }
  // ---- Pass 2: lowering ----
  lower() {
    this.collect();
    const root = {};
    const whole = this.program;
    this.set(root, "$schema", SCHEMAS[this.targetScope], whole);
    this.set(root, "languageVersion", "2.0", whole);
    this.set(root, "contentVersion", "1.0.0.0", whole);
    const metadata = { _generator: { name: "vtaplint-bicep" } };
    this.set(root, "metadata", metadata, whole);
    const exported = /* @__PURE__ */ new Set();
    const parameters = nameTable();
    const variables = nameTable();
    const outputs = nameTable();
    const members = nameTable();
    const resources = nameTable();
    const varInfo = /* @__PURE__ */ new Map();
    const funcInfo = /* @__PURE__ */ new Map();
    for (const s of this.program.statements) {
      if (s.decorators.some((d) => d.name.name.toLowerCase() === "export") && "name" in s) exported.add(s.name.name);
      switch (s.kind) {
        case "Metadata":
          this.set(metadata, s.name.name, this.value(s.value, {}), s, s.name);
          break;
        case "Parameter":
          this.set(parameters, s.name.name, this.parameter(s), s, s.name);
          break;
        case "Variable": {
          const refs = new RefCollector();
          this.varRefs.set(s.name.name, refs);
          const node = this.value(s.value, { refs });
          this.set(variables, s.name.name, node, s.value, s.name);
          varInfo.set(s.name.name, { node, span: this.span(s.value), keySpan: this.span(s.name), vars: refs.variables });
          break;
        }
        case "Function": {
          const refs = new RefCollector();
          const f = this.func(s, refs);
          this.set(members, s.name.name, f, s, s.name);
          funcInfo.set(s.name.name, { node: f, span: this.span(s), vars: refs.variables });
          break;
        }
        case "Output":
          this.set(outputs, s.name.name, this.output(s), s, s.name);
          break;
        default:
          break;
      }
    }
    for (const [name, v] of this.importedVars) {
      if (own(variables, name) !== void 0) continue;
      setImportedVariable(variables, name, v);
    }
    for (const [name, f] of this.importedFuncs) {
      if (own(members, name) !== void 0) continue;
      setOwn(members, name, f.node);
      recordSpan(members, name, f.span);
    }
    for (const r of this.byKey.values()) {
      const node = r.kind === "resource" ? this.resource(r) : this.module(r);
      this.set(resources, r.key, node, r.decl, r.decl.name);
    }
    for (const r of this.byKey.values()) this.addDependsOn(r, resources[r.key]);
    this.reportCycles();
    if (Object.keys(this.typeDefs.table).length > 0) this.set(root, "definitions", this.typeDefs.table, whole);
    this.set(root, "parameters", parameters, whole);
    if (Object.keys(members).length > 0) {
      const fns = [{ namespace: "__bicep", members }];
      recordSpan(fns, 0, this.span(whole));
      this.set(root, "functions", fns, whole);
    }
    this.set(root, "variables", variables, whole);
    this.set(root, "resources", resources, whole);
    this.set(root, "outputs", outputs, whole);
    return { root, variables: varInfo, functions: funcInfo, exported, types: this.types };
  }
  /**
   * A .bicepparam file: `param x = value` assignments, and `scope`, the template the values are
   * evaluated in: the file's own variables they use (see paramsFileVars), and what they import
   * brings the variables and functions it uses (a value imported from a .bicep file may read that
   * file's other variables, as `json.bar` where `var json = loadJsonContent(...)`, or call its
   * functions), as a template's imports do.
   */
  lowerParameterAssignments() {
    this.collect();
    for (const s of this.program.statements) if (s.kind === "ParameterAssignment") this.assigned.add(s.name.name);
    const values = /* @__PURE__ */ new Map();
    for (const s of this.program.statements) {
      if (s.kind === "ParameterAssignment") values.set(s.name.name, { node: this.secretReference(s.value) ?? this.value(s.value, {}), span: this.span(s.value) });
    }
    const scope = {};
    const parameters = nameTable();
    for (const [name, v] of values) {
      const decl = {};
      setOwn(decl, "defaultValue", v.node);
      setOwn(parameters, name, decl);
      recordSpan(parameters, name, v.span);
      recordSpan(decl, "defaultValue", v.span);
    }
    setOwn(scope, "parameters", parameters);
    const variables = nameTable();
    for (const [name, v] of [...this.importedVars, ...this.paramsFileVars]) setImportedVariable(variables, name, v);
    setOwn(scope, "variables", variables);
    if (this.importedFuncs.size > 0) {
      const members = nameTable();
      for (const [name, f] of this.importedFuncs) {
        setOwn(members, name, f.node);
        recordSpan(members, name, f.span);
      }
      setOwn(scope, "functions", [{ namespace: "__bicep", members }]);
    }
    return { values, scope };
  }
  parameter(s) {
    const out = {};
    const t = s.resourceType ? { type: "string" } : armType(s.type, this.types);
    const secure = decorator(s.decorators, "secure") !== void 0;
    this.set(out, "type", secure ? secureType(t.type) : t.type, s.type ?? s.resourceType ?? s.name);
    if (s.defaultValue) this.set(out, "defaultValue", this.value(s.defaultValue, {}), s.defaultValue);
    if (t.nullable) this.set(out, "nullable", true, s.type ?? s.name);
    const allowed = decorator(s.decorators, "allowed");
    if (allowed?.args[0]) this.set(out, "allowedValues", this.value(allowed.args[0], {}), allowed.args[0], allowed.name);
    else if (t.allowed) {
      const arr = [...t.allowed];
      arr.forEach((_, i) => recordSpan(arr, i, this.span(s.type ?? s.name)));
      this.set(out, "allowedValues", arr, s.type ?? s.name);
    }
    for (const d of ["minValue", "maxValue", "minLength", "maxLength"]) {
      const dec = decorator(s.decorators, d);
      if (dec?.args[0]) {
        this.set(out, d, this.value(dec.args[0], {}), dec.args[0], dec.name);
        continue;
      }
      const fromType = s.resourceType ? void 0 : typeDecorator(s.type, this.types, d);
      const arg = fromType?.decorator.args[0];
      if (!fromType || !arg) continue;
      if (!fromType.imported) this.set(out, d, this.value(arg, {}), arg, fromType.decorator.name);
      else {
        const v = literalArgument(arg);
        if (typeof v === "number") this.set(out, d, v, s.type ?? s.name);
      }
    }
    this.metadataOf(s.decorators, out);
    if (t.unknown) Object.defineProperty(out, TYPE_NOT_KNOWN, { value: true, enumerable: false });
    else if (s.type) this.typeStructure(s, out);
    return out;
  }
  /**
   * The structure of a parameter's type (see lower-type-nodes.ts), which ARM checks every value
   * given to the parameter against: added to the declaration beside its own type and constraints,
   * with the `definitions` of the named types it uses.
   */
  typeStructure(s, out) {
    const node = this.typeDefs.node(s.type, this.types, s.decorators);
    for (const k of ["$ref", "properties", "additionalProperties", "discriminator", "items", "prefixItems", "minLength", "maxLength", "minValue", "maxValue"]) {
      const v = node[k];
      if (v !== void 0 && own(out, k) === void 0) this.set(out, k, v, s.type ?? s.name);
    }
  }
  metadataOf(decorators, out) {
    const md = decorator(decorators, "metadata");
    const desc = decorator(decorators, "description");
    if (!md && !desc) return;
    let meta = {};
    if (md?.args[0]) {
      const v = this.value(md.args[0], {});
      if (isTObject(v)) meta = v;
    }
    if (desc?.args[0]) this.set(meta, "description", this.value(desc.args[0], {}), desc.args[0], desc.name);
    this.set(out, "metadata", meta, md ?? desc);
  }
  func(s, refs) {
    const params = [];
    const locals = [];
    s.parameters.forEach((p, i) => {
      const entry = {};
      this.set(entry, "name", p.name.name, p.name);
      this.set(entry, "type", armType(p.type, this.types).type, p.type);
      params.push(entry);
      recordSpan(params, i, this.span(p));
      locals.push([p.name.name, { kind: "param", name: p.name.name }]);
    });
    const output = {};
    this.set(output, "type", armType(s.returnType, this.types).type, s.returnType);
    this.set(output, "value", this.texpr(this.expr(s.body, { locals: new Map(locals), inFunction: true, refs })), s.body);
    const out = {};
    this.set(out, "parameters", params, s);
    this.set(out, "output", output, s.body);
    return out;
  }
  output(s) {
    const out = {};
    const secure = decorator(s.decorators, "secure") !== void 0;
    let type = "string";
    if (!s.resourceType) type = armType(s.type, this.types).type;
    this.set(out, "type", secure ? secureType(type) : type, s.type ?? s.resourceType ?? s.name);
    let value;
    if (s.resourceType) {
      const ref = this.symbolRef(s.value, {});
      value = ref && ref.info.kind === "resource" ? this.texpr(this.idExpr(ref.info, ref.idx, s.value)) : this.value(s.value, {});
    } else value = this.value(s.value, {});
    this.set(out, "value", value, s.value);
    this.metadataOf(s.decorators, out);
    return out;
  }
  // ---- Resources ----
  /** Locals of a resource/module instance: the loop item and index bound to coll[idx] and idx. */
  instanceCtx(r, idx, refs, at2) {
    const loop = r.loop ?? (r.kind === "resource" ? this.ancestorLoop(r) : void 0);
    if (!loop) return { refs };
    const i = idx ?? call2("copyIndex", [], at2);
    const coll = this.expr(loop.iterable, { refs });
    const add = [[loop.item.name, { kind: "expr", expr: index(coll, i, loop.item) }]];
    if (loop.index) add.push([loop.index.name, { kind: "expr", expr: i }]);
    return withLocals({ refs }, add);
  }
  /** A resource without a name, or inside one: in a file with extensions, an extension's resource. */
  ofExtension(r) {
    for (let x = r; x; x = x.parent) if (!x.nameProp) return true;
    return false;
  }
  ancestorLoop(r) {
    for (let p = r.parent; p; p = p.parent) if (p.loop) return p.loop;
    return void 0;
  }
  /** The name as written (the last segment for a child with a parent). */
  shortName(r, idx, refs) {
    if (!r.nameProp) {
      if (r.kind === "module") return call2("format", [lit("{0}-{1}", r.decl.name), lit(r.symbol, r.decl.name), call2("uniqueString", [lit(r.symbol, r.decl.name), member(call2("deployment", [], r.decl.name), "name", r.decl.name)], r.decl.name)], r.decl.name);
      if (!this.hasResourceExtensions) this.error(r.decl.name, `the resource '${r.symbol}' has no name`);
      return lit(r.symbol, r.decl.name);
    }
    return this.expr(r.nameProp.value, this.instanceCtx(r, idx, refs, r.nameProp));
  }
  /** The full name (`parent/child` for children). */
  fullName(r, idx, refs) {
    const short = this.shortName(r, idx, refs);
    if (r.kind !== "resource" || !r.parent) return short;
    return formatCall(["", "/", ""], [this.fullName(r.parent, this.parentIdx(r, idx, r.decl.name), refs), short], r.nameProp ?? r.decl.name);
  }
  nameSegments(r, idx) {
    const short = this.shortName(r, idx, void 0);
    if (r.parent) return [...this.nameSegments(r.parent, this.parentIdx(r, idx, r.decl.name)), short];
    const levels = r.type.split("/").length - 1;
    if (levels <= 1) return [short];
    const s = litString(short);
    if (s !== void 0 && s.split("/").length === levels) return s.split("/").map((p) => lit(p, short));
    const at2 = r.nameProp ?? r.decl.name;
    return Array.from({ length: levels }, (_, i) => index(call2("split", [short, lit("/", at2)], at2), lit(i, at2), at2));
  }
  rootOf(r) {
    let x = r;
    while (x.parent) x = x.parent;
    return x;
  }
  /** Resources whose id is being built: a `scope` chain that leads back to one is a cycle. */
  idBusy = /* @__PURE__ */ new Set();
  /** The resource id expression of a resource instance. */
  idExpr(r, idx, at2) {
    if (this.idBusy.has(r)) {
      this.error(at2, "the 'scope' chain of resources forms a cycle");
      return lit("", at2);
    }
    this.idBusy.add(r);
    try {
      return this.idExprOnce(r, idx, at2);
    } finally {
      this.idBusy.delete(r);
    }
  }
  idExprOnce(r, idx, at2) {
    const args = [lit(r.type, at2), ...this.nameSegments(r, idx)];
    const root = this.rootOf(r);
    const scopeProp = root.scopeProp;
    if (scopeProp) {
      const sv = scopeProp.value;
      const sctx = this.instanceCtx(root, root === r ? idx : void 0, void 0, sv);
      const ref = this.symbolRef(sv, sctx);
      if (ref?.info.kind === "resource") {
        if (ref.info.type.toLowerCase() === "microsoft.resources/resourcegroups") {
          return call2("resourceId", [this.fullName(ref.info, ref.idx, void 0), ...args], at2);
        }
        return call2("extensionResourceId", [this.idExpr(ref.info, ref.idx, sv), ...args], at2);
      }
      const sc = this.scopeCall(sv);
      if (sc) {
        const a = sc.args.map((x) => this.expr(x, sctx));
        switch (sc.fn) {
          case "resourcegroup":
            return call2("resourceId", [...a, ...args], at2);
          case "subscription":
            return call2("subscriptionResourceId", [...a, ...args], at2);
          case "tenant":
            return call2("tenantResourceId", args, at2);
          case "managementgroup":
            return call2("extensionResourceId", [a[0] ? call2("tenantResourceId", [lit("Microsoft.Management/managementGroups", sv), a[0]], sv) : member(call2("managementGroup", [], sv), "id", sv), ...args], at2);
        }
      }
      return call2("extensionResourceId", [this.expr(sv, sctx), ...args], at2);
    }
    return this.defaultScopeId(args, at2);
  }
  defaultScopeId(args, at2) {
    switch (this.targetScope) {
      case "resourceGroup":
        return call2("resourceId", args, at2);
      case "subscription":
        return call2("subscriptionResourceId", args, at2);
      case "tenant":
        return call2("tenantResourceId", args, at2);
      case "managementGroup":
        return call2("extensionResourceId", [member(call2("managementGroup", [], at2), "id", at2), ...args], at2);
    }
  }
  /**
   * A resource the file deploys (not `existing`) must be deployed at the file's own scope: the
   * compiler rejects one whose scope, or its existing ancestor's, names another resource group,
   * subscription or management group ("You must use modules to deploy resources to a different
   * scope"). The common case is a TAP configuration whose `parent` is a source NIC declared
   * `existing` with `scope: resourceGroup('app-rg')`. BCP165 when the scope comes from an existing
   * ancestor, else BCP139 (the compiler's IsDeployableResourceScope).
   */
  checkDeployableScope(r) {
    const root = this.rootOf(r);
    const bad = this.undeployableScope(root, /* @__PURE__ */ new Set());
    if (!bad) return;
    const where = `the scope ${this.span(bad).text().replace(/\s+/g, " ")}`;
    const target = TARGET_SCOPE_WORDS[this.targetScope];
    if (root !== r && root.existing) {
      this.error(r.decl.value, `the resource '${r.symbol}' would be deployed to ${where} of its existing ancestor '${root.symbol}', not to this file's ${target}; the Bicep compiler rejects it (BCP165): deploy it from a module with that scope`);
    } else {
      const scopeOfOwn = r === root ? r.scopeProp?.value : void 0;
      this.error(scopeOfOwn ?? r.decl.value, `the resource '${r.symbol}' would be deployed to ${where}, not to this file's ${target}; the Bicep compiler rejects it (BCP139: a resource's scope must match the scope of the Bicep file): deploy it from a module with that scope`);
    }
  }
  /**
   * The scope expression that puts resources of `root` (a root resource) outside the file's own
   * scope, if one does: a scope function that names a resource group, subscription or management
   * group, or one of another kind than the file's target scope (tenant() is always deployable); a
   * Microsoft.Resources/resourceGroups or managementGroups resource (a named scope); or, for an
   * extension resource, the scope of the resource it extends.
   */
  undeployableScope(root, seen) {
    const sp = root.scopeProp;
    if (!sp || seen.has(root)) return void 0;
    seen.add(root);
    const sc = this.scopeCall(sp.value);
    if (sc) return sc.fn === "tenant" || sc.fn === this.targetScope.toLowerCase() && sc.args.length === 0 ? void 0 : sp.value;
    const target = this.scopeSymbol(sp.value);
    if (target?.kind !== "resource") return void 0;
    const type = target.type.toLowerCase();
    if (type === "microsoft.resources/resourcegroups" || type === "microsoft.management/managementgroups") return sp.value;
    return this.undeployableScope(this.rootOf(target), seen);
  }
  /** The resource or module a scope expression names (`nic`, `nics[i]`, `vnet::subnet`), without lowering it. */
  scopeSymbol(e) {
    switch (e.kind) {
      case "VariableAccess":
        return this.symbols.get(e.name.name) ?? this.childInScope(e.name.name);
      case "ResourceAccess": {
        const base = this.scopeSymbol(e.base);
        return base?.kind === "resource" ? base.children.get(e.name.name) : void 0;
      }
      case "ArrayAccess":
        return this.scopeSymbol(e.base);
      case "Parenthesized":
        return this.scopeSymbol(e.expression);
      case "NonNullAssertion":
        return this.scopeSymbol(e.base);
      default:
        return void 0;
    }
  }
  /** `resourceGroup(...)`, `subscription(...)`, `tenant()`, `managementGroup(...)` (also `az.`/`sys.`-qualified). */
  scopeCall(e) {
    if (e.kind !== "FunctionCall") return void 0;
    if (e.base && !(e.base.kind === "VariableAccess" && /^(az|sys)$/.test(e.base.name.name))) return void 0;
    const fn = e.name.name.toLowerCase();
    return ["resourcegroup", "subscription", "tenant", "managementgroup"].includes(fn) ? { fn, args: e.args } : void 0;
  }
  /** The id of a scope (for a resource's `scope` entry). */
  scopeIdExpr(sv, ctx) {
    const ref = this.symbolRef(sv, ctx);
    if (ref?.info.kind === "resource") {
      this.noteRef(ref.info, sv, ctx, ref.idx);
      return this.idExpr(ref.info, ref.idx, sv);
    }
    const sc = this.scopeCall(sv);
    if (sc) {
      const a = sc.args.map((x) => this.expr(x, ctx));
      const subId = member(call2("subscription", [], sv), "subscriptionId", sv);
      switch (sc.fn) {
        case "resourcegroup":
          if (a.length === 0) return member(call2("resourceGroup", [], sv), "id", sv);
          return formatCall(["/subscriptions/", "/resourceGroups/", ""], a.length >= 2 ? [a[0], a[1]] : [subId, a[0]], sv);
        case "subscription":
          return a[0] ? formatCall(["/subscriptions/", ""], [a[0]], sv) : member(call2("subscription", [], sv), "id", sv);
        case "tenant":
          return lit("/", sv);
        case "managementgroup":
          return a[0] ? formatCall(["/providers/Microsoft.Management/managementGroups/", ""], [a[0]], sv) : member(call2("managementGroup", [], sv), "id", sv);
      }
    }
    return this.expr(sv, ctx);
  }
  conditionOf(r, ctx) {
    const parts = [];
    let at2;
    for (let x = r; x; x = x.nested ? x.parent : void 0) {
      if (x.condition) {
        parts.unshift(this.expr(x.condition, x === r ? ctx : this.instanceCtx(x, void 0, ctx.refs, x.condition)));
        at2 ??= x.condition;
      }
    }
    if (parts.length === 0 || !at2) return void 0;
    return { expr: parts.length === 1 ? parts[0] : call2("and", parts, at2), at: at2 };
  }
  copyOf(r, ctx, out) {
    if (!r.loop) return;
    const copy = {};
    this.set(copy, "name", r.key, r.loop);
    this.set(copy, "count", this.texpr(call2("length", [this.expr(r.loop.iterable, ctx)], r.loop.iterable)), r.loop.iterable);
    const batch = decorator(r.decl.decorators, "batchSize");
    if (batch?.args[0]) {
      this.set(copy, "mode", "serial", batch);
      this.set(copy, "batchSize", this.value(batch.args[0], {}), batch.args[0]);
    }
    this.set(out, "copy", copy, r.loop);
  }
  resource(r) {
    const out = {};
    const ctx = this.instanceCtx(r, void 0, r.refs, r.decl);
    const cond = this.conditionOf(r, ctx);
    if (cond) this.set(out, "condition", this.texpr(cond.expr), cond.at);
    this.copyOf(r, { refs: r.refs }, out);
    this.set(out, "type", r.type, r.decl.type);
    if (r.apiVersion !== void 0) this.set(out, "apiVersion", r.apiVersion, r.decl.type);
    else this.error(r.decl.type, `the resource type '${r.type}' has no API version ('type@version')`);
    if (r.parent) {
      this.noteRef(r.parent, r.decl, { refs: r.refs }, this.parentIdx(r, void 0, r.decl.name));
      this.set(out, "name", this.texpr(this.fullName(r, void 0, r.refs)), r.nameProp?.value ?? r.decl.name, r.nameProp?.key);
    } else if (r.nameProp) this.set(out, "name", this.value(r.nameProp.value, ctx), r.nameProp.value, r.nameProp.key);
    else if (!this.hasResourceExtensions) this.error(r.decl.name, `the resource '${r.symbol}' has no name`);
    if (this.hasResourceExtensions && this.ofExtension(r)) this.set(out, "import", this.extensionAliases.keys().next().value ?? "extension", r.decl.type);
    if (r.existing && r.decl.existing) this.set(out, "existing", true, r.decl.existing);
    if (!r.existing && !(this.hasResourceExtensions && this.ofExtension(r))) this.checkDeployableScope(r);
    const scopeProp = own(out, "import") !== void 0 ? void 0 : this.rootOf(r).scopeProp;
    const sc = scopeProp && r.existing && !r.parent ? this.scopeCall(scopeProp.value) : void 0;
    if (scopeProp && sc && (sc.fn === "resourcegroup" || sc.fn === "subscription") && sc.args.length > 0) {
      const [a0, a1] = sc.args;
      if (sc.fn === "subscription") this.set(out, "subscriptionId", this.value(a0, ctx), a0);
      else if (a1) {
        this.set(out, "subscriptionId", this.value(a0, ctx), a0);
        this.set(out, "resourceGroup", this.value(a1, ctx), a1);
      } else this.set(out, "resourceGroup", this.value(a0, ctx), a0);
    } else if (scopeProp) {
      const sctx = this.rootOf(r) === r ? ctx : { ...ctx, refs: void 0 };
      this.set(out, "scope", this.texpr(this.scopeIdExpr(scopeProp.value, sctx)), scopeProp.value, scopeProp.key);
    }
    const extension = own(out, "import") !== void 0;
    const body = extension ? {} : out;
    for (const p of r.body?.properties ?? []) {
      if (p.kind === "Spread") {
        this.error(p, "a spread is not supported at the top level of a resource body");
        continue;
      }
      if (p.kind !== "ObjectProperty" || p.keyName === void 0) continue;
      const key2 = p.keyName.toLowerCase();
      if (RESOURCE_SPECIAL.has(key2) && !(extension && (key2 === "name" || key2 === "scope"))) continue;
      this.set(body, p.keyName, this.value(p.value, ctx), p.value, p.key);
    }
    if (extension && r.body) this.set(out, "properties", body, r.body);
    this.descriptionOf(r.decl, out);
    return out;
  }
  /** `@description('...')` on a resource or module: the compiler writes it as its metadata. */
  descriptionOf(decl, out) {
    const desc = decorator(decl.decorators, "description");
    if (!desc?.args[0] || out.metadata !== void 0) return;
    const meta = {};
    this.set(meta, "description", this.value(desc.args[0], {}), desc.args[0], desc.name);
    this.set(out, "metadata", meta, desc);
  }
  module(m) {
    const out = {};
    const ctx = this.instanceCtx(m, void 0, m.refs, m.decl);
    if (m.condition) this.set(out, "condition", this.texpr(this.expr(m.condition, ctx)), m.condition);
    this.copyOf(m, { refs: m.refs }, out);
    this.set(out, "type", DEPLOYMENTS_TYPE, m.decl.keyword);
    this.set(out, "apiVersion", DEPLOYMENTS_API, m.decl.keyword);
    if (m.nameProp) this.set(out, "name", this.value(m.nameProp.value, ctx), m.nameProp.value, m.nameProp.key);
    else this.set(out, "name", this.texpr(this.shortName(m, void 0, m.refs)), m.decl.name);
    this.moduleScope(m, ctx, out);
    const properties = {};
    const evalOpts = { scope: "inner" };
    recordSpan(evalOpts, "scope", this.span(m.decl));
    this.set(properties, "expressionEvaluationOptions", evalOpts, m.decl);
    this.set(properties, "mode", "Incremental", m.decl);
    const paramsProp = prop(m.body, "params");
    const parameters = {};
    if (paramsProp) {
      if (paramsProp.value.kind !== "Object") this.error(paramsProp.value, "module params must be an object literal");
      else {
        for (const p of paramsProp.value.properties) {
          if (p.kind !== "ObjectProperty" || p.keyName === void 0) {
            if (p.kind !== "Resource") this.error(p, "module params must have literal names (spreads are not supported)");
            continue;
          }
          if (p.value.kind === "Ternary" && this.hasSecretRef(p.value)) {
            this.set(parameters, p.keyName, this.texpr(this.paramEntryExpr(p.value, ctx)), p.value, p.key);
            continue;
          }
          const entry = {};
          const kv = this.keyVaultSecret(p.value, ctx);
          if (kv) this.set(entry, "reference", kv, p.value);
          else this.set(entry, "value", this.value(p.value, ctx), p.value);
          this.set(parameters, p.keyName, entry, p, p.key);
        }
      }
    }
    if (paramsProp) this.set(properties, "parameters", parameters, paramsProp.value, paramsProp.key);
    const extProp = prop(m.body, "extensionConfigs");
    if (extProp?.value.kind === "Object") this.set(properties, "extensionConfigs", this.extensionConfigs(extProp.value, ctx), extProp.value, extProp.key);
    const pathNode = m.decl.path;
    const rel = pathNode.kind === "String" ? stringValue(pathNode) : void 0;
    if (rel !== void 0) {
      if (REGISTRY_PREFIX.test(rel)) {
        const link = {};
        this.set(link, "uri", rel, pathNode);
        this.set(properties, "templateLink", link, pathNode);
      } else {
        const loaded = this.options.modules.lowerModule(this.resolvePath(rel), pathNode, this);
        if (loaded) {
          properties.template = loaded.root;
          recordSpan(properties, "template", loaded.span);
          this.checkModuleScope(m, loaded.root);
        }
      }
    } else if (pathNode.kind === "String") this.error(pathNode, "the module path must be a literal string");
    this.set(out, "properties", properties, m.body ?? m.decl);
    this.descriptionOf(m.decl, out);
    return out;
  }
  /**
   * A module's `extensionConfigs` as the compiler writes them: per extension alias, each setting
   * as {value: ...}, or {keyVaultReference: ...} for `kv.getSecret(...)`.
   */
  extensionConfigs(o, ctx) {
    const out = {};
    for (const ext of o.properties) {
      if (ext.kind !== "ObjectProperty" || ext.keyName === void 0 || ext.value.kind !== "Object") continue;
      const settings = {};
      for (const p of ext.value.properties) {
        if (p.kind !== "ObjectProperty" || p.keyName === void 0) continue;
        const entry = {};
        const kv = this.keyVaultSecret(p.value, ctx);
        if (kv) this.set(entry, "keyVaultReference", kv, p.value);
        else this.set(entry, "value", this.value(p.value, ctx), p.value);
        this.set(settings, p.keyName, entry, p, p.key);
      }
      this.set(out, ext.keyName, settings, ext.value, ext.key);
    }
    return out;
  }
  /** Is there a `kv.getSecret(...)` among the branches of a (nested) conditional? */
  hasSecretRef(e) {
    if (e.kind === "Ternary") return this.hasSecretRef(e.whenTrue) || this.hasSecretRef(e.whenFalse);
    if (e.kind === "Parenthesized") return this.hasSecretRef(e.expression);
    return e.kind === "FunctionCall" && !!e.base && e.name.name.toLowerCase() === "getsecret";
  }
  /** A module parameter entry as one expression: {reference: ...} for getSecret(), {value: ...} else. */
  paramEntryExpr(e, ctx) {
    if (e.kind === "Parenthesized") return this.paramEntryExpr(e.expression, ctx);
    if (e.kind === "Ternary") return call2("if", [this.expr(e.condition, ctx), this.paramEntryExpr(e.whenTrue, ctx), this.paramEntryExpr(e.whenFalse, ctx)], e);
    if (e.kind === "FunctionCall" && e.base && e.name.name.toLowerCase() === "getsecret") {
      const ref = this.symbolRef(e.base, ctx);
      if (ref?.info.kind === "resource") {
        this.noteRef(ref.info, e.base, ctx, ref.idx);
        const reference = [lit("keyVault", e), call2("createObject", [lit("id", e.base), this.idExpr(ref.info, ref.idx, e.base)], e.base)];
        if (e.args[0]) reference.push(lit("secretName", e.args[0]), this.expr(e.args[0], ctx));
        if (e.args[1]) reference.push(lit("secretVersion", e.args[1]), this.expr(e.args[1], ctx));
        return call2("createObject", [lit("reference", e), call2("createObject", reference, e)], e);
      }
    }
    return call2("createObject", [lit("value", e), this.expr(e, ctx)], e);
  }
  /**
   * `param p = az.getSecret(subscriptionId, resourceGroup, vault, secret[, version])` in a
   * .bicepparam file: the Key Vault reference the compiler writes into the parameters file (the
   * value is then a secret, never known to vtaplint). Only a whole assigned value can be one.
   */
  secretReference(e) {
    if (e.kind !== "FunctionCall" || e.name.name.toLowerCase() !== "getsecret") return void 0;
    if (e.base && !(e.base.kind === "VariableAccess" && e.base.name.name === "az" && !this.vars.has("az"))) return void 0;
    const [sub, rg, vault, secret, version] = e.args;
    if (!sub || !rg || !vault || !secret || e.args.length > 5) return void 0;
    const kv = {};
    this.set(kv, "id", this.texpr(call2("resourceId", [this.expr(sub, {}), this.expr(rg, {}), lit("Microsoft.KeyVault/vaults", vault), this.expr(vault, {})], e)), e);
    const reference = {};
    this.set(reference, "keyVault", kv, e);
    this.set(reference, "secretName", this.value(secret, {}), secret);
    if (version) this.set(reference, "secretVersion", this.value(version, {}), version);
    const out = {};
    this.set(out, "reference", reference, e);
    return out;
  }
  /** `kv.getSecret('name')` as a module parameter: an ARM Key Vault reference, as the compiler emits. */
  keyVaultSecret(e, ctx) {
    if (e.kind !== "FunctionCall" || !e.base || e.name.name.toLowerCase() !== "getsecret") return void 0;
    const ref = this.symbolRef(e.base, ctx);
    if (!ref || ref.info.kind !== "resource") return void 0;
    this.noteRef(ref.info, e.base, ctx, ref.idx);
    const kv = {};
    this.set(kv, "id", this.texpr(this.idExpr(ref.info, ref.idx, e.base)), e.base);
    const reference = {};
    this.set(reference, "keyVault", kv, e.base);
    if (e.args[0]) this.set(reference, "secretName", this.value(e.args[0], ctx), e.args[0]);
    if (e.args[1]) this.set(reference, "secretVersion", this.value(e.args[1], ctx), e.args[1]);
    return reference;
  }
  /** A module's `scope` as the compiler emits it: resourceGroup/subscriptionId/scope/location properties. */
  moduleScope(m, ctx, out) {
    const location = (at2) => this.set(out, "location", this.texpr(member(call2(this.targetScope === "resourceGroup" ? "resourceGroup" : "deployment", [], at2), "location", at2)), at2);
    const sp = m.scopeProp;
    if (!sp) {
      if (this.targetScope !== "resourceGroup") location(m.decl);
      return;
    }
    const sv = sp.value;
    const ref = this.symbolRef(sv, ctx);
    if (ref?.info.kind === "resource") {
      this.noteRef(ref.info, sv, ctx, ref.idx);
      if (ref.info.type.toLowerCase() === "microsoft.resources/resourcegroups") {
        const rgScope = ref.info.scopeProp ? this.scopeCall(ref.info.scopeProp.value) : void 0;
        if (rgScope?.fn === "subscription" && rgScope.args[0]) this.set(out, "subscriptionId", this.value(rgScope.args[0], {}), rgScope.args[0]);
        this.set(out, "resourceGroup", this.texpr(this.fullName(ref.info, ref.idx, void 0)), sv, sp.key);
      } else this.set(out, "scope", this.texpr(this.idExpr(ref.info, ref.idx, sv)), sv, sp.key);
      return;
    }
    const sc = this.scopeCall(sv);
    if (!sc) {
      this.set(out, "scope", this.texpr(this.expr(sv, ctx)), sv, sp.key);
      return;
    }
    const [a0, a1] = sc.args;
    switch (sc.fn) {
      case "resourcegroup":
        if (a0 && a1) {
          this.set(out, "subscriptionId", this.value(a0, ctx), a0);
          this.set(out, "resourceGroup", this.value(a1, ctx), a1);
        } else if (a0) this.set(out, "resourceGroup", this.value(a0, ctx), a0);
        return;
      case "subscription":
        if (a0) this.set(out, "subscriptionId", this.value(a0, ctx), a0);
        else if (this.targetScope === "resourceGroup") this.set(out, "subscriptionId", this.texpr(member(call2("subscription", [], sv), "subscriptionId", sv)), sv);
        location(sv);
        return;
      case "managementgroup":
        if (a0) this.set(out, "scope", this.texpr(formatCall(["Microsoft.Management/managementGroups/", ""], [this.expr(a0, ctx)], sv)), sv, sp.key);
        location(sv);
        return;
      case "tenant":
        this.set(out, "scope", "/", sv, sp.key);
        location(sv);
        return;
    }
  }
  /**
   * A module is deployed at the kind of scope its file targets (its targetScope, or an ARM JSON
   * module's $schema): the compiler rejects a resource group module that a subscription file
   * deploys without `scope: resourceGroup(...)`, and the like (BCP134). Without the check the
   * module's resources would be placed at a scope they cannot have (a TAP directly under a
   * subscription). A scope that is another resource (an extension-scope module) is not checked.
   */
  checkModuleScope(m, template) {
    const schema = own(template, "$schema");
    const moduleScope = typeof schema === "string" ? schemaScope(schema) : void 0;
    if (m.scopeProp && this.scopeSymbol(m.scopeProp.value)?.kind === "module") {
      this.error(m.scopeProp.value, `the module '${m.symbol}' has a module as its scope; the Bicep compiler rejects it (BCP134): scope it to a resource group, subscription, management group or the tenant`);
      return;
    }
    const deployedAt = this.moduleScopeOf(m);
    if (!deployedAt) return;
    const at2 = m.scopeProp?.value ?? m.decl.value;
    if (moduleScope && moduleScope !== deployedAt.kind) {
      const how = m.scopeProp ? `its scope is a ${TARGET_SCOPE_WORDS[deployedAt.kind]}` : `without a scope it is deployed at this file's ${TARGET_SCOPE_WORDS[deployedAt.kind]}`;
      this.error(
        at2,
        `the module '${m.symbol}' targets a ${TARGET_SCOPE_WORDS[moduleScope]} (its targetScope), but ${how}; the Bicep compiler rejects it (BCP134): give it a scope of that kind${moduleScope === "resourceGroup" ? " (scope: resourceGroup('name'), or a resource group the file declares)" : ""}`
      );
      return;
    }
    const from = (...kinds) => kinds.includes(this.targetScope);
    const { kind, subscription, group: group2 } = deployedAt;
    const ok = kind === "tenant" || kind === "managementGroup" && from("tenant", "managementGroup") || kind === "subscription" && (subscription || from("subscription", "resourceGroup")) || kind === "resourceGroup" && (subscription && group2 || (group2 ? from("subscription", "resourceGroup") : from("resourceGroup")));
    if (ok) return;
    const code = { tenant: "BCP113", managementGroup: "BCP114", subscription: "BCP115", resourceGroup: "BCP116" }[this.targetScope];
    this.error(
      at2,
      `a ${TARGET_SCOPE_WORDS[this.targetScope]} file cannot deploy the module '${m.symbol}' to that scope (${this.span(at2).text().replace(/\s+/g, " ")}); the Bicep compiler rejects it (${code}): permissible scopes are ${PERMITTED_MODULE_SCOPES[this.targetScope]}`
    );
  }
  /**
   * The scope a module declaration deploys at: its kind, and whether it names a subscription or
   * a resource group; undefined when it is not one of the four (a resource as the scope).
   */
  moduleScopeOf(m) {
    const sv = m.scopeProp?.value;
    if (!sv) return { kind: this.targetScope, subscription: false, group: false };
    const sc = this.scopeCall(sv);
    if (sc) {
      const kind = SCOPE_FUNCTIONS[sc.fn];
      const n = sc.args.length;
      return { kind, subscription: kind === "subscription" && n > 0 || kind === "resourceGroup" && n > 1, group: kind === "resourceGroup" && n > 0 };
    }
    const target = this.scopeSymbol(sv);
    if (target?.kind !== "resource") return void 0;
    const type = target.type.toLowerCase();
    if (type === "microsoft.resources/resourcegroups") {
      const rgScope = target.scopeProp ? this.scopeCall(target.scopeProp.value) : void 0;
      return { kind: "resourceGroup", subscription: rgScope?.fn === "subscription" && rgScope.args.length > 0, group: true };
    }
    if (type === "microsoft.management/managementgroups") return { kind: "managementGroup", subscription: false, group: false };
    return void 0;
  }
  /** The deployments resource id of a module instance (for outputs). */
  deploymentId(m, idx, at2) {
    const name = this.shortName(m, idx, void 0);
    const t = lit(DEPLOYMENTS_TYPE, at2);
    const ctx = this.instanceCtx(m, idx, void 0, at2);
    const ref = m.scopeProp ? this.symbolRef(m.scopeProp.value, ctx) : void 0;
    if (ref?.info.kind === "resource" && m.scopeProp) {
      if (ref.info.type.toLowerCase() === "microsoft.resources/resourcegroups") {
        const rgScope = ref.info.scopeProp ? this.scopeCall(ref.info.scopeProp.value) : void 0;
        const sub = rgScope?.fn === "subscription" && rgScope.args[0] ? [this.expr(rgScope.args[0], {})] : [];
        return call2("resourceId", [...sub, this.fullName(ref.info, ref.idx, void 0), t, name], at2);
      }
      return call2("extensionResourceId", [this.idExpr(ref.info, ref.idx, m.scopeProp.value), t, name], at2);
    }
    const sc = m.scopeProp ? this.scopeCall(m.scopeProp.value) : void 0;
    if (sc) {
      const a = sc.args.map((x) => this.expr(x, ctx));
      if (sc.fn === "resourcegroup") return call2("resourceId", [...a, t, name], at2);
      if (sc.fn === "subscription") return call2("subscriptionResourceId", [...a, t, name], at2);
      if (sc.fn === "tenant") return call2("tenantResourceId", [t, name], at2);
      if (sc.fn === "managementgroup" && a[0]) return call2("extensionResourceId", [call2("tenantResourceId", [lit("Microsoft.Management/managementGroups", at2), a[0]], at2), t, name], at2);
    }
    return this.defaultScopeId([t, name], at2);
  }
  // ---- dependsOn ----
  /** What each resource or module depends on (addDependsOn), for reportCycles. */
  dependencies = /* @__PURE__ */ new Map();
  /**
   * Resources and modules that reference each other in a cycle (a module passing another's
   * output to a module that reads its own, two modules reading each other's outputs, a TAP and a
   * NIC naming each other), directly, through variables or in dependsOn: the compiler rejects the
   * file (BCP079 for a declaration that references itself, BCP080 for a cycle). Reported once per
   * cycle, at the reference that closes it, with the declarations in order.
   */
  reportCycles() {
    const keys = [...this.dependencies.keys()];
    for (const key2 of keys) {
      const self = this.dependencies.get(key2)?.self;
      if (self) this.error(self, `'${this.symbolOf(key2)}' references its own declaration (through what it reads), which the Bicep compiler does not allow (BCP079): a resource or module cannot use its own properties or outputs`);
    }
    const position = new Map(keys.map((k, i) => [k, i]));
    const edgesOf = (i) => (this.dependencies.get(keys[i])?.on ?? []).map((d) => [position.get(d.key) ?? -1, d.at]);
    for (const c of cyclesOf(keys.length, edgesOf)) {
      const viaChain = c.nodes.every((i, n) => {
        const d = this.dependencies.get(keys[i]);
        const next = keys[c.nodes[(n + 1) % c.nodes.length]];
        return d !== void 0 && d.on.some((e) => e.key === next && d.chain(e.at));
      });
      if (viaChain) continue;
      const names = [...c.nodes, c.nodes[0]].map((i) => `'${this.symbolOf(keys[i])}'`).join(" -> ");
      this.error(c.closing, `the declarations reference each other in a cycle: ${names} (each uses the next, directly, through a variable or in dependsOn); the Bicep compiler rejects the file (BCP080): remove one of these references`);
    }
  }
  symbolOf(key2) {
    return this.byKey.get(key2)?.symbol ?? key2;
  }
  addDependsOn(r, out) {
    const deps = /* @__PURE__ */ new Map();
    const indexed = /* @__PURE__ */ new Map();
    const seenVars = /* @__PURE__ */ new Set();
    const seenSyms = /* @__PURE__ */ new Set([r.key]);
    let self;
    const addRefs = (refs) => {
      for (const [key2, at2] of refs.symbols) addSym(key2, at2);
      for (const [key2, list] of refs.indexed) {
        const info = this.byKey.get(key2);
        if (key2 === r.key) self ??= list[0].at;
        if (!info || key2 === r.key) continue;
        if (info.kind === "resource" && info.existing) addSym(key2, list[0].at);
        else indexed.set(key2, [...indexed.get(key2) ?? [], ...list]);
      }
      for (const v of refs.variables) {
        if (seenVars.has(v)) continue;
        seenVars.add(v);
        const vr = this.varRefs.get(v);
        if (vr) addRefs(vr);
      }
    };
    const addSym = (key2, at2) => {
      if (key2 === r.key) self ??= at2;
      if (seenSyms.has(key2)) return;
      seenSyms.add(key2);
      const info = this.byKey.get(key2);
      if (!info) return;
      if (info.kind === "resource" && info.existing) addRefs(info.refs);
      else if (!deps.has(key2)) deps.set(key2, at2);
    };
    const explicit = prop(r.body, "dependsOn");
    if (explicit) {
      if (explicit.value.kind !== "Array") this.error(explicit.value, "'dependsOn' must be an array of resource or module symbols");
      else {
        for (const item of explicit.value.items) {
          const ref = item.kind === "Spread" ? void 0 : this.symbolRef(item, this.instanceCtx(r, void 0, void 0, item));
          if (!ref) this.error(item, "a 'dependsOn' entry must be a resource or module symbol");
          else if (ref.idx && ref.info.loop && !(ref.info.kind === "resource" && ref.info.existing)) {
            indexed.set(ref.info.key, [...indexed.get(ref.info.key) ?? [], { idx: ref.idx, at: item }]);
          } else addSym(ref.info.key, item);
        }
      }
    }
    addRefs(r.refs);
    const chain = (at2) => at2 === r.scopeProp?.value || at2 === prop(r.body, "parent")?.value;
    if (self && chain(self)) self = void 0;
    this.dependencies.set(r.key, { self, chain, on: [...[...deps].map(([key2, at2]) => ({ key: key2, at: at2 })), ...[...indexed].map(([key2, list]) => ({ key: key2, at: list[0].at }))] });
    if (deps.size === 0 && indexed.size === 0) return;
    const arr = [];
    for (const [key2, at2] of deps) {
      recordSpan(arr, arr.length, this.span(at2));
      arr.push(key2);
    }
    for (const [key2, list] of indexed) {
      if (deps.has(key2)) continue;
      const seen = /* @__PURE__ */ new Set();
      for (const { idx, at: at2 } of list) {
        if (seen.has(at2)) continue;
        seen.add(at2);
        recordSpan(arr, arr.length, this.span(at2));
        arr.push(this.texpr(call2("format", [lit("{0}[{1}]", at2), lit(key2, at2), idx], at2)));
      }
    }
    this.set(out, "dependsOn", arr, explicit?.value ?? r.decl.name, explicit?.key);
  }
  /**
   * Records a reference for implicit dependsOn. `idx`: the instance of a loop referenced; the
   * compiler then depends on that instance only, unless the index uses a local that does not exist
   * at the resource level (a property loop or lambda variable), when it depends on the whole loop.
   */
  noteRef(info, at2, ctx, idx) {
    if (!ctx.refs) return;
    if (idx && info.loop && !usesLambdaVariables(idx)) {
      if (ctx.refs.symbols.has(info.key)) return;
      const list = ctx.refs.indexed.get(info.key) ?? [];
      list.push({ idx, at: at2 });
      ctx.refs.indexed.set(info.key, list);
      return;
    }
    if (!ctx.refs.symbols.has(info.key)) ctx.refs.symbols.set(info.key, at2);
  }
  // ---- Symbol resolution ----
  /** A resource/module symbol (possibly indexed `res[i]` or `a::b`), when `e` is one. */
  symbolRef(e, ctx) {
    if (e.kind === "VariableAccess") {
      if (ctx.locals?.has(e.name.name) || ctx.inFunction) return void 0;
      const info = this.symbols.get(e.name.name) ?? this.childInScope(e.name.name);
      return info ? { info, idx: void 0 } : void 0;
    }
    if (e.kind === "ResourceAccess") {
      const base = this.symbolRef(e.base, ctx);
      if (base?.info.kind !== "resource") return void 0;
      const child = base.info.children.get(e.name.name);
      return child ? { info: child, idx: void 0 } : void 0;
    }
    if (e.kind === "ArrayAccess" && !e.safe && !e.fromEnd) {
      const base = this.symbolRef(e.base, ctx);
      if (!base || base.idx !== void 0 || !base.info.loop) return void 0;
      return { info: base.info, idx: this.expr(e.index, ctx) };
    }
    if (e.kind === "Parenthesized" || e.kind === "NonNullAssertion") return this.symbolRef(e.kind === "Parenthesized" ? e.expression : e.base, ctx);
    return void 0;
  }
  /** Nested resources are visible by their own name (inside their parent; we accept it anywhere unambiguous). */
  childInScope(name) {
    const hit = this.byKey.get(name);
    return hit;
  }
  identifier(id, at2, ctx) {
    const name = id.name;
    if (ctx.inFunction && !this.vars.has(name) && !this.importedVars.has(name)) {
      if (this.params.has(name)) this.error(id, `a function cannot use the parameter '${name}'`);
      else if (this.symbols.has(name)) this.error(id, `a function cannot use the ${this.symbols.get(name)?.kind === "module" ? "module" : "resource"} '${name}'`);
      else this.error(id, `unknown symbol '${name}'`);
      return lit(null, at2);
    }
    if (this.params.has(name) || this.assigned.has(name)) return call2("parameters", [lit(name, id)], at2);
    if (name === "base" && this.options.baseValues && !this.vars.has(name) && !this.importedVars.has(name)) {
      const args = [];
      for (const [k, v] of this.options.baseValues) args.push(lit(k, id), nodeToExpr(v.node, at2, 0));
      return call2("createObject", args, at2);
    }
    if (this.vars.has(name)) {
      ctx.refs?.variables.add(name);
      if (this.options.inlineVariables) return this.inlineVariable(name, id, at2);
      return call2("variables", [lit(name, id)], at2);
    }
    if (this.importedVars.has(name)) {
      if (this.options.inlineVariables) return this.importedValue(name, at2);
      return call2("variables", [lit(name, id)], at2);
    }
    const sym2 = this.symbols.get(name) ?? this.childInScope(name);
    if (sym2) {
      this.noteRef(sym2, at2, ctx);
      if (sym2.kind === "resource") return this.referenceCall(sym2, void 0, at2, true);
      return call2("reference", [this.deploymentId(sym2, void 0, at2), lit(DEPLOYMENTS_API, at2)], at2);
    }
    const reg = this.unknownImports.get(name);
    if (reg !== void 0) return call2("notRead", [lit(`'${name}', imported from '${reg}', which is not read`, id)], at2, LOWERING_NS);
    if (this.extensionAliases.has(name)) {
      const config = this.extensionAliases.get(name);
      if (config) return call2("createObject", [lit("config", id), this.expr(config, ctx)], at2);
      return call2("notRead", [lit(`the configuration of extension '${name}', given where it is deployed`, id)], at2, LOWERING_NS);
    }
    if (this.funcs.has(name) || this.importedFuncs.has(name)) {
      this.error(id, `the function '${name}' must be called`);
      return lit(null, at2);
    }
    this.error(id, `unknown symbol '${name}'`);
    return lit(null, at2);
  }
  inlineVariable(name, id, at2) {
    if (!this.paramsFileVars.has(name)) {
      const decl = this.vars.get(name);
      if (this.inlining.has(name)) {
        this.error(at2, `the variable '${name}' refers to itself`);
        return lit(null, at2);
      }
      this.inlining.add(name);
      try {
        const node = this.value(decl.value, {});
        this.paramsFileVars.set(name, { node, span: this.span(decl.value) });
      } finally {
        this.inlining.delete(name);
      }
    }
    return call2("variables", [lit(name, id)], at2);
  }
  /** An imported variable inlined as an expression (its spans fall back to the import site). */
  importedValue(name, at2) {
    const v = this.importedVars.get(name);
    if (v.copy) return call2("variables", [lit(name, at2)], at2);
    return nodeToExpr(v.node, at2, 0);
  }
  referenceCall(r, idx, at2, full) {
    const args = [this.idExpr(r, idx, at2), lit(r.apiVersion ?? "", at2)];
    if (full) args.push(lit("full", at2));
    return call2("reference", args, at2);
  }
  symbolicProperty(e, ctx) {
    const prop2 = e.property.name;
    if (e.base.kind === "PropertyAccess" && e.base.property.name === "outputs") {
      const m = this.symbolRef(e.base.base, ctx);
      if (m?.info.kind === "module") {
        this.noteRef(m.info, e.base.base, ctx, m.idx);
        const outs = member(call2("reference", [this.deploymentId(m.info, m.idx, e.base.base), lit(DEPLOYMENTS_API, e.base.base)], e.base.base), "outputs", e.base);
        if (e.safe) return call2("tryGet", [outs, lit(prop2, e.property), lit("value", e.property)], e);
        return member(member(outs, prop2, e), "value", e);
      }
    }
    if (e.base.kind === "VariableAccess" && !ctx.locals?.has(e.base.name.name)) {
      const nsName = e.base.name.name;
      if (this.namespaces.has(nsName) && !this.symbols.has(nsName)) {
        const key2 = `${nsName}.${prop2}`;
        if (this.importedVars.has(key2)) return this.options.inlineVariables ? this.importedValue(key2, e) : call2("variables", [lit(key2, e)], e);
        this.error(e.property, `'${prop2}' is not a variable exported by '${nsName}'`);
        return lit(null, e);
      }
    }
    const ref = this.symbolRef(e.base, ctx);
    if (!ref) return void 0;
    const { info, idx } = ref;
    this.noteRef(info, e.base, ctx, idx);
    if (info.kind === "module") {
      if (prop2 === "name") return this.shortName(info, idx, void 0);
      const r = call2("reference", [this.deploymentId(info, idx, e.base), lit(DEPLOYMENTS_API, e.base)], e.base);
      return member(r, prop2, e);
    }
    if (this.hasResourceExtensions && this.ofExtension(info) && prop2 !== "name" && prop2 !== "type" && prop2 !== "apiVersion") {
      return member(this.referenceCall(info, idx, e.base, false), prop2, e);
    }
    switch (prop2) {
      case "id":
        return this.idExpr(info, idx, e);
      case "name":
        return this.shortName(info, idx, void 0);
      case "type":
        return lit(info.type, e);
      case "apiVersion":
        return lit(info.apiVersion ?? "", e);
      case "properties":
        return this.referenceCall(info, idx, e.base, false);
      default: {
        const r = this.referenceCall(info, idx, e.base, true);
        return e.safe ? call2("tryGet", [r, lit(prop2, e.property)], e) : member(r, prop2, e);
      }
    }
  }
  symbolicIndex(e, ctx) {
    const ref = this.symbolRef(e, ctx);
    if (!ref) return void 0;
    this.noteRef(ref.info, e, ctx, ref.idx);
    if (ref.info.kind === "resource") return this.referenceCall(ref.info, ref.idx, e, true);
    return call2("reference", [this.deploymentId(ref.info, ref.idx, e), lit(DEPLOYMENTS_API, e)], e);
  }
  resourceAccess(e, ctx) {
    const ref = this.symbolRef(e, ctx);
    if (!ref || ref.info.kind !== "resource") {
      this.error(e.name, `unknown nested resource '${e.name.name}'`);
      return lit(null, e);
    }
    this.noteRef(ref.info, e, ctx, ref.idx);
    return this.referenceCall(ref.info, ref.idx, e, true);
  }
  specialCall(e, ctx) {
    const name = e.name.name;
    if (e.base) {
      if (e.base.kind === "VariableAccess" && !ctx.locals?.has(e.base.name.name)) {
        const ns = e.base.name.name;
        if (this.namespaces.has(ns) && !this.symbols.has(ns)) {
          const key2 = `${ns}.${name}`;
          if (!this.importedFuncs.has(key2)) this.error(e.name, `'${name}' is not a function exported by '${ns}'`);
          return call2(key2, e.args.map((a) => this.expr(a, ctx)), e, "__bicep");
        }
        if ((ns === "sys" || ns === "az") && !this.symbols.has(ns) && !this.vars.has(ns) && !this.params.has(ns)) {
          return this.builtin(e, ctx);
        }
      }
      const ref = this.symbolRef(e.base, ctx);
      if (ref?.info.kind === "resource") {
        this.noteRef(ref.info, e.base, ctx, ref.idx);
        const args = e.args.map((a) => this.expr(a, ctx));
        if (name.toLowerCase() === "getsecret") return call2("keyVaultSecret", [this.idExpr(ref.info, ref.idx, e.base), ...args], e);
        return call2(name, [this.idExpr(ref.info, ref.idx, e.base), lit(ref.info.apiVersion ?? "", e.base), ...args], e);
      }
      this.error(e.name, `'${name}' cannot be called on this value`);
      return lit(null, e);
    }
    if (ctx.locals?.has(name)) {
      this.error(e.name, `'${name}' is not a function`);
      return lit(null, e);
    }
    if (this.funcs.has(name) || this.importedFuncs.has(name)) return call2(name, e.args.map((a) => this.expr(a, ctx)), e, "__bicep");
    return this.builtin(e, ctx);
  }
  /** Built-in functions that the compiler evaluates itself or renames. */
  builtin(e, ctx) {
    const name = e.name.name;
    const problem = name === "" || this.unknownImports.has(name) ? void 0 : builtinCallProblem(name, e.args.length, this.hasExtensions);
    if (problem) {
      this.error(problem.at === "name" ? e.name : { start: e.openParen, end: e.closeParen }, problem.message);
      return call2("invalid", [lit(problem.message, e)], e, LOWERING_NS);
    }
    const args = () => e.args.map((a) => this.expr(a, ctx));
    switch (name.toLowerCase()) {
      case "any":
        return e.args[0] ? this.expr(e.args[0], ctx) : lit(null, e);
      case "loadtextcontent": {
        const enc = e.args[1] ? stringValue(e.args[1]) : void 0;
        if (enc === void 0 || enc.toLowerCase() === "utf-8") return this.loadFile(e, MAX_LITERAL_CHARS, (text) => lit(text, e));
        const decode = TEXT_DECODERS[enc.toLowerCase()];
        if (!decode) {
          this.error(e.args[1] ?? e, `loadTextContent(): unknown encoding '${enc}' (one of: ${Object.keys(TEXT_DECODERS).join(", ")}, utf-8)`);
          return lit(null, e);
        }
        return this.loadBytes(e, (bytes) => {
          const text = decode(bytes);
          return text.length > MAX_LITERAL_CHARS ? this.tooLarge(e, `${MAX_LITERAL_CHARS} characters`) : lit(text, e);
        });
      }
      case "loadfileasbase64":
        return this.loadBytes(
          e,
          (bytes) => bytes.byteLength > MAX_BASE64_BYTES ? this.tooLarge(e, `${MAX_BASE64_BYTES} bytes`) : lit(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"), e)
        );
      case "loadjsoncontent":
        return this.loadFile(e, MAX_JSON_CHARS, (text) => this.jsonContent(e, text));
      case "nameof": {
        const a = e.args[0];
        let base = a;
        while (base && (base.kind === "PropertyAccess" || base.kind === "ArrayAccess" || base.kind === "ResourceAccess")) base = base.base;
        if (base?.kind === "VariableAccess" && !ctx.locals?.has(base.name.name)) {
          const sym2 = this.symbols.get(base.name.name);
          if (sym2) this.noteRef(sym2, base, ctx);
          else if (this.vars.has(base.name.name)) ctx.refs?.variables.add(base.name.name);
        }
        if (a?.kind === "PropertyAccess") return lit(a.property.name, e);
        if (a?.kind === "ArrayAccess" && a.index.kind === "String" && stringValue(a.index) !== void 0) return lit(stringValue(a.index), e);
        if (a?.kind === "VariableAccess") return lit(a.name.name, e);
        return lit(null, e);
      }
      case "readenvironmentvariable":
      case "readenvvar":
      case "readcliarg":
      case "externalinput": {
        args();
        for (const a of e.args) if (!isCompileTimeConstant(a)) this.error(a, "the value must be a compile-time constant");
        if (name.toLowerCase().startsWith("readenv")) return this.environmentVariable(e, ctx);
        const what = name.toLowerCase() === "readcliarg" ? "a command-line argument of the compiler" : "an external input given when the file is compiled";
        return call2("notRead", [lit(`${name}(): ${what}`, e)], e, LOWERING_NS);
      }
      case "loadyamlcontent":
        return this.loadFile(e, MAX_JSON_CHARS, (text) => this.yamlContent(e, text));
      case "loaddirectoryfileinfo":
        return this.directoryFileInfo(e);
      default:
        return call2(name, args(), e);
    }
  }
  /**
   * readEnvironmentVariable('NAME'[, default]) of a .bicepparam file: the compiler reads its own
   * environment when it compiles the file, so vtaplint reads the environment it runs in (a
   * pipeline that lints and deploys with the same variables gets the values it deploys); unset,
   * the default, or else a value known only where the file is compiled.
   */
  environmentVariable(e, ctx) {
    const n = e.args[0] ? stringValue(e.args[0]) : void 0;
    if (n === void 0) return call2("notRead", [lit(`${e.name.name}(): an environment variable whose name is not a literal`, e)], e, LOWERING_NS);
    const v = this.options.env?.[n];
    if (v !== void 0) return lit(v, e);
    if (e.args[1]) return this.expr(e.args[1], ctx);
    return call2("notRead", [lit(`${e.name.name}('${n}'): the environment variable is not set where vtaplint runs; it is read when the file is compiled`, e)], e, LOWERING_NS);
  }
  /**
   * loadDirectoryFileInfo(dir[, searchPattern]), as the compiler computes it: the files directly
   * in the folder (not its subfolders) whose names match the pattern ('*' and '?'), each as
   * { relativePath (from this file's folder, '/'), baseName, extension (from the last '.', or '') },
   * ordered by relativePath ignoring case (.NET's OrdinalIgnoreCase). Only names are read, and
   * only inside the lint root; a folder that cannot be listed is an error and an unknown value.
   */
  directoryFileInfo(e) {
    const fn = e.name.name;
    const dirArg = e.args[0];
    const patternArg = e.args[1];
    const dir = dirArg ? stringValue(dirArg) : void 0;
    const pattern = patternArg ? stringValue(patternArg) : "";
    if (!dirArg || dir === void 0 || pattern === void 0) {
      const at2 = !dirArg || dir === void 0 ? dirArg ?? e : patternArg ?? e;
      this.note(at2, `${fn}(): the argument is not a literal string, so the folder is not listed; the value is unknown`);
      return call2("notRead", [lit(`${fn}(): a folder or pattern that is not a literal string`, e)], e, LOWERING_NS);
    }
    const abs = this.resolvePath(dir);
    const got = this.options.modules.listFiles(abs);
    if ("error" in got) {
      this.error(dirArg, `${fn}(): ${got.error}`);
      return call2("notRead", [lit(`${fn}('${dir}'): ${got.error}`, dirArg)], e, LOWERING_NS);
    }
    const from = import_node_path4.default.dirname(this.file.path);
    const matches = wildcardMatcher(pattern);
    const files = got.names.filter(matches).map((name) => {
      const dot = name.lastIndexOf(".");
      return {
        relativePath: import_node_path4.default.relative(from, import_node_path4.default.join(abs, name)).split(import_node_path4.default.sep).join("/"),
        baseName: name,
        extension: dot >= 0 && dot < name.length - 1 ? name.slice(dot) : ""
      };
    }).sort((a, b) => compareOrdinalIgnoreCase(a.relativePath, b.relativePath));
    return jsonToExpr(files, e);
  }
  /** A load*() call's file as text, refused (BCP184) above the compiler's `maxChars` for that function. */
  loadFile(e, maxChars, convert) {
    return this.loaded(e, (abs) => this.options.modules.readFile(abs), (got) => got.text.length > maxChars ? this.tooLarge(e, `${maxChars} characters`) : convert(got.text));
  }
  /**
   * BCP184: the compiler reads no more than its limit for each load function, and fails the file
   * otherwise. The value is unknown, and nothing larger is parsed (a YAML parser takes seconds
   * per megabyte).
   */
  tooLarge(e, limit) {
    const message = `${e.name.name}(): the file exceeds the maximum size of ${limit} that the Bicep compiler loads (BCP184)`;
    this.error(e.args[0] ?? e, message);
    return call2("notRead", [lit(message, e)], e, LOWERING_NS);
  }
  loadBytes(e, convert) {
    return this.loaded(e, (abs) => this.options.modules.readBytes(abs), (got) => convert(got.bytes));
  }
  /** A load*() call's file, read by `read` and made a value by `convert`; a literal path is required. */
  loaded(e, read, convert) {
    const p = e.args[0];
    const rel = p ? stringValue(p) : void 0;
    if (!p || rel === void 0) {
      this.error(p ?? e, `${e.name.name}() needs a literal file path`);
      return lit(null, e);
    }
    const got = read(this.resolvePath(rel));
    if ("error" in got) {
      this.error(p, `${e.name.name}(): ${unreadFileMessage("file", rel, got.error)}`);
      return call2("notRead", [lit(`${e.name.name}('${rel}'): ${got.error}`, p)], e, LOWERING_NS);
    }
    return convert(got);
  }
  jsonContent(e, text) {
    const errors = [];
    const body = text.replace(/^\uFEFF/, "");
    let v;
    try {
      v = JSON.parse(body);
    } catch {
      v = parse2(body, errors, { allowTrailingComma: true });
    }
    if (errors.length > 0) {
      this.error(e.args[0] ?? e, `loadJsonContent(): the file is not valid JSON (at offset ${errors[0]?.offset ?? 0})`);
      return call2("notRead", [lit("loadJsonContent(): a file that is not valid JSON", e)], e, LOWERING_NS);
    }
    return this.selected(e, v, "loadJsonContent");
  }
  /** loadYamlContent(file[, jsonPath[, encoding]]): the document as JSON values, as the compiler converts it. */
  yamlContent(e, text) {
    const parsed = parseYaml(text.replace(/^\uFEFF/, ""));
    if ("error" in parsed) {
      this.error(e.args[0] ?? e, `loadYamlContent(): the file is not valid YAML: ${parsed.error}`);
      return call2("notRead", [lit("loadYamlContent(): a file that is not valid YAML", e)], e, LOWERING_NS);
    }
    return this.selected(e, parsed.value, "loadYamlContent");
  }
  /** The part of loaded content a load function's JSONPath argument (its second) selects. */
  selected(e, v, fn) {
    const jp = e.args[1] ? stringValue(e.args[1]) : void 0;
    if (jp !== void 0 && /[?*@]|\.\./.test(jp)) {
      this.note(e.args[1] ?? e, `${fn}(): the JSONPath '${jp}' uses filters or wildcards, which are not supported; the value is unknown`);
      return call2("notRead", [lit(`${fn}(): the JSONPath '${jp}' (filters and wildcards are not read)`, e)], e, LOWERING_NS);
    }
    if (jp !== void 0 && jp !== "$" && jp !== "") {
      const parts = jp.replace(/^\$\.?/, "").match(/[^.[\]'"]+|\[\d+\]/g) ?? [];
      for (const part2 of parts) {
        const key2 = part2.startsWith("[") ? Number(part2.slice(1, -1)) : part2;
        if (v !== null && typeof v === "object" && Object.prototype.hasOwnProperty.call(v, key2)) v = v[key2];
        else {
          this.error(e.args[1] ?? e, `${fn}(): the path '${jp}' does not select a value`);
          return lit(null, e);
        }
      }
    }
    return jsonToExpr(v, e);
  }
};
function wildcardMatcher(pattern) {
  if (pattern === "" || pattern === "*") return () => true;
  const source = [...pattern].map((c) => c === "*" ? "[^]*" : c === "?" ? "[^]" : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")).join("");
  const re = new RegExp(`^${source}$`);
  return (name) => re.test(name);
}
function compareOrdinalIgnoreCase(a, b) {
  const upper = (c) => {
    const u = String.fromCharCode(c).toUpperCase();
    return u.length === 1 ? u.charCodeAt(0) : c;
  };
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = upper(a.charCodeAt(i)) - upper(b.charCodeAt(i));
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
function setImportedVariable(variables, name, v) {
  if (!v.copy || !isTObject(v.node)) {
    setOwn(variables, name, v.node);
    recordSpan(variables, name, v.span);
    return;
  }
  let loops = own(variables, "copy");
  if (!Array.isArray(loops)) setOwn(variables, "copy", loops = []);
  const entry = { ...v.node };
  setOwn(entry, "name", name);
  recordSpan(loops, loops.length, v.span);
  loops.push(entry);
}
function nodeToExpr(n, at2, depth) {
  if (depth > 256) return lit(null, at2);
  if (n instanceof TExpr) return n.ast;
  if (n === null || typeof n !== "object") return lit(n, at2);
  if (Array.isArray(n)) return call2("createArray", n.map((x) => nodeToExpr(x, at2, depth + 1)), at2);
  const args = [];
  for (const k of Object.keys(n)) args.push(lit(k.startsWith("[[") ? k.slice(1) : k, at2), nodeToExpr(n[k], at2, depth + 1));
  return call2("createObject", args, at2);
}
function usesLambdaVariables(e) {
  switch (e.k) {
    case "lit":
      return false;
    case "call":
      return e.name.toLowerCase() === "lambdavariables" || e.args.some(usesLambdaVariables);
    case "member":
      return usesLambdaVariables(e.obj);
    case "index":
      return usesLambdaVariables(e.obj) || usesLambdaVariables(e.index);
  }
}
function renameVariables(n, renames) {
  if (n instanceof TExpr) return new TExpr(renameInExpr(n.ast, renames), n.base);
  if (n === null || typeof n !== "object") return n;
  if (Array.isArray(n)) return n.map((x) => renameVariables(x, renames));
  const out = {};
  for (const k of Object.keys(n)) setOwn(out, k, renameVariables(n[k], renames));
  return out;
}
function renameInExpr(e, renames) {
  switch (e.k) {
    case "lit":
      return e;
    case "member":
      return { ...e, obj: renameInExpr(e.obj, renames) };
    case "index":
      return { ...e, obj: renameInExpr(e.obj, renames), index: renameInExpr(e.index, renames) };
    case "call": {
      const first = e.args[0];
      const named = e.name.toLowerCase() === "variables" || e.name.toLowerCase() === "copyindex";
      if (e.ns === void 0 && named && first?.k === "lit" && typeof first.value === "string" && renames.has(first.value)) {
        return { ...e, args: [{ ...first, value: renames.get(first.value) }, ...e.args.slice(1)] };
      }
      return { ...e, args: e.args.map((a) => renameInExpr(a, renames)) };
    }
  }
}

// src/bicep/import-json.ts
var EXPORTED_VARIABLES = "__bicep_exported_variables!";
var EXPORTED = "__bicep_export!";
var BICEP_NAMESPACE = "__bicep";
var MAX_DEPTH3 = 2048;
function jsonLibrary(root, span) {
  const exported = /* @__PURE__ */ new Set();
  const metadata = own(root, "metadata");
  const listed = isTObject(metadata) ? own(metadata, EXPORTED_VARIABLES) : void 0;
  if (Array.isArray(listed)) {
    for (const e of listed) {
      const name = isTObject(e) ? own(e, "name") : void 0;
      if (typeof name === "string") exported.add(name);
    }
  }
  const definitions = own(root, "definitions");
  if (isTObject(definitions)) {
    for (const name of Object.keys(definitions)) if (isExported(definitions[name])) exported.add(name);
  }
  const variables = /* @__PURE__ */ new Map();
  const varsSpan = span.child(root, "variables");
  const section = own(root, "variables");
  if (isTObject(section)) {
    for (const name of Object.keys(section)) {
      const node = section[name];
      const at2 = varsSpan.child(section, name);
      if (name.toLowerCase() === "copy" && Array.isArray(node)) {
        node.forEach((entry, i) => {
          const loop = isTObject(entry) ? own(entry, "name") : void 0;
          if (typeof loop !== "string") return;
          const eSpan = at2.child(node, i);
          const vars2 = /* @__PURE__ */ new Set();
          variables.set(loop, { node: lowered(entry, eSpan, vars2, 0), span: eSpan, keySpan: eSpan, vars: vars2, copy: true });
        });
        continue;
      }
      const vars = /* @__PURE__ */ new Set();
      variables.set(name, { node: lowered(node, at2, vars, 0), span: at2, keySpan: at2, vars });
    }
  }
  const functions = /* @__PURE__ */ new Map();
  const fnSection = own(root, "functions");
  if (Array.isArray(fnSection)) {
    const fnSpan = span.child(root, "functions");
    fnSection.forEach((nsNode, i) => {
      if (!isTObject(nsNode) || own(nsNode, "namespace") !== BICEP_NAMESPACE) return;
      const members = own(nsNode, "members");
      if (!isTObject(members)) return;
      const mSpan = fnSpan.child(fnSection, i).child(nsNode, "members");
      for (const name of Object.keys(members)) {
        const f = members[name];
        if (!isTObject(f)) continue;
        if (isExported(f)) exported.add(name);
        const at2 = mSpan.child(members, name);
        const vars = /* @__PURE__ */ new Set();
        functions.set(name, { node: lowered(f, at2, vars, 0), span: at2, vars });
      }
    });
  }
  return { root, variables, functions, exported, types: /* @__PURE__ */ new Map(), fromJson: true };
}
function isExported(n) {
  const metadata = isTObject(n) ? own(n, "metadata") : void 0;
  return isTObject(metadata) && own(metadata, EXPORTED) === true;
}
function lowered(n, span, vars, depth) {
  if (depth > MAX_DEPTH3) return n;
  if (typeof n === "string") {
    const p = parseTemplateString(n);
    if (p.kind !== "expr") return n;
    collectVariables(p.ast, vars);
    return new TExpr(p.ast, span);
  }
  if (n === null || typeof n !== "object" || n instanceof TExpr) return n;
  if (Array.isArray(n)) return n.map((x, i) => lowered(x, span.child(n, i), vars, depth + 1));
  const out = {};
  for (const k of Object.keys(n)) setOwn(out, k, lowered(n[k], span.child(n, k), vars, depth + 1));
  return out;
}
function collectVariables(e, vars) {
  switch (e.k) {
    case "lit":
      return;
    case "member":
      collectVariables(e.obj, vars);
      return;
    case "index":
      collectVariables(e.obj, vars);
      collectVariables(e.index, vars);
      return;
    case "call": {
      const first = e.args[0];
      if (e.ns === void 0 && e.name.toLowerCase() === "variables" && first?.k === "lit" && typeof first.value === "string") vars.add(first.value);
      for (const a of e.args) collectVariables(a, vars);
    }
  }
}

// src/bicep/load.ts
var DEFAULT_MODULE_DEPTH = 16;
function loadBicepTemplate(source, host) {
  const sink = new DiagnosticSink();
  const loader = new Loader(host, sink);
  const span = new TextSpan(source, 0, source.text.length);
  loader.stack.push(import_node_path5.default.resolve(source.path));
  const lowered2 = loader.lowerSource(source);
  return { root: lowered2?.root, span, diagnostics: sink.items, pragmas: loader.pragmas, modules: [...loader.modules] };
}
var Loader = class {
  constructor(host, sink, options = {}) {
    this.host = host;
    this.sink = sink;
    this.options = options;
    this.maxDepth = host.depth ?? DEFAULT_MODULE_DEPTH;
  }
  host;
  sink;
  options;
  /** Absolute paths of the files being lowered, outermost first (for cycles and depth). */
  stack = [];
  pragmas = [];
  /** The module files read (absolute), nested ones included. */
  modules = /* @__PURE__ */ new Set();
  cache = /* @__PURE__ */ new Map();
  jsonCache = /* @__PURE__ */ new Map();
  jsonImports = /* @__PURE__ */ new Map();
  maxDepth;
  /** Parses and lowers one Bicep source; never throws. */
  lowerSource(source, inlineVariables = this.options.inlineVariables ?? false) {
    const parsed = parseBicep(source, (this.host.limits ?? DEFAULT_LIMITS).maxJsonDepth);
    for (const d of parsed.diagnostics) this.sink.add(d);
    this.pragmas.push(...collectPragmas(source, parsed.program.trivia));
    try {
      return new FileLowerer(source, this.sink, parsed.program, { modules: this, inlineVariables, maxExpressionDepth: this.host.limits?.maxExpressionDepth }).lower();
    } catch (e) {
      const message = `internal error while lowering Bicep: ${e instanceof Error ? e.message : String(e)}`;
      this.sink.add({ code: "internal-error", message, span: new TextSpan(source, 0, 0) });
      return void 0;
    }
  }
  enter(absPath, at2, from, what) {
    const key2 = import_node_path5.default.resolve(absPath);
    if (this.stack.includes(key2)) {
      const chain = [...this.stack.slice(this.stack.indexOf(key2)), key2].map((p) => import_node_path5.default.relative(this.host.root, p) || p).join(" -> ");
      this.sink.add({ code: "invalid-template", message: `the ${what} forms a cycle: ${chain}`, span: from.span(at2) });
      return void 0;
    }
    if (this.stack.length > this.maxDepth) {
      this.sink.add({ code: "limit-exceeded", message: `modules are nested more than ${this.maxDepth} levels deep; '${import_node_path5.default.relative(this.host.root, key2)}' is not analysed (limit maxDeploymentDepth)`, span: from.span(at2) });
      return void 0;
    }
    const got = this.host.read(key2);
    if ("error" in got) {
      this.sink.add({ code: "invalid-template", message: unreadFileMessage(what, writtenPath(from.file.path, key2), got.error), span: from.span(at2) });
      return void 0;
    }
    return got;
  }
  lowerModule(absPath, at2, from) {
    const key2 = import_node_path5.default.resolve(absPath);
    if (/\.json$/i.test(key2)) {
      if (this.jsonCache.has(key2)) return this.jsonCache.get(key2);
      const src = this.enter(key2, at2, from, "module");
      if (!src) return void 0;
      const j = loadJson(src, this.host.limits);
      for (const d of j.diagnostics) this.sink.add(d);
      const out = isTObject(j.root) ? { root: j.root, span: j.span } : void 0;
      this.jsonCache.set(key2, out);
      if (out) this.modules.add(key2);
      return out;
    }
    const f = this.lowerFile(key2, at2, from, "module");
    if (f) this.modules.add(key2);
    return f ? { root: f.root, span: new TextSpan(f.source, 0, f.source.text.length) } : void 0;
  }
  lowerImport(absPath, at2, from) {
    const key2 = import_node_path5.default.resolve(absPath);
    if (!/\.json$/i.test(key2)) return this.lowerFile(key2, at2, from, "import");
    if (this.jsonImports.has(key2)) return this.jsonImports.get(key2);
    const src = this.enter(key2, at2, from, "import");
    if (!src) return void 0;
    const j = loadJson(src, this.host.limits);
    for (const d of j.diagnostics) this.sink.add(d);
    let out;
    if (isTObject(j.root)) out = jsonLibrary(j.root, j.span);
    else {
      const why = j.diagnostics.length ? "it is not a valid JSON template" : "it is not a JSON object";
      this.sink.add({ code: "invalid-template", message: `cannot import from '${import_node_path5.default.relative(import_node_path5.default.dirname(from.file.path), key2)}': ${why}`, span: from.span(at2) });
    }
    this.jsonImports.set(key2, out);
    return out;
  }
  lowerFile(key2, at2, from, what) {
    if (this.cache.has(key2) && !this.stack.includes(key2)) {
      const hit = this.cache.get(key2);
      return hit;
    }
    const src = this.enter(key2, at2, from, what);
    if (!src) return void 0;
    this.stack.push(key2);
    try {
      const lowered2 = this.lowerSource(src, false);
      const out = lowered2 ? { ...lowered2, source: src } : void 0;
      this.cache.set(key2, out);
      return out;
    } finally {
      this.stack.pop();
    }
  }
  readFile(absPath) {
    const got = this.host.read(import_node_path5.default.resolve(absPath));
    return "error" in got ? got : { text: got.text };
  }
  readBytes(absPath) {
    if (!this.host.readBytes) {
      const got = this.readFile(absPath);
      return "error" in got ? got : { bytes: Buffer.from(got.text, "utf8") };
    }
    return this.host.readBytes(import_node_path5.default.resolve(absPath));
  }
  listFiles(absDir) {
    if (!this.host.listFiles) return { error: "folders cannot be listed here" };
    return this.host.listFiles(import_node_path5.default.resolve(absDir));
  }
};
function writtenPath(fromFile, target) {
  return import_node_path5.default.relative(import_node_path5.default.dirname(fromFile), target).split(import_node_path5.default.sep).join("/");
}

// src/bicep/params.ts
var import_node_path6 = __toESM(require("node:path"), 1);

// src/model/type-ref.ts
var MAX_REF_HOPS = 32;
function resolveTypeRef(template, ref) {
  if (!template || !ref.startsWith("#/")) return void 0;
  let at2 = template;
  for (const raw of ref.slice(2).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(at2)) at2 = /^\d+$/.test(seg) ? at2[Number(seg)] : void 0;
    else if (isTObject(at2)) at2 = ownProp(at2, seg);
    else return void 0;
  }
  return isTObject(at2) ? at2 : void 0;
}
function typeChain(template, node) {
  const chain = [node];
  let at2 = node;
  for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
    const ref = ownProp(at2, "$ref");
    const next = typeof ref === "string" ? resolveTypeRef(template, ref) : void 0;
    if (!next || chain.includes(next)) break;
    chain.push(next);
    at2 = next;
  }
  return chain;
}
function isNullableDeclaration(decl, template) {
  return typeChain(template, decl).some((node) => ownProp(node, "nullable") === true);
}

// src/bicep/params.ts
var MAX_EXTENDS = 8;
function usingTarget(s, paramsFile) {
  if (s.none || !s.path) return void 0;
  if (s.path.expressions.length) return { kind: "not-literal" };
  const rel = s.path.value ?? s.path.segments.join("");
  if (/^(br|ts)[:/]/i.test(rel)) return { kind: "registry", ref: rel };
  return { kind: "file", path: import_node_path6.default.resolve(import_node_path6.default.dirname(paramsFile), rel) };
}
function loadBicepParams(source, host, chain = []) {
  const sink = new DiagnosticSink();
  const parsed = parseBicepParams(source, host.limits?.maxJsonDepth);
  for (const d of parsed.diagnostics) sink.add(d);
  let templatePath;
  let usingSpan;
  const names = /* @__PURE__ */ new Map();
  let base;
  for (const s of parsed.program.statements) {
    if (s.kind === "ParameterAssignment") names.set(s.name.name, new TextSpan(source, s.name.start, s.name.end));
    if (s.kind === "Extends") base = extendedFile(s.path, source, host, [...chain, import_node_path6.default.resolve(source.path)], sink);
    if (s.kind !== "Using" || !s.path) continue;
    const target = usingTarget(s, source.path);
    const at2 = new TextSpan(source, s.path.start, s.path.end);
    usingSpan = at2;
    if (target?.kind === "not-literal") sink.add({ code: "invalid-template", message: "the 'using' path must be a literal string", span: at2 });
    else if (target?.kind === "registry") sink.add({ code: "note", message: `the template '${target.ref}' is in a registry and is not fetched`, span: at2 });
    else if (target) templatePath = target.path;
  }
  const loader = new Loader(host, sink);
  loader.stack.push(import_node_path6.default.resolve(source.path));
  let values = /* @__PURE__ */ new Map();
  let scope = {};
  try {
    const baseValues = base && base !== "unread" ? inheritedValues(base) : void 0;
    ({ values, scope } = new FileLowerer(source, sink, parsed.program, { modules: loader, inlineVariables: true, env: host.env, baseValues, maxExpressionDepth: host.limits?.maxExpressionDepth }).lowerParameterAssignments());
  } catch (e) {
    sink.add({ code: "internal-error", message: `internal error while lowering Bicep parameters: ${e instanceof Error ? e.message : String(e)}`, span: new TextSpan(source, 0, 0) });
  }
  const hasUsing = parsed.program.statements.some((s) => s.kind === "Using");
  return { templatePath, values, scope, diagnostics: sink.items, source, names, usingSpan, hasUsing, base };
}
function extendedFile(p, source, host, chain, sink) {
  const at2 = new TextSpan(source, p.start, p.end);
  const rel = p.kind === "String" && p.expressions.length === 0 ? p.value ?? p.segments.join("") : void 0;
  if (rel === void 0) {
    sink.add({ code: "invalid-template", message: "the 'extends' path must be a literal string", span: at2 });
    return "unread";
  }
  const abs = import_node_path6.default.resolve(import_node_path6.default.dirname(source.path), rel);
  if (chain.includes(abs) || chain.length > MAX_EXTENDS) {
    sink.add({ code: "invalid-template", message: `'extends' makes a cycle or a chain longer than ${MAX_EXTENDS} files: '${rel}' is not read again`, span: at2 });
    return "unread";
  }
  const read = host.read(abs);
  if ("error" in read) {
    sink.add({ code: "invalid-template", message: unreadFileMessage("parameters file", rel, read.error), span: at2 });
    return "unread";
  }
  const loaded = loadBicepParams(read, host, chain);
  for (const d of loaded.diagnostics) sink.add(d);
  return loaded;
}
function inheritedValues(p) {
  const out = p.base && p.base !== "unread" ? inheritedValues(p.base) : /* @__PURE__ */ new Map();
  for (const [name, v] of p.values) out.set(name, v);
  return out;
}
function assignedNames(p) {
  const out = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (let f = p; f && f !== "unread"; f = f.base) {
    for (const [name, span] of f.names) {
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      out.set(name, span);
    }
  }
  return out;
}
function checkAssignments(p, templateParameters, template) {
  const declared = /* @__PURE__ */ new Map();
  if (templateParameters && typeof templateParameters === "object" && !Array.isArray(templateParameters)) {
    for (const k of Object.keys(templateParameters)) declared.set(k.toLowerCase(), templateParameters[k]);
  }
  const out = [];
  const assigned = /* @__PURE__ */ new Set();
  for (const [name, span] of assignedNames(p)) {
    assigned.add(name.toLowerCase());
    if (!declared.has(name.toLowerCase())) out.push({ code: "invalid-template", message: `The parameter "${name}" is assigned in the params file without being declared in the template.`, span });
  }
  if (!p.usingSpan || hasUnreadBase(p)) return out;
  const missing = [];
  for (const [lower3, decl] of declared) {
    if (assigned.has(lower3) || !decl || typeof decl !== "object" || Array.isArray(decl)) continue;
    const d = decl;
    if (ownKey(d, "defaultValue") !== void 0 || isNullableDeclaration(d, template)) continue;
    missing.push(Object.keys(templateParameters).find((k) => k.toLowerCase() === lower3) ?? lower3);
  }
  if (missing.length) {
    out.push({
      code: "invalid-template",
      message: `The following parameters are declared in the template but are missing an assignment in the params file: ${missing.sort().map((m) => `"${m}"`).join(", ")}.`,
      span: p.usingSpan
    });
  }
  return out;
}
function hasUnreadBase(p) {
  let f = p.base;
  while (f !== void 0) {
    if (f === "unread") return true;
    f = f.base;
  }
  return false;
}

// src/deploy/parameters.ts
var import_node_fs2 = require("node:fs");
var import_node_path7 = __toESM(require("node:path"), 1);
function readParameterFile(file, into, sink, opts2 = {}) {
  const read = opts2.root ? readSourceInside(import_node_path7.default.resolve(file), "arm-parameters", opts2.root, opts2.limits) : readSource(import_node_path7.default.resolve(file), "arm-parameters", opts2.limits);
  if (!read.ok) {
    sink.add(read.diagnostic);
    return false;
  }
  const loaded = loadJson(read.source, opts2.limits);
  for (const d of loaded.diagnostics) sink.add(d);
  if (!loaded.root || !isTObject(loaded.root)) {
    if (loaded.root !== void 0) sink.add({ code: "invalid-template", message: "A parameters file must be a JSON object.", span: loaded.span });
    return false;
  }
  const doc = { node: loaded.root, span: loaded.span };
  const params = childOf(doc, "parameters");
  if (!params || !isTObject(params.node)) {
    sink.add({ code: "invalid-template", message: "The parameters file has no 'parameters' object.", span: loaded.span });
    return false;
  }
  for (const name of Object.keys(params.node)) {
    const entry = childOf(params, name);
    const given = opts2.belongs ? { keySpan: params.span.keySpan(params.node, name), mustBeDeclared: true, typeChecked: true } : { typeChecked: true };
    const e = entry;
    const ref = isTObject(entry.node) ? childOf(e, "reference") : void 0;
    const val = isTObject(entry.node) ? childOf(e, "value") : void 0;
    if (!ref && !val) {
      sink.add({ code: "invalid-template", message: `The parameter '${name}' in the parameters file has no "value" (write it as { "value": ... }, or a Key Vault { "reference": ... }).`, span: entry.span });
      continue;
    }
    if (ref) {
      into.set(name, {
        value: new Unknown({ code: "secure", message: `the parameter '${name}' is a Key Vault reference (never resolved or shown)`, span: ref.span }),
        span: ref.span,
        ...given
      });
    } else if (val) {
      into.set(name, { value: locatedJson(val.node, val.span), span: val.span, ...given });
    }
  }
  return true;
}
function locatedJson(j, span) {
  const inner = (c, k, x) => x !== null && typeof x === "object" ? locatedJson(x, span.child(c, k)) : fromJson(x);
  if (Array.isArray(j)) {
    const out = j.map((x, i) => inner(j, i, x));
    setElementOrigin(out, j, span);
    return out;
  }
  if (j !== null && typeof j === "object") {
    const o = new ObjectValue();
    o.origin = { container: j, span };
    for (const k of Object.keys(j)) o.setFromTemplate(k, inner(j, k, j[k]), k);
    return o;
  }
  return fromJson(j);
}
function cliParameters(params, into) {
  for (const [name, text] of Object.entries(params)) {
    let v;
    try {
      v = JSON.parse(text);
    } catch {
      v = text;
    }
    into.set(name, { value: fromJson(v), text });
  }
}
function associatedParameterFile(template) {
  const dir = import_node_path7.default.dirname(template);
  const base = import_node_path7.default.basename(template);
  const m = /^(.*)\.(json|jsonc)$/i.exec(base);
  if (!m) return void 0;
  const candidates = [.../* @__PURE__ */ new Set([`${m[1]}.parameters.${m[2]}`, `${m[1]}.parameters.json`])];
  for (const c of candidates) {
    const p = import_node_path7.default.join(dir, c);
    if ((0, import_node_fs2.existsSync)(p)) return p;
  }
  return void 0;
}

// src/deploy/deploy.ts
var import_node_path8 = __toESM(require("node:path"), 1);

// src/deploy/model.ts
var REPRESENTATIVE_INDEX = "copyIndex()";
var evaluating = [];
function collectingImplicitDependencies(into, f) {
  evaluating.push(into);
  try {
    return f();
  } finally {
    evaluating.pop();
  }
}
function noteImplicitDependency(target, value, span) {
  const current = evaluating[evaluating.length - 1];
  if (!current) return;
  const list = current.implicit ??= [];
  if (!list.some((d) => d.target === target)) list.push({ value, span, target, implicit: true });
}

// src/deploy/value-type.ts
var MAX_DEPTH4 = 256;
var EXPECTED_TYPE = {
  string: "String",
  securestring: "String",
  int: "Integer",
  bool: "Boolean",
  object: "Object",
  secureobject: "Object",
  array: "Array"
};
function key(chain, k) {
  for (const n of chain) {
    const v = ownProp(n, k);
    if (v !== void 0) return v;
  }
  return void 0;
}
function matchesAllowed(a, value) {
  return typeof a === "string" && typeof value === "string" ? a.toLowerCase() === value.toLowerCase() : deepEquals(a, value) !== false;
}
function checkStructure(value, decl, template, span, evaluate2) {
  const problems = [];
  walkChildren(value, typeChain(template, decl), "", span, { template, evaluate: evaluate2, problems }, 0);
  return problems;
}
function checkNode(value, node, path11, span, w, depth) {
  if (value instanceof Unknown || depth > MAX_DEPTH4) return;
  const chain = typeChain(w.template, node);
  const fail2 = (why2) => w.problems.push({ path: path11, why: why2, span });
  if (value === null) {
    const typed = key(chain, "type") !== void 0 || key(chain, "discriminator") !== void 0;
    if (typed && key(chain, "nullable") !== true) fail2(`expected a value of type '${expectedOf(chain) ?? "Object"}', but received null`);
    return;
  }
  const expected = expectedOf(chain);
  if (expected !== void 0) {
    const got = typeName(value);
    if (got !== expected) {
      fail2(`expected a value of type '${expected}', but received a value of type '${got}'`);
      return;
    }
  }
  const allowedNode = key(chain, "allowedValues");
  const allowed = allowedNode === void 0 ? void 0 : w.evaluate(allowedNode);
  if (Array.isArray(allowed)) {
    const ok = Array.isArray(value) && !allowed.some((a) => Array.isArray(a)) ? value.every((v) => allowed.some((a) => matchesAllowed(a, v))) : allowed.some((a) => matchesAllowed(a, value));
    if (!ok) {
      fail2(`it is not one of the allowedValues`);
      return;
    }
  }
  const why = boundsProblem(value, (k) => {
    const n = key(chain, k);
    const v = n === void 0 ? void 0 : w.evaluate(n);
    return typeof v === "number" && Number.isFinite(v) ? v : void 0;
  });
  if (why) fail2(why);
  walkChildren(value, chain, path11, span, w, depth);
}
function boundsProblem(value, bound) {
  if (typeof value === "number") {
    const min2 = bound("minValue");
    const max2 = bound("maxValue");
    if (min2 !== void 0 && value < min2) return `${value} is less than the minValue ${min2}`;
    if (max2 !== void 0 && value > max2) return `${value} is greater than the maxValue ${max2}`;
    return void 0;
  }
  const length = typeof value === "string" ? value.length : Array.isArray(value) ? value.length : void 0;
  if (length === void 0) return void 0;
  const what = typeof value === "string" ? "characters" : "elements";
  const min = bound("minLength");
  const max = bound("maxLength");
  if (min !== void 0 && length < min) return `it has ${length} ${what}, fewer than the minLength ${min}`;
  if (max !== void 0 && length > max) return `it has ${length} ${what}, more than the maxLength ${max}`;
  return void 0;
}
function expectedOf(chain) {
  const t = key(chain, "type");
  return typeof t === "string" ? EXPECTED_TYPE[t.toLowerCase()] : void 0;
}
function walkChildren(value, chain, path11, span, w, depth) {
  if (value instanceof ObjectValue) walkObject(value, chain, path11, span, w, depth);
  else if (Array.isArray(value)) walkArray(value, chain, path11, span, w, depth);
}
function walkObject(value, chain, path11, span, w, depth) {
  const discriminator = key(chain, "discriminator");
  if (isTObject(discriminator)) {
    const name = ownProp(discriminator, "propertyName");
    const mapping = ownProp(discriminator, "mapping");
    if (typeof name !== "string" || !isTObject(mapping)) return;
    const tag = value.get(name);
    if (tag instanceof Unknown) return;
    const options = Object.keys(mapping);
    const list = options.map((o) => `'${o}'`).join(", ");
    if (tag === void 0) {
      w.problems.push({ path: path11, why: `the discriminator property '${name}' is missing (it must be one of ${list})`, span });
      return;
    }
    const member2 = typeof tag === "string" ? options.find((o) => o === tag) : void 0;
    const at2 = value.entry(name)?.span ?? span;
    if (member2 === void 0) {
      w.problems.push({ path: `${path11}.${name}`, why: `${typeof tag === "string" ? `'${tag}'` : `a value of type '${typeName(tag)}'`} is not a value of the discriminator: it must be one of ${list}`, span: at2 });
      return;
    }
    const m = mapping[member2];
    if (isTObject(m)) checkNode(value, m, path11, span, w, depth + 1);
    return;
  }
  const props = key(chain, "properties");
  const declared = isTObject(props) ? props : void 0;
  const names = /* @__PURE__ */ new Set();
  if (declared) {
    const missing = [];
    for (const p of Object.keys(declared)) {
      names.add(p.toLowerCase());
      const t = declared[p];
      if (!isTObject(t)) continue;
      const e = value.entry(p);
      if (e === void 0) {
        if (key(typeChain(w.template, t), "nullable") !== true) missing.push(p);
        continue;
      }
      checkNode(e.value, t, `${path11}.${e.key}`, e.span ?? span, w, depth + 1);
    }
    if (missing.length) {
      w.problems.push({ path: path11, why: `the required propert${missing.length > 1 ? "ies" : "y"} ${missing.map((m) => `'${m}'`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing`, span });
    }
  }
  const extra = key(chain, "additionalProperties");
  if (extra === void 0 || extra === true) return;
  for (const e of value.located()) {
    if (names.has(e.key.toLowerCase())) continue;
    if (extra === false) {
      const allowed = declared ? Object.keys(declared) : [];
      w.problems.push({
        path: `${path11}.${e.key}`,
        why: `the property '${e.key}' is not allowed: the type is sealed${allowed.length ? ` (its properties are ${allowed.map((a) => `'${a}'`).join(", ")})` : " and has no properties"}`,
        span: e.keySpan ?? e.span ?? span
      });
    } else if (isTObject(extra)) checkNode(e.value, extra, `${path11}.${e.key}`, e.span ?? span, w, depth + 1);
  }
}
function walkArray(value, chain, path11, span, w, depth) {
  const prefix = key(chain, "prefixItems");
  const items = key(chain, "items");
  const fixed = Array.isArray(prefix) ? prefix : [];
  if (Array.isArray(prefix)) {
    if (value.length < fixed.length || items === false && value.length > fixed.length) {
      const n = fixed.length;
      w.problems.push({ path: path11, why: `it has ${value.length} element${value.length === 1 ? "" : "s"}, but the tuple type has ${items === false ? "" : "at least "}${n} element${n === 1 ? "" : "s"}`, span });
      return;
    }
  }
  for (let i = 0; i < value.length; i++) {
    const t = i < fixed.length ? fixed[i] : items;
    if (!isTObject(t)) continue;
    checkNode(value[i], t, `${path11}[${i}]`, elementSpan(value, i) ?? span, w, depth + 1);
  }
}

// src/deploy/invariant-parts.ts
var LoopInvariantParts = class {
  constructor(ast, reads) {
    this.reads = reads;
    this.mark(ast);
  }
  reads;
  parts = /* @__PURE__ */ new Set();
  values = /* @__PURE__ */ new Map();
  /** Whether the expression worth remembering in this loop (and none containing it) is `n`. */
  has(n) {
    return this.parts.has(n);
  }
  value(n, compute) {
    const known3 = this.values.get(n);
    if (known3 !== void 0) {
      this.reads.replay(known3.reads);
      return known3.value;
    }
    const made = this.reads.collect(compute);
    this.values.set(n, made);
    return made.value;
  }
  /**
   * Whether `e` varies from copy to copy (calls copyIndex()); the largest parts of a varying
   * expression that do not vary are kept. Literals cost nothing to evaluate again, and a lambda
   * is left whole: its body runs with its own variables, never as a part of the loop's expression.
   */
  mark(e) {
    switch (e.k) {
      case "lit":
        return false;
      case "member":
        return this.markChildren([e.obj]);
      case "index":
        return this.markChildren([e.obj, e.index]);
      case "call":
        if (e.ns === void 0 && e.name.length === 9 && e.name.toLowerCase() === "copyindex") return true;
        if (e.ns === void 0 && e.name.length === 6 && e.name.toLowerCase() === "lambda") return callsCopyIndexIn(e);
        return this.markChildren(e.args);
    }
  }
  markChildren(children) {
    const varies = children.map((c) => this.mark(c));
    if (!varies.includes(true)) return false;
    children.forEach((c, i) => {
      if (!varies[i] && c.k !== "lit" && !isLambda(c)) this.parts.add(c);
    });
    return true;
  }
};
function isLambda(e) {
  return e.k === "call" && e.ns === void 0 && e.name.length === 6 && e.name.toLowerCase() === "lambda";
}
function callsCopyIndexIn(e) {
  switch (e.k) {
    case "lit":
      return false;
    case "member":
      return callsCopyIndexIn(e.obj);
    case "index":
      return callsCopyIndexIn(e.obj) || callsCopyIndexIn(e.index);
    case "call":
      if (e.ns === void 0 && e.name.length === 9 && e.name.toLowerCase() === "copyindex") return true;
      return e.args.some(callsCopyIndexIn);
  }
}

// src/deploy/scope.ts
var SECURE_TYPES = /* @__PURE__ */ new Set(["securestring", "secureobject"]);
function needsOwnSpan(n) {
  return typeof n === "object" ? n !== null : typeof n === "string" && isExpressionString(n);
}
var ARM_MAX_COPY = 800;
function secureUnknown(name, span) {
  return new Unknown({ code: "secure", message: `the secure parameter '${name}' is never evaluated or shown`, span });
}
function isKeyVaultReference(v) {
  if (!(v instanceof ObjectValue)) return false;
  const r = v.get("reference");
  return r instanceof ObjectValue && r.has("keyVault");
}
var NO_READS = /* @__PURE__ */ new Set();
var TemplateScope = class {
  diagnostics;
  budget;
  deploymentContext;
  template;
  supplied = /* @__PURE__ */ new Map();
  paramCache = /* @__PURE__ */ new Map();
  /** Declared parameter names (as written) by lower-cased name; built on first use. */
  paramNames;
  /** paramCache by the name as a call spelled it. */
  paramByExactName = /* @__PURE__ */ new Map();
  paramBusy = /* @__PURE__ */ new Set();
  varCache = /* @__PURE__ */ new Map();
  /** The template's own outputs, once evaluated (see outputs()). */
  ownOutputs;
  /** Variables being evaluated, in order (for the cycle message). */
  varStack = [];
  functions = /* @__PURE__ */ new Map();
  runtimeHook;
  symbolPrefix;
  /** See TemplateScopeOptions.observer. */
  observer;
  upstream;
  unreadValues;
  base;
  /**
   * @param root the template document (an object; anything else is reported as invalid)
   * @param span the span of the document
   */
  constructor(root, span, options = {}) {
    this.diagnostics = options.diagnostics ?? new DiagnosticSink();
    this.budget = options.budget ?? new Budget();
    this.deploymentContext = options.deployment ?? {};
    this.runtimeHook = options.runtime;
    this.symbolPrefix = options.symbolPrefix ?? "";
    this.observer = options.observer;
    this.upstream = options.upstream;
    this.unreadValues = options.unreadValues;
    if (isTObject(root)) this.template = { node: root, span };
    else {
      this.template = void 0;
      this.diagnostics.add({ code: "invalid-template", message: "The template must be a JSON object.", span });
    }
    for (const [k, v] of options.parameters ?? []) this.supplied.set(k.toLowerCase(), v);
    this.base = new NodeContext(this, void 0, void 0);
    this.indexFunctions();
  }
  // ---- EvalContext (the template's top level: no copy loop) ----
  /** parameters('name'): the parameter's value (Unknown for secure ones and ones without value). */
  parameter(name, span) {
    const info = this.parameterInfo(name);
    if (!info) {
      const message = `The template parameter '${name}' is not found.`;
      this.diagnostics.add({ code: "evaluation-error", message, span });
      return new Unknown({ code: "error", message, span });
    }
    this.noteRead(info.name);
    return info.value;
  }
  // ---- Where values come from: parameters read by each evaluated expression ----
  /** Parameters read by the expression at a span (by Span.identity()), for "the value comes from here". */
  readsBySpan = /* @__PURE__ */ new Map();
  /**
   * Expressions that read parameters, in evaluation order: indexed into readsBySpan (by
   * Span.identity(), a string built from the span's path) only when a finding asks, since most
   * runs never do and every expression that reads a parameter lands here.
   */
  readsAt = [];
  loopInvariants = /* @__PURE__ */ new Map();
  readsIndexed = 0;
  /** Parameters read by the expressions inside a span that has none of its own (suppliedSourcesIn), by identity. */
  readsInside = /* @__PURE__ */ new Map();
  /** Parameters each variable's value was computed from. */
  varReads = /* @__PURE__ */ new Map();
  /** Open collectors: the expressions (and variables) being evaluated; a set only once one reads a parameter. */
  collectors = [];
  noteRead(name) {
    const cs = this.collectors;
    for (let i = 0; i < cs.length; i++) (cs[i].reads ??= /* @__PURE__ */ new Set()).add(name);
  }
  /** Opens a collector of the parameters read by what is evaluated until closeReads(). */
  openReads() {
    const collector = { reads: void 0 };
    this.collectors.push(collector);
    return collector;
  }
  /** Closes the collector openReads() gave (collectors nest: the innermost is closed first). */
  closeReads() {
    this.collectors.pop();
  }
  /** Evaluates with a collector of the parameters read; returns the value and what it read. */
  collectReads(f) {
    const collector = this.openReads();
    let value;
    try {
      value = f();
    } finally {
      this.closeReads();
    }
    return { value, reads: collector.reads ?? NO_READS };
  }
  /** Evaluates the expression at `span`, remembering the parameters it read (see suppliedSourcesAt). */
  traced(span, f) {
    const { value, reads } = this.collectReads(f);
    this.remember(span, reads);
    return value;
  }
  /**
   * An expression evaluated in a copy loop (outside user-defined functions): one that never calls
   * copyIndex() gives the same value in every instance, so it is evaluated once. Keyed by the
   * template node: a Bicep expression by itself, an expression string by its span, which
   * identifies it only when the loop shares its spans (Span.stable). Values are never changed once
   * made (variables' values are shared the same way), so instances can share them.
   */
  inLoop(node, span, ctx) {
    const key2 = typeof node === "string" ? span : node;
    const known3 = this.loopInvariants.get(key2);
    if (known3 !== void 0 && known3.node === node && known3.span === span) return known3.varies ? this.withInvariantParts(known3, ctx) : known3.value;
    const varies = !loopInvariant(node, this.budget);
    const entry = { node, span, varies, value: null, parts: void 0 };
    this.loopInvariants.set(key2, entry);
    if (varies) return this.withInvariantParts(entry, ctx);
    return entry.value = this.evaluateTraced(node, span, ctx);
  }
  /** A loop expression that varies, its parts that do not evaluated once for all copies (invariant-parts.ts). */
  withInvariantParts(e, ctx) {
    if (e.parts === void 0) {
      const ast = e.node instanceof TExpr ? e.node.ast : parsedAst(e.node, this.budget);
      e.parts = ast ? new LoopInvariantParts(ast, this.readTracking) : null;
    }
    if (e.parts === null) return this.evaluateTraced(e.node, e.span, ctx);
    const outer = ctx.invariants;
    ctx.invariants = e.parts;
    try {
      return this.evaluateTraced(e.node, e.span, ctx);
    } finally {
      ctx.invariants = outer;
    }
  }
  /** What a loop-invariant part read, collected when it is evaluated and noted again when it is reused. */
  readTracking = {
    collect: (compute) => this.collectReads(compute),
    replay: (reads) => {
      for (const r of reads) this.noteRead(r);
    }
  };
  /** An expression string or a Bicep expression, evaluated with the parameters it reads remembered. */
  evaluateTraced(node, span, ctx) {
    return typeof node === "string" ? this.tracedString(node, span, ctx) : this.traced(span, () => evaluate(node.ast, node.base, ctx));
  }
  /** traced() for an expression string, without a closure per expression (the hottest path). */
  tracedString(s, span, ctx) {
    const collector = this.openReads();
    let value;
    try {
      value = evaluateString(s, span, ctx);
    } finally {
      this.closeReads();
    }
    this.remember(span, collector.reads ?? NO_READS);
    return value;
  }
  remember(span, reads) {
    if (reads.size) this.readsAt.push({ span, reads });
  }
  /**
   * The supplied values (parameters file, .bicepparam assignment, module parameter) that the
   * expression at `span` was computed from: findings there point at them as related locations.
   * A value a parent deployment passed in is followed up: after the parameter's entry in the
   * parent come the sources of the parent's expression there (a .bicepparam line, a parameters
   * file entry, or the grandparent's module call, and so on up), each hop after the one it
   * explains, innermost first. Without repeats; in the order the expression read its parameters.
   */
  suppliedSourcesAt(span) {
    this.indexReads();
    const reads = this.readsBySpan.get(span.identity());
    return reads ? this.sourcesOf(reads) : [];
  }
  /**
   * What suppliedSourcesAt() gives for the value at `span` that this template passes to a nested
   * deployment or module: the expression there, else every expression inside it (an object or
   * array written out, `{ size: vmSize }`, whose parts the child reads as one parameter).
   */
  suppliedSourcesIn(span) {
    this.indexReads();
    const id = span.identity();
    const exact = this.readsBySpan.get(id);
    if (exact) return this.sourcesOf(exact);
    let reads = this.readsInside.get(id);
    if (reads === void 0) {
      const found = /* @__PURE__ */ new Set();
      for (const r of this.readsAt) if (r.span.within(span)) for (const name of r.reads) found.add(name);
      reads = found.size ? found : NO_READS;
      this.readsInside.set(id, reads);
    }
    return reads.size ? this.sourcesOf(reads) : [];
  }
  /** Indexes what expressions read by span (see readsAt): only when a finding asks. */
  indexReads() {
    for (; this.readsIndexed < this.readsAt.length; this.readsIndexed++) {
      const r = this.readsAt[this.readsIndexed];
      this.readsBySpan.set(r.span.identity(), r.reads);
    }
  }
  /**
   * Where the supplied values of parameters `reads` were given; a value a parent deployment passed
   * in is followed up (see TemplateScopeOptions.upstream).
   */
  sourcesOf(reads) {
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    const add = (s) => {
      const key2 = `${s.span.identity()}\0${s.name}`;
      if (seen.has(key2)) return;
      seen.add(key2);
      out.push(s);
    };
    for (const name of reads) {
      const info = this.parameterInfo(name);
      const supplied = this.supplied.get(name.toLowerCase());
      if (info?.source !== "supplied" || !supplied?.span) continue;
      add({ name: info.name, span: supplied.span });
      if (this.upstream) for (const up of this.upstream(supplied.span)) add(up);
    }
    return out;
  }
  declares(kind, name) {
    if (kind === "parameter") return this.parameterInfo(name) !== void 0;
    const sec = this.section("variables");
    return sec !== void 0 && isTObject(sec.node) && this.findVariable(sec, name) !== void 0;
  }
  /** variables('name'): evaluated on first use, then memoised. */
  variable(name, span) {
    return this.variableValue(name, span);
  }
  copyIndex(loopName, span) {
    return this.base.copyIndex(loopName, span);
  }
  userFunction(ns, name) {
    return this.base.userFunction(ns, name);
  }
  runtime(fn, args, span) {
    return this.runtimeHook?.(fn, args, span);
  }
  // ---- Public API ----
  /** Evaluates a template value tree; `loop` is the resource copy loop the node is inside. */
  evaluateNode(node, span, loop) {
    const frame = loop ? { name: loop.name, index: loop.index, isDefault: true, parent: void 0 } : void 0;
    return new NodeContext(this, frame, void 0).node(node, span);
  }
  /** Evaluates an expression string (or literal) at the template's top level. */
  evaluateString(s, span, loop) {
    const frame = loop ? { name: loop.name, index: loop.index, isDefault: true, parent: void 0 } : void 0;
    return evaluateString(s, span, new NodeContext(this, frame, void 0));
  }
  /** Names of the declared parameters, as written. */
  parameterNames() {
    const sec = this.section("parameters");
    return sec && isTObject(sec.node) ? Object.keys(sec.node) : [];
  }
  /**
   * The declared parameters a deployment must give a value for (ARM: "The value for the template
   * parameter '...' is not provided"): those with no defaultValue that are not nullable.
   */
  requiredParameterNames() {
    const sec = this.section("parameters");
    if (!sec || !isTObject(sec.node)) return [];
    const decls = sec.node;
    return Object.keys(decls).filter((name) => {
      const d = decls[name];
      return isTObject(d) && ownProp(d, "defaultValue") === void 0 && !this.isNullable(d);
    });
  }
  /**
   * A parameter that may be left out: `nullable` on its declaration, or on the definition its
   * `$ref` names, followed through definitions that refer on (the Bicep compiler writes
   * `param lock lockType` with `type lockType = {...}?` as {"$ref": "#/definitions/lockType"}
   * and puts `nullable` on the definition; ARM deploys it without a value).
   */
  isNullable(decl) {
    return isNullableDeclaration(decl, this.template?.node);
  }
  /** Names of the declared variables (including those of the variables `copy` array). */
  variableNames() {
    const sec = this.section("variables");
    return sec && isTObject(sec.node) ? declaredVariableNames(sec.node) : [];
  }
  /** Everything known about a parameter, or undefined when it is not declared. */
  parameterInfo(name) {
    const exact = this.paramByExactName.get(name);
    if (exact) return exact;
    const key2 = name.toLowerCase();
    const hit = this.paramCache.get(key2);
    if (hit) {
      this.paramByExactName.set(name, hit);
      return hit;
    }
    const sec = this.section("parameters");
    if (!sec || !isTObject(sec.node)) return void 0;
    const decl = childOf(sec, name);
    if (!decl) return void 0;
    if (this.paramBusy.has(key2)) {
      const message = `The default value of parameter '${name}' depends on itself.`;
      this.diagnostics.add({ code: "invalid-template", message, span: decl.span });
      return { name, type: void 0, value: new Unknown({ code: "error", message, span: decl.span }), allowedValues: void 0, source: "none", span: decl.span, valueSpan: void 0 };
    }
    this.paramBusy.add(key2);
    try {
      if (!this.paramNames) {
        this.paramNames = /* @__PURE__ */ new Map();
        for (const k of Object.keys(sec.node)) if (!this.paramNames.has(k.toLowerCase())) this.paramNames.set(k.toLowerCase(), k);
      }
      const info = this.computeParameter(this.paramNames.get(key2) ?? name, decl);
      this.paramCache.set(key2, info);
      return info;
    } finally {
      this.paramBusy.delete(key2);
    }
  }
  /**
   * Evaluates the `outputs` section (output `copy` loops included, `condition: false` skipped).
   * `section` is another template's outputs evaluated in this scope: an inline nested template
   * with outer expression scope has its own outputs, whose expressions see the parent's
   * parameters, variables and functions.
   */
  outputs(section) {
    if (section === void 0) return this.ownOutputs ??= this.evaluateOutputs(this.section("outputs"));
    return this.evaluateOutputs(section);
  }
  evaluateOutputs(sec) {
    if (!sec || !isTObject(sec.node)) return [];
    const out = [];
    const obj = sec.node;
    for (const name of Object.keys(obj)) {
      const decl = childOf(sec, name);
      if (!isTObject(decl.node)) {
        this.diagnostics.add({ code: "invalid-template", message: `The output '${name}' must be an object.`, span: decl.span });
        continue;
      }
      const d = decl;
      const type = this.declaredType(d);
      const cond = childOf(d, "condition");
      let certain = true;
      if (cond) {
        const c = this.base.node(cond.node, cond.span);
        if (c === false) continue;
        certain = c === true;
      }
      let value;
      const copy = childOf(d, "copy");
      const val = childOf(d, "value");
      const mark = certain ? void 0 : this.diagnostics.mark();
      if (copy && isTObject(copy.node)) {
        value = this.base.copyArray(copy, void 0, true);
      } else if (val) value = this.base.node(val.node, val.span);
      else value = null;
      if (mark !== void 0) this.diagnostics.rollBack(mark);
      else this.checkOutputType(name, value, type, (copy ?? val)?.span ?? decl.span);
      if (type && SECURE_TYPES.has(type.toLowerCase())) value = new Unknown({ code: "secure", message: `the secure output '${name}' is never shown`, span: decl.span });
      out.push({ name, type, value, span: decl.span });
    }
    return out;
  }
  /**
   * An output's value of another JSON type than its declared one: ARM evaluates the outputs after
   * the resources deploy, and the deployment then fails ("The template output 'x' is not valid:
   * Template output JToken type is not valid"). A value only known at deployment, null (a
   * nullable output, languageVersion 2.0), and a scalar ARM may convert (1 for a string: the
   * quickstart diskpool-create-entry-level deploys a string parameter defaulting to 1 and
   * outputs it as a string) are not judged.
   */
  checkOutputType(name, value, type, span) {
    const expected = EXPECTED_TYPE[type?.toLowerCase() ?? ""];
    if (!expected || value === null || value instanceof Unknown) return;
    const got = typeName(value);
    if (got === expected || convertible(value, expected)) return;
    this.diagnostics.add({
      code: "evaluation-error",
      message: `The template output '${name}' is not valid: Template output JToken type is not valid (it is declared '${type}', and its value is of type '${got}'); ARM evaluates the outputs after the resources deploy, and the deployment then fails.`,
      span
    });
  }
  // ---- Internals ----
  /** A section of the template (case-insensitive name). */
  section(name) {
    return this.template ? childOf(this.template, name) : void 0;
  }
  /**
   * The type of a parameter or output declaration: its `type`, or that of the node its `$ref`
   * names ("#/definitions/name", as Bicep writes a user-defined type, or a pointer into one:
   * "#/definitions/foo/properties/bar"), followed through nodes that refer on (ARM reads the
   * definition: a securestring definition makes the parameter or output secure).
   */
  declaredType(d) {
    for (const node of typeChain(this.template?.node, d.node)) {
      const t = ownProp(node, "type");
      if (typeof t === "string") return t;
    }
    return void 0;
  }
  /**
   * A constraint of a parameter declaration (allowedValues, minValue, maxLength, ...): its own, or
   * that of the node its `$ref` names, followed as declaredType follows it (languageVersion
   * 2.0 user types: ARM checks the value against the definition's constraints too).
   */
  declaredConstraint(d, key2) {
    const chain = typeChain(this.template?.node, d.node);
    for (let i = 0; i < chain.length; i++) {
      const node = chain[i];
      const k = ownKey(node, key2);
      if (k === void 0) continue;
      const at2 = i === 0 ? d : this.locatedRef(chain[i - 1]) ?? { node, span: d.span };
      return childOf(at2, k);
    }
    return void 0;
  }
  /** The node `from.$ref` names, with its span (each segment's span, as childOf gives it). */
  locatedRef(from) {
    const ref = ownProp(from, "$ref");
    if (typeof ref !== "string" || !ref.startsWith("#/") || !this.template) return void 0;
    let at2 = this.template;
    for (const raw of ref.slice(2).split("/")) {
      const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      const next = Array.isArray(at2.node) ? /^\d+$/.test(seg) && Number(seg) < at2.node.length ? { node: at2.node[Number(seg)], span: at2.span.child(at2.node, Number(seg)) } : void 0 : isTObject(at2.node) ? childOf(at2, seg) : void 0;
      if (!next) return void 0;
      at2 = next;
    }
    return isTObject(at2.node) ? at2 : void 0;
  }
  computeParameter(name, decl) {
    const span = decl.span;
    if (!isTObject(decl.node)) {
      this.diagnostics.add({ code: "invalid-template", message: `The parameter '${name}' must be an object.`, span });
      return { name, type: void 0, value: null, allowedValues: void 0, source: "none", span, valueSpan: void 0 };
    }
    const d = decl;
    const type = this.declaredType(d);
    const secure = type !== void 0 && SECURE_TYPES.has(type.toLowerCase());
    const allowedNode = this.declaredConstraint(d, "allowedValues");
    let allowedValues;
    if (allowedNode) {
      const a = this.base.node(allowedNode.node, allowedNode.span);
      if (Array.isArray(a)) allowedValues = a;
    }
    let supplied = this.supplied.get(name.toLowerCase());
    if (supplied && supplied.value === null && supplied.text === void 0 && !this.unreadValues && childOf(d, "defaultValue")) supplied = void 0;
    if (supplied) {
      let value2 = supplied.value;
      if (secure || isKeyVaultReference(value2) || value2 instanceof Unknown && value2.reason.code === "secure") {
        value2 = secureUnknown(name, supplied.span ?? span);
      } else {
        const typeOk = !supplied.typeChecked || TYPE_NOT_KNOWN in d.node || this.checkType(name, value2, type, supplied.span ?? span);
        value2 = coerce(supplied.text !== void 0 ? commandLineValue(supplied.text, value2, type) : value2, type);
        const nullOk = value2 === null && this.isNullable(d.node);
        if (typeOk && !nullOk) {
          const at2 = supplied.span ?? span;
          if (this.checkAllowed(name, value2, allowedValues, at2) && this.checkBounds(name, value2, d, at2)) this.checkParts(name, value2, d, at2);
        }
        if (value2 instanceof Unknown && value2.symbol === void 0 && this.symbolPrefix === "") {
          value2 = new Unknown(value2.reason, value2.type, value2.parts, `parameters('${name.toLowerCase()}')`, value2.about, value2.oneOf);
        }
      }
      return { name, type, value: value2, allowedValues, source: "supplied", span, valueSpan: supplied.span };
    }
    const unread = this.unreadValues;
    const def = unread ? void 0 : childOf(d, "defaultValue");
    if (def) {
      if (secure) return { name, type, value: secureUnknown(name, def.span), allowedValues, source: "default", span, valueSpan: def.span };
      const value2 = coerce(this.base.node(def.node, def.span), type);
      if (value2 !== "" && !(TYPE_NOT_KNOWN in d.node)) {
        const checked2 = type?.toLowerCase() === "string" && (typeof value2 === "number" || typeof value2 === "boolean") ? String(value2) : value2;
        const typeOk = !unconvertibleDefault(checked2, type) || this.checkType(name, checked2, type, def.span);
        if (typeOk && this.checkAllowed(name, checked2, allowedValues, def.span) && this.checkBounds(name, checked2, d, def.span)) this.checkParts(name, checked2, d, def.span);
      }
      return { name, type, value: value2, allowedValues, source: "default", span, valueSpan: def.span };
    }
    if (secure) return { name, type, value: secureUnknown(name, span), allowedValues, source: "none", span, valueSpan: void 0 };
    if (!unread && this.isNullable(d.node)) return { name, type, value: null, allowedValues, source: "none", span, valueSpan: void 0 };
    const maxNode = type?.toLowerCase() === "int" ? this.declaredConstraint(d, "maxValue") : type?.toLowerCase() === "array" ? this.declaredConstraint(d, "maxLength") : void 0;
    const max = maxNode ? this.base.node(maxNode.node, maxNode.span) : void 0;
    const value = new Unknown(
      unread ? { code: "not-fetched", message: `the parameter '${name}' gets its value from ${unread.what}, which is never fetched`, span: unread.span } : { code: "parameter-without-value", message: `the parameter '${name}' has no value (no default, parameters file or -p value)`, span },
      paramType(type),
      void 0,
      `${this.symbolPrefix}parameters('${name.toLowerCase()}')`,
      void 0,
      allowedValues,
      typeof max === "number" && Number.isFinite(max) ? max : void 0
    );
    return { name, type, value, allowedValues, source: "none", span, valueSpan: void 0 };
  }
  /** A supplied value whose JSON type is not the declared type (see SuppliedParameter.typeChecked). */
  checkType(name, value, type, span) {
    const expected = EXPECTED_TYPE[type?.toLowerCase() ?? ""];
    if (!expected || value === null || value instanceof Unknown) return true;
    const got = typeName(value);
    if (got === expected) return true;
    this.diagnostics.add({
      code: "evaluation-error",
      message: `The provided value for the template parameter '${name}' is not valid. Expected a value of type '${expected}', but received a value of type '${got}'.`,
      span
    });
    return false;
  }
  /**
   * minValue / maxValue (int) and minLength / maxLength (string, array), which ARM checks for
   * every value given to a parameter before it deploys anything. False when one is broken.
   */
  checkBounds(name, value, d, span) {
    if (value instanceof Unknown) return true;
    const why = boundsProblem(value, (key2) => {
      const c = this.declaredConstraint(d, key2);
      const v = c ? this.base.node(c.node, c.span) : void 0;
      return typeof v === "number" && Number.isFinite(v) ? v : void 0;
    });
    if (why) this.diagnostics.add({ code: "evaluation-error", message: `The provided value for the template parameter '${name}' is not valid: ${why}.`, span });
    return why === void 0;
  }
  /** allowedValues (an array parameter: any subset of them). False when the value is not allowed. */
  checkAllowed(name, value, allowed, span) {
    if (!allowed || value instanceof Unknown) return true;
    const ok = Array.isArray(value) && !allowed.some((a) => Array.isArray(a)) ? value.every((v) => allowed.some((a) => matchesAllowed(a, v))) : allowed.some((a) => matchesAllowed(a, value));
    if (!ok) {
      this.diagnostics.add({
        code: "evaluation-error",
        message: `The provided value for the template parameter '${name}' is not valid: it is not one of the allowedValues.`,
        span
      });
    }
    return ok;
  }
  /**
   * The parts of a value below its top level (object properties, discriminated members, tuple
   * and array elements) against the structure of the declared type (see value-type.ts); each
   * problem is reported with its path, where that part was written.
   */
  checkParts(name, value, d, span) {
    if (!(value instanceof ObjectValue) && !Array.isArray(value)) return;
    const problems = checkStructure(value, d.node, this.template?.node, span, (n) => this.base.node(n, d.span));
    for (const p of problems) {
      this.diagnostics.add({
        code: "evaluation-error",
        message: `The provided value for the template parameter '${name}' is not valid${p.path ? ` at '${name}${p.path}'` : ""}: ${p.why}.`,
        span: p.span
      });
    }
  }
  variableValue(name, span) {
    const key2 = name.toLowerCase();
    const cached = this.varCache.get(key2);
    if (cached !== void 0) {
      const reads2 = this.varReads.get(key2);
      if (reads2) for (const r of reads2) this.noteRead(r);
      return cached;
    }
    const sec = this.section("variables");
    const found = sec && isTObject(sec.node) ? this.findVariable(sec, name) : void 0;
    if (!found) {
      const message = `The template variable '${name}' is not found.`;
      this.diagnostics.add({ code: "evaluation-error", message, span });
      return new Unknown({ code: "error", message, span });
    }
    const at2 = this.varStack.findIndex((v) => v.toLowerCase() === key2);
    if (at2 >= 0) {
      const cycle = [...this.varStack.slice(at2), name].join(" -> ");
      const message = `The variables form a cycle: ${cycle}.`;
      this.diagnostics.add({ code: "invalid-template", message, span: found.span });
      return new Unknown({ code: "error", message, span: found.span });
    }
    this.varStack.push(name);
    let value;
    let reads;
    try {
      ({ value, reads } = this.collectReads(
        () => found.copy ? this.base.copyArray(found, found.copyName, false) : this.base.node(found.node, found.span)
      ));
    } finally {
      this.varStack.pop();
    }
    this.varCache.set(key2, value);
    if (reads.size) this.varReads.set(key2, reads);
    for (const r of reads) this.noteRead(r);
    return value;
  }
  /** The variables section by lower-cased name (built on first use: a lookup per name would be quadratic). */
  varIndex;
  findVariable(sec, name) {
    if (!this.varIndex) {
      const index2 = /* @__PURE__ */ new Map();
      for (const k of Object.keys(sec.node)) {
        const node = sec.node[k];
        if (k.toLowerCase() === "copy" && Array.isArray(node)) {
          for (let i = 0; i < node.length; i++) {
            const e = node[i];
            const n = isTObject(e) ? own(e, "name") : void 0;
            if (typeof n === "string" && !index2.has(n.toLowerCase())) {
              index2.set(n.toLowerCase(), { node: e, span: sec.span.child(sec.node, k).child(node, i), copy: true, copyName: n });
            }
          }
        } else if (!index2.has(k.toLowerCase())) index2.set(k.toLowerCase(), { node, span: sec.span.child(sec.node, k) });
      }
      this.varIndex = index2;
    }
    return this.varIndex.get(name.toLowerCase());
  }
  indexFunctions() {
    const sec = this.section("functions");
    if (!sec || !Array.isArray(sec.node)) return;
    sec.node.forEach((nsNode, i) => {
      if (!isTObject(nsNode)) return;
      const nsLoc = { node: nsNode, span: sec.span.child(sec.node, i) };
      const ns = childOf(nsLoc, "namespace")?.node;
      const members = childOf(nsLoc, "members");
      if (typeof ns !== "string" || !members || !isTObject(members.node)) return;
      for (const fname of Object.keys(members.node)) {
        const f = members.node[fname];
        if (isTObject(f)) this.functions.set(`${ns.toLowerCase()}.${fname.toLowerCase()}`, { node: f, span: members.span.child(members.node, fname), name: `${ns}.${fname}` });
      }
    });
  }
  /** The user-defined function `ns.name`, bound to this scope. */
  lookupUserFunction(ns, name) {
    const f = this.functions.get(`${ns.toLowerCase()}.${name.toLowerCase()}`);
    if (!f) return void 0;
    const loc = { node: f.node, span: f.span };
    const paramsNode = childOf(loc, "parameters");
    const params = [];
    if (paramsNode && Array.isArray(paramsNode.node)) {
      for (const p of paramsNode.node) if (isTObject(p) && typeof own(p, "name") === "string") params.push(own(p, "name"));
    }
    const output = childOf(loc, "output");
    const valueNode = output && isTObject(output.node) ? childOf(output, "value") : void 0;
    return {
      name: f.name,
      minArgs: params.length,
      maxArgs: params.length,
      invoke: (args, span) => {
        if (!valueNode) {
          const message = `The user-defined function '${f.name}' has no output value.`;
          this.diagnostics.add({ code: "invalid-template", message, span: f.span });
          return new Unknown({ code: "error", message, span });
        }
        const bound = /* @__PURE__ */ new Map();
        params.forEach((p, i) => bound.set(p.toLowerCase(), args[i] ?? null));
        return new NodeContext(this, void 0, { name: f.name, args: bound }).node(valueNode.node, valueNode.span);
      }
    };
  }
};
var NodeContext = class _NodeContext {
  constructor(scope, loops, fn) {
    this.scope = scope;
    this.loops = loops;
    this.fn = fn;
  }
  scope;
  loops;
  fn;
  /** Set by TemplateScope.inLoop while it evaluates a loop expression that varies as a whole. */
  invariants = void 0;
  get diagnostics() {
    return this.scope.diagnostics;
  }
  get budget() {
    return this.scope.budget;
  }
  get deploymentContext() {
    return this.scope.deploymentContext;
  }
  /** Copy loop elements and user-defined function calls evaluate the same strings again and again. */
  get repeats() {
    return this.loops !== void 0 || this.fn !== void 0;
  }
  fail(message, span) {
    this.scope.diagnostics.add({ code: "evaluation-error", message, span });
    return new Unknown({ code: "error", message, span });
  }
  parameter(name, span) {
    if (this.fn) {
      const key2 = name.toLowerCase();
      if (this.fn.args.has(key2)) return this.fn.args.get(key2);
      return this.fail(`The user-defined function '${this.fn.name}' has no parameter '${name}' (functions can't use template parameters).`, span);
    }
    return this.scope.parameter(name, span);
  }
  /**
   * A template variable, also inside a user-defined function: ARM allows that since the release
   * Bicep 0.29 waited for (Azure.Deployments 1.65, Bicep PR #14531), and Bicep compiles a
   * function that uses a variable to `variables('x')` in the function's body. Parameters stay
   * out of reach (a function has only its own).
   */
  variable(name, span) {
    return this.scope.variable(name, span);
  }
  declares(kind, name) {
    if (this.fn && kind === "parameter") return this.fn.args.has(name.toLowerCase());
    return this.scope.declares(kind, name);
  }
  copyIndex(loopName, span) {
    const lower3 = loopName?.toLowerCase();
    for (let f = this.loops; f; f = f.parent) {
      if (lower3 === void 0 ? f.isDefault : f.name?.toLowerCase() === lower3) return f.index;
    }
    return this.fail(
      loopName === void 0 ? "The template function 'copyIndex' is not expected at this location (it is not inside a copy loop)." : `The template function 'copyIndex' refers to the copy loop '${loopName}', which does not enclose it.`,
      span
    );
  }
  userFunction(ns, name) {
    return this.scope.lookupUserFunction(ns, name);
  }
  runtime(fn, args, span) {
    return this.scope.runtime(fn, args, span);
  }
  withLoop(name, index2, isDefault) {
    return new _NodeContext(this.scope, { name, index: index2, isDefault, parent: this.loops }, this.fn);
  }
  /** Evaluates a template value tree. */
  node(n, span) {
    if (!this.budget.step()) {
      if (n === null || typeof n === "number" || typeof n === "boolean") return n;
      if (typeof n === "string" && (!isExpressionString(n) || parseTemplateString(n, this.budget.parseLimits).kind === "error")) {
        return evaluateString(n, span, this);
      }
      const message = `Evaluation stopped after ${this.budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
      if (this.budget.firstExhaustion()) this.diagnostics.add({ code: "limit-exceeded", message, span });
      return new Unknown({ code: "limit", message, span });
    }
    if (typeof n === "string") {
      if (!isExpressionString(n)) return this.observed(evaluateString(n, span, this), span, false);
      return this.expression(n, span);
    }
    if (n === null || typeof n === "number" || typeof n === "boolean") return n;
    if (n instanceof TExpr) return this.expression(n, span);
    if (Array.isArray(n)) {
      const out = new Array(n.length);
      for (let i = 0; i < n.length; i++) {
        const item = n[i];
        out[i] = this.node(item, needsOwnSpan(item) ? span.child(n, i) : span);
      }
      setElementOrigin(out, n, span);
      return this.withinNodes(out, span);
    }
    return this.withinNodes(this.object(n, span), span);
  }
  /** An array or object of the template whose elements are values too large through all their levels (see valueNodes). */
  withinNodes(v, span) {
    const max = this.budget.limits.maxValueNodes;
    if (valueNodes(v) <= max) return v;
    const message = valueNodesMessage(max);
    this.diagnostics.add({ code: "limit-exceeded", message, span });
    return new Unknown({ code: "limit", message, span });
  }
  /**
   * An expression: in a copy loop (outside user-defined functions) through the loop-invariant
   * memo, which knows an expression string by its span only when the span is stable.
   */
  expression(n, span) {
    const memo = this.loops !== void 0 && this.fn === void 0 && (typeof n !== "string" || span.stable);
    return this.observed(memo ? this.scope.inLoop(n, span, this) : this.scope.evaluateTraced(n, span, this), span, true);
  }
  observed(v, span, isExpression) {
    if (isExpression) this.scope.observer?.(v, span);
    return v;
  }
  object(o, span) {
    const keys = Object.keys(o);
    const out = new ObjectValue(keys.length);
    out.span = span;
    out.origin = { container: o, span };
    for (const k of keys) {
      const child = o[k];
      const isCopy = k.length === 4 && k.toLowerCase() === "copy";
      const vspan = isCopy || needsOwnSpan(child) ? span.child(o, k) : span;
      if (isCopy && Array.isArray(child) && child.length > 0 && child.every((e) => isTObject(e) && own(e, "input") !== void 0)) {
        child.forEach((e, i) => {
          const eloc = { node: e, span: vspan.child(child, i) };
          const nameNode = childOf(eloc, "name");
          const nm = nameNode ? this.node(nameNode.node, nameNode.span) : void 0;
          if (typeof nm !== "string") {
            this.diagnostics.add({ code: "invalid-template", message: "A property copy loop needs a string name.", span: eloc.span });
            return;
          }
          out.set(nm, this.copyArray(eloc, nm, false), eloc.span, nameNode?.span);
        });
        continue;
      }
      let key2 = k;
      if (k.length >= 2 && k.startsWith("[") && k.endsWith("]") && !k.startsWith("[[")) {
        const kspan = span.keySpan(o, k);
        const kv = this.observed(evaluateString(k, kspan, this), kspan, true);
        if (typeof kv === "string") key2 = kv;
        else if (kv instanceof Unknown) key2 = unknownPropertyName(kv) ?? k;
        else {
          this.diagnostics.add({ code: "evaluation-error", message: `A property name must be a string; the expression gives a value of type '${typeName(kv)}'.`, span: kspan });
        }
      } else if (k.startsWith("[[")) key2 = k.slice(1);
      out.setFromTemplate(key2, this.node(child, vspan), k);
    }
    return out;
  }
  /**
   * Evaluates a copy loop `{name?, count, input}` into an array; `copyIndex(name)` (and, for
   * output loops, `copyIndex()`) inside `input` is the element index.
   */
  copyArray(loop, name, isDefault) {
    const countNode = childOf(loop, "count");
    const input = childOf(loop, "input");
    if (!countNode || !input) {
      const message = "A copy loop needs 'count' and 'input'.";
      this.diagnostics.add({ code: "invalid-template", message, span: loop.span });
      return new Unknown({ code: "error", message, span: loop.span });
    }
    const count = this.node(countNode.node, countNode.span);
    if (count instanceof Unknown) return new Unknown(count.reason, "array");
    if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
      const message = `The copy count must be a non-negative integer; it is ${typeof count === "number" ? count : `of type '${typeName(count)}'`}.`;
      this.diagnostics.add({ code: "evaluation-error", message, span: countNode.span });
      return new Unknown({ code: "error", message, span: countNode.span });
    }
    if (count > ARM_MAX_COPY) {
      const message = `The copy count ${count} exceeds ARM's limit of ${ARM_MAX_COPY}.`;
      this.diagnostics.add({ code: "evaluation-error", message, span: countNode.span });
      return new Unknown({ code: "error", message, span: countNode.span });
    }
    const max = this.budget.limits.maxCopyCount;
    if (count > max) {
      const message = `The copy count ${count} is more than ${max} (limit maxCopyCount); the loop is not analysed.`;
      this.diagnostics.add({ code: "limit-exceeded", message, span: countNode.span });
      return new Unknown({ code: "limit", message, span: countNode.span }, "array");
    }
    const out = [];
    const spans = [];
    const inputSpan = count > 1 ? input.span.shared() : input.span;
    for (let i = 0; i < count; i++) {
      if (this.budget.exhausted) {
        const message = `Evaluation stopped after ${this.budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
        if (this.budget.firstExhaustion()) this.diagnostics.add({ code: "limit-exceeded", message, span: loop.span });
        return new Unknown({ code: "limit", message, span: loop.span }, "array");
      }
      out.push(this.withLoop(name, i, isDefault).node(input.node, inputSpan));
      spans.push(inputSpan);
    }
    setElementSpans(out, spans);
    return out;
  }
};
function loopInvariant(node, budget) {
  const ast = node instanceof TExpr ? node.ast : parsedAst(node, budget);
  return ast === void 0 || !callsCopyIndexIn(ast);
}
function parsedAst(s, budget) {
  const p = parseTemplateString(s, budget.parseLimits);
  return p.kind === "expr" ? p.ast : void 0;
}
function commandLineValue(text, asJson, type) {
  if (type?.toLowerCase() !== "string" || typeof asJson === "string") return asJson;
  return text;
}
function unconvertibleDefault(v, type) {
  if (v === null || v instanceof Unknown) return false;
  const t = type?.toLowerCase();
  const composite2 = typeof v === "object";
  if (t === "int" || t === "bool") return typeof v === "string" || composite2;
  if (t === "string") return composite2;
  if (t === "array") return !Array.isArray(v) && typeof v !== "string";
  return false;
}
function coerce(v, type) {
  if (!type || v instanceof Unknown) return v;
  const t = type.toLowerCase();
  if (t === "int" && typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  if (t === "bool" && typeof v === "string" && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === "true";
  return v;
}
function convertible(v, expected) {
  if (expected === "String") return typeof v === "number" || typeof v === "boolean";
  if (expected === "Integer") return typeof v === "string" && /^-?\d+$/.test(v.trim());
  if (expected === "Boolean") return typeof v === "string" && /^(true|false)$/i.test(v.trim());
  return false;
}
function paramType(type) {
  switch (type?.toLowerCase()) {
    case "string":
      return "string";
    case "int":
      return "int";
    case "bool":
      return "bool";
    case "array":
      return "array";
    case "object":
      return "object";
    default:
      return void 0;
  }
}
function declaredVariableNames(section) {
  const out = [];
  for (const k of Object.keys(section)) {
    const node = section[k];
    if (k.toLowerCase() === "copy" && Array.isArray(node)) {
      for (const e of node) {
        const name = isTObject(e) ? own(e, "name") : void 0;
        if (typeof name === "string") out.push(name);
      }
    } else out.push(k);
  }
  return out;
}

// src/deploy/resources.ts
var ARM_MAX_COPY2 = 800;
var CONTROL_KEYS = /* @__PURE__ */ new Set(["resources", "copy", "condition", "dependson", "existing", "import", "extension", "scope"]);
var ResourceExpander = class {
  /** firstIndex: the resources the deployment expanded before this template (they count for maxResources). */
  constructor(ev, unit, options, firstIndex = 0) {
    this.ev = ev;
    this.unit = unit;
    this.options = options;
    this.firstIndex = firstIndex;
  }
  ev;
  unit;
  options;
  firstIndex;
  resources = [];
  /** Declarations whose condition is false. */
  notDeployed = [];
  /** The evaluated count of each copy loop of a languageVersion 2.0 template, by lower-cased symbolic name (see Deployment.runtime). */
  loopCounts = /* @__PURE__ */ new Map();
  /**
   * Nested deployment declarations that deploy nothing with these values (a false condition, a
   * copy count of 0), as written: the templates they link to are still this template's.
   */
  undeployedDeployments = [];
  limitReported = false;
  get diagnostics() {
    return this.ev.diagnostics;
  }
  /** Expands the `resources` section of a template (array, or object keyed by symbolic name). */
  expandTemplate(template) {
    const section = childOf(template, "resources");
    if (!section) return;
    if (Array.isArray(section.node)) {
      section.node.forEach((decl, i) => this.expandDeclaration({ node: decl, span: section.span.child(section.node, i) }, void 0, void 0));
    } else if (isTObject(section.node)) {
      const obj = section.node;
      for (const name of Object.keys(obj)) {
        this.expandDeclaration({ node: obj[name], span: section.span.child(obj, name) }, void 0, name);
      }
    }
  }
  expandDeclaration(decl, parent, symbolicName) {
    if (!isTObject(decl.node)) {
      this.diagnostics.add({ code: "invalid-template", message: "a resource declaration must be an object", span: decl.span });
      return;
    }
    const d = decl;
    const copy = childOf(d, "copy");
    if (copy && isTObject(copy.node) && parent) {
      this.diagnostics.add({
        code: "invalid-template",
        message: "a copy loop on a child resource declared inside its parent's resources is not supported by ARM; declare the child as a top-level resource (type and name with the parent's) to copy it",
        span: copy.span
      });
    }
    if (copy && isTObject(copy.node)) {
      const c = copy;
      const nameNode = childOf(c, "name");
      const loopName = typeof nameNode?.node === "string" ? nameNode.node : symbolicName ?? "copy";
      const countNode = childOf(c, "count");
      const count = countNode ? this.ev.evaluateNode(countNode.node, countNode.span, parent?.loop) : void 0;
      if (typeof count === "number" && symbolicName !== void 0 && !parent) this.loopCounts.set(symbolicName.toLowerCase(), count);
      if (typeof count === "number") {
        if (count < 0) {
          this.diagnostics.add({ code: "evaluation-error", message: `copy count ${count} is negative`, span: countNode?.span ?? copy.span });
          return;
        }
        if (count > ARM_MAX_COPY2) {
          this.diagnostics.add({
            code: "evaluation-error",
            message: `copy count ${count} exceeds Azure's limit of ${ARM_MAX_COPY2}; the deployment will be rejected (only the first ${ARM_MAX_COPY2} copies are analysed)`,
            span: countNode?.span ?? copy.span
          });
        }
        const maxCopy = this.options.maxCopyCount ?? ARM_MAX_COPY2;
        if (count > maxCopy && count <= ARM_MAX_COPY2) {
          this.diagnostics.add({
            code: "limit-exceeded",
            message: `copy count ${count} is more than ${maxCopy}; only the first ${maxCopy} copies are analysed (limit maxCopyCount)`,
            span: countNode?.span ?? copy.span
          });
        }
        const n = Math.min(count, ARM_MAX_COPY2, maxCopy);
        if (n === 0) this.noteUndeployed(d, void 0);
        const decl2 = n > 1 ? { node: d.node, span: d.span.shared() } : d;
        for (let i = 0; i < n; i++) this.expandInstance(decl2, parent, symbolicName, { name: loopName, index: i });
        return;
      }
      const why = count instanceof Unknown ? count : new Unknown({ code: "error", message: "copy count is not an integer", span: countNode?.span ?? copy.span });
      const index2 = new Unknown(why.reason, "int", void 0, REPRESENTATIVE_INDEX);
      this.expandInstance(d, parent, symbolicName, { name: loopName, index: index2 }, why);
      return;
    }
    this.expandInstance(d, parent, symbolicName, parent?.loop);
  }
  expandInstance(decl, parent, symbolicName, loop, loopUnknown) {
    if (this.firstIndex + this.resources.length >= this.options.maxResources) {
      if (!this.limitReported) {
        this.limitReported = true;
        if (this.options.onResourceLimit && !this.options.onResourceLimit()) return;
        this.diagnostics.add({
          code: "limit-exceeded",
          message: `more than ${this.options.maxResources} resources; the rest are not analysed (limit maxResources)`,
          span: decl.span
        });
      }
      return;
    }
    const ev = (key2) => {
      const c = childOf(decl, key2);
      return c ? { value: this.ev.evaluateNode(c.node, c.span, loop), span: c.span } : { value: void 0, span: decl.span };
    };
    const deployer = this.unit.parent;
    let state = parent?.resource.state === "maybe" || deployer?.state === "maybe" ? "maybe" : "deployed";
    let condition = parent?.resource.condition ?? loopUnknown ?? deployer?.condition;
    if (loopUnknown) state = "maybe";
    const cond = ev("condition");
    if (cond.value !== void 0) {
      if (cond.value === false) {
        this.recordNotDeployed(decl, parent, loop, symbolicName);
        return;
      }
      if (cond.value instanceof Unknown) {
        state = "maybe";
        condition ??= cond.value;
      } else if (cond.value !== true) {
        this.diagnostics.add({ code: "evaluation-error", message: "the condition must be a boolean", span: cond.span });
      }
    }
    const typeV = ev("type");
    const nameV = ev("name");
    if (typeof typeV.value !== "string") {
      this.diagnostics.add({
        code: typeV.value === void 0 ? "invalid-template" : "evaluation-error",
        message: typeV.value === void 0 ? "the resource has no 'type'" : "the resource 'type' must be a literal string",
        span: typeV.span
      });
      return;
    }
    const extension = own(decl.node, "import") !== void 0 || own(decl.node, "extension") !== void 0;
    if (nameV.value === void 0 && (!extension || symbolicName === void 0)) {
      this.diagnostics.add({ code: "invalid-template", message: "the resource has no 'name'", span: decl.span });
      return;
    }
    let type = typeV.value;
    let name = nameV.value ?? symbolicName;
    const at2 = extension ? type.lastIndexOf("@") : -1;
    const typeVersion = at2 > 0 ? type.slice(at2 + 1) : void 0;
    if (at2 > 0) type = type.slice(0, at2);
    if (parent) ({ type, name } = qualifyChild(parent.resource, type, name));
    const apiVersion = ev("apiVersion").value ?? typeVersion;
    const existing = own(decl.node, "existing") === true;
    const scope = this.scopeFor(decl, loop);
    const id = buildId(scope, type, name);
    if (id && /\/providers\//i.test(type)) type = fullType(id);
    if (!id) {
      if (extension || name instanceof Unknown && !name.parts) return;
      this.diagnostics.add({
        code: "invalid-template",
        message: `the name does not match the type '${type}': a child resource needs one name segment per type segment`,
        span: nameV.span
      });
      return;
    }
    const resource = new ExpandedResource(
      {
        index: this.firstIndex + this.resources.length,
        id,
        key: resourceKey(id),
        type,
        apiVersion: typeof apiVersion === "string" ? apiVersion : void 0,
        name,
        symbolicName,
        existing,
        state,
        condition: state === "maybe" ? condition : void 0,
        copy: loop ? { name: loop.name, index: typeof loop.index === "number" ? loop.index : void 0 } : void 0,
        unit: this.unit,
        span: decl.span,
        typeSpan: typeV.span,
        nameSpan: nameV.span,
        parent: parent?.resource,
        decl
      },
      this.ev,
      loop
    );
    this.resources.push(resource);
    parent?.resource.children.push(resource);
    const nested = childOf(decl, "resources");
    if (nested && Array.isArray(nested.node)) {
      nested.node.forEach(
        (child, i) => this.expandDeclaration({ node: child, span: nested.span.child(nested.node, i) }, { resource, loop }, void 0)
      );
    }
  }
  /**
   * A declaration whose condition is false: not deployed, but dependsOn entries may still name it
   * (ARM ignores those), so its id is kept.
   */
  recordNotDeployed(decl, parent, loop, symbolicName) {
    this.noteUndeployed(decl, loop);
    const t = childOf(decl, "type");
    const n = childOf(decl, "name");
    if (!t || !n) return;
    const typeV = this.ev.evaluateNode(t.node, t.span, loop);
    let name = this.ev.evaluateNode(n.node, n.span, loop);
    if (typeof typeV !== "string") return;
    let type = typeV;
    if (parent) ({ type, name } = qualifyChild(parent.resource, type, name));
    const id = buildId(this.scopeFor(decl, loop), type, name);
    if (id) this.notDeployed.push({ id, type, name, unit: this.unit, symbolicName });
  }
  /** A declaration that deploys nothing: kept when it is a nested deployment (see undeployedDeployments). */
  noteUndeployed(decl, loop) {
    const t = own(decl.node, "type");
    if (typeof t === "string" && t.toLowerCase() === DEPLOYMENTS) this.undeployedDeployments.push({ decl, loop });
  }
  /**
   * A nested deployment with `resourceGroup` / `subscriptionId` is itself created in that resource
   * group / subscription (ARM stores the deployment there), so its id is scoped there: a dependsOn
   * `resourceId('rg', 'Microsoft.Resources/deployments', 'x')` names it. An `existing` resource
   * (languageVersion 2.0) is looked up in the resource group / subscription they name.
   */
  deploymentScope(decl, loop) {
    const t = own(decl.node, "type");
    if (typeof t !== "string" || t.toLowerCase() !== DEPLOYMENTS && own(decl.node, "existing") !== true) return void 0;
    const at2 = (key2) => {
      const c = childOf(decl, key2);
      return c ? scopeSegment(this.ev.evaluateNode(c.node, c.span, loop)) : void 0;
    };
    const rg = at2("resourceGroup");
    const sub = at2("subscriptionId");
    if (rg) return { ...this.unit.scope, kind: "resourceGroup", resourceGroup: rg, subscriptionId: sub ?? this.unit.scope.subscriptionId };
    const deployment = t.toLowerCase() === DEPLOYMENTS;
    if (sub && (deployment || this.unit.scope.kind !== "resourceGroup")) return { ...this.unit.scope, kind: "subscription", subscriptionId: sub };
    return void 0;
  }
  /** The target scope of a declaration: the unit's, or an explicit `scope` (extension resources). */
  scopeFor(decl, loop) {
    const s = childOf(decl, "scope");
    if (!s) return this.deploymentScope(decl, loop) ?? this.unit.scope;
    const v = this.ev.evaluateNode(s.node, s.span, loop);
    const segs = splitSegments(v)?.filter((seg) => seg.length > 0);
    if (segs?.length === 0 && startsWithSlash(v)) return [];
    if (!segs || segs.length === 0) return this.unit.scope;
    if (parseResourceId(v) || startsWithSlash(v)) return segs;
    if (segs.length >= 3 && segs.length % 2 === 1 && isManagementGroupType(segs)) return [["providers"], ...segs];
    if (segs.length >= 3 && segs.length % 2 === 1) return [...scopeSegments(this.unit.scope), ["providers"], ...segs];
    return this.unit.scope;
  }
};
var ExpandedResource = class {
  constructor(f, evaluator, loop) {
    this.evaluator = evaluator;
    this.loop = loop;
    this.index = f.index;
    this.id = f.id;
    this.key = f.key;
    this.type = f.type;
    this.apiVersion = f.apiVersion;
    this.name = f.name;
    this.symbolicName = f.symbolicName;
    this.existing = f.existing;
    this.state = f.state;
    this.condition = f.condition;
    this.copy = f.copy;
    this.unit = f.unit;
    this.span = f.span;
    this.typeSpan = f.typeSpan;
    this.nameSpan = f.nameSpan;
    this.parent = f.parent;
    this.decl = f.decl;
  }
  evaluator;
  loop;
  index;
  id;
  key;
  type;
  apiVersion;
  name;
  symbolicName;
  existing;
  state;
  condition;
  copy;
  unit;
  span;
  typeSpan;
  nameSpan;
  parent;
  children = [];
  displayQualifier = void 0;
  decl;
  bodyValue;
  /** What `root` gives, made once: rules ask for it for every query about the resource. */
  rootValue;
  dependsOnList;
  /** Filled while the body is evaluated (collectingImplicitDependencies). */
  implicit = void 0;
  /**
   * A Bicep loop's instances are "webVms[0]", "webVms[1]": as the user would index them.
   * Computed when a message needs it: the name as written costs a position lookup.
   */
  get displayName() {
    const plain = this.plainDisplayName;
    return this.displayQualifier === void 0 ? plain : `${this.displayQualifier}.${plain}`;
  }
  get plainDisplayName() {
    const { symbolicName, loop } = this;
    return symbolicName ? loop && typeof loop.index === "number" && loop.name === symbolicName ? `${symbolicName}[${loop.index}]` : symbolicName : displayNameOf(this.name, this.nameSpan);
  }
  get implicitDependencies() {
    void this.body;
    return this.implicit ?? NO_DEPENDENCIES;
  }
  /** The evaluated declaration, without the keys that steer deployment. */
  get body() {
    if (this.bodyValue) return this.bodyValue;
    return collectingImplicitDependencies(this, () => this.evaluateBody());
  }
  evaluateBody() {
    const decl = this.decl;
    const keys = Object.keys(decl.node).filter((k) => !CONTROL_KEYS.has(k.toLowerCase()));
    const body = new ObjectValue(keys.length);
    this.bodyValue = body;
    body.origin = { container: decl.node, span: decl.span };
    const isDeployment = this.type.toLowerCase() === DEPLOYMENTS;
    for (const k of keys) {
      const node = decl.node[k];
      if (!needsOwnSpan(node)) {
        body.setFromTemplate(k, this.evaluator.evaluateNode(node, decl.span, this.loop), k);
        continue;
      }
      const span = decl.span.child(decl.node, k);
      const value = isDeployment && k.toLowerCase() === "properties" && isTObject(node) ? evaluateDeploymentProperties(this.evaluator, { node, span }, this.loop) : this.evaluator.evaluateNode(node, span, this.loop);
      body.setFromTemplateAt(k, value, k, span);
    }
    body.span = decl.span;
    return body;
  }
  get root() {
    return this.rootValue ??= { value: this.body, span: this.decl.span };
  }
  /** dependsOn is evaluated when the graph first needs edges: most templates never need them. */
  get dependsOn() {
    if (this.dependsOnList) return this.dependsOnList;
    this.dependsOnList = NO_DEPENDENCIES;
    const dep = childOf(this.decl, "dependsOn");
    if (dep && Array.isArray(dep.node) && dep.node.length > 0) {
      const list = dep.node;
      const out = new Array(list.length);
      for (let i = 0; i < list.length; i++) {
        const span = dep.span.child(list, i);
        out[i] = { value: this.evaluator.evaluateNode(list[i], span, this.loop), span };
      }
      this.dependsOnList = out;
    }
    return this.dependsOnList;
  }
};
var DEPLOYMENTS = "microsoft.resources/deployments";
function scopeSegment(v) {
  return typeof v === "string" || v instanceof Unknown ? [v] : void 0;
}
function isManagementGroupType(segs) {
  return segmentText(segs[0])?.toLowerCase() === "microsoft.management" && segmentText(segs[1])?.toLowerCase() === "managementgroups";
}
function startsWithSlash(v) {
  if (typeof v === "string") return v.startsWith("/");
  const first = v instanceof Unknown ? v.parts?.[0] : void 0;
  return typeof first === "string" && first.startsWith("/");
}
function evaluateDeploymentProperties(ev, props, loop) {
  const out = new ObjectValue();
  out.span = props.span;
  for (const k of Object.keys(props.node)) {
    if (k.toLowerCase() === "template") continue;
    const span = props.span.child(props.node, k);
    out.set(k, ev.evaluateNode(props.node[k], span, loop), span, props.span.keySpan(props.node, k));
  }
  return out;
}
function joinName(parent, child) {
  if (typeof parent === "string" && typeof child === "string") return `${parent}/${child}`;
  const parts = [];
  const push3 = (v) => {
    if (typeof v === "string") parts.push(v);
    else if (v instanceof Unknown) parts.push(...v.parts ?? [v]);
    else parts.push(String(v));
  };
  push3(parent);
  parts.push("/");
  push3(child);
  const first = [parent, child].find((v) => v instanceof Unknown);
  return new Unknown(first?.reason ?? { code: "error", message: "unknown name" }, "string", parts);
}
function scopeSegments(scope) {
  let segs = scopeSegmentCache.get(scope);
  if (segs) return segs;
  switch (scope.kind) {
    case "resourceGroup":
      segs = [["subscriptions"], scope.subscriptionId, ["resourceGroups"], scope.resourceGroup];
      break;
    case "subscription":
      segs = [["subscriptions"], scope.subscriptionId];
      break;
    case "managementGroup":
      segs = [["providers"], ["Microsoft.Management"], ["managementGroups"], scope.managementGroup ?? []];
      break;
    case "tenant":
      segs = [];
      break;
  }
  scopeSegmentCache.set(scope, segs);
  return segs;
}
var scopeSegmentCache = /* @__PURE__ */ new WeakMap();
function nameSegments(name, levels) {
  if (name instanceof Unknown && !name.parts) return Array.from({ length: levels }, () => [name]);
  return typeof name === "string" || name instanceof Unknown ? splitSegments(name) : void 0;
}
function nameLevels(type) {
  const segs = type.split("/");
  const p = segs.findIndex((x, i) => i > 0 && x.toLowerCase() === "providers");
  return p < 0 ? segs.length - 1 : p - 1 + 1 + (segs.length - p - 1);
}
function qualifyChild(parent, type, name) {
  const first = type.split("/")[0] ?? "";
  if (first.includes(".")) return { type, name };
  const full = `${parent.type}/${type}`;
  const segs = nameSegments(name, 1);
  if (segs && segs.length === nameLevels(full) && !(name instanceof Unknown && !name.parts)) return { type: full, name };
  return { type: full, name: joinName(parent.name, name) };
}
function buildId(scope, type, name) {
  const typeSegs = type.split("/");
  const p = typeSegs.findIndex((x, i) => i > 0 && x.toLowerCase() === "providers");
  if (p > 0) {
    const baseLevels = p - 1;
    const extTypes = typeSegs.slice(p + 1);
    const names2 = nameSegments(name, baseLevels + 1 + extTypes.length);
    if (!names2 || names2.length !== baseLevels + 1 + extTypes.length || extTypes.length === 0) return void 0;
    const base = buildId(scope, typeSegs.slice(0, p).join("/"), null);
    const namespace2 = segmentText(names2[baseLevels]);
    if (!namespace2 || !base) return void 0;
    const baseNames = names2.slice(0, baseLevels);
    const baseScope = [...base.scope, ["providers"], [base.namespace], ...base.types.flatMap((t, i) => [[t], baseNames[i]])];
    return { scope: baseScope, namespace: namespace2, types: extTypes, names: names2.slice(baseLevels + 1) };
  }
  const [namespace, ...split] = typeSegs;
  if (!namespace || split.length === 0) return void 0;
  const types = sharedTypes(type, split);
  const names = name === null ? types.map(() => []) : nameSegments(name, types.length);
  if (!names || names.length !== types.length) return void 0;
  return { scope: Array.isArray(scope) ? scope : scopeSegments(scope), namespace, types, names };
}
var NO_DEPENDENCIES = [];
var typeSegments2 = /* @__PURE__ */ new Map();
function sharedTypes(type, split) {
  const known3 = typeSegments2.get(type);
  if (known3) return known3;
  if (typeSegments2.size >= 1024) typeSegments2.clear();
  typeSegments2.set(type, split);
  return split;
}
function displayNameOf(name, span) {
  if (typeof name === "string") return name;
  if (name instanceof Unknown && name.parts) {
    return name.parts.map((p) => typeof p === "string" ? p : "{\u2026}").join("");
  }
  const r = span.range();
  return span.file.text.slice(r.start, r.end).replace(/^"|"$/g, "");
}

// src/deploy/runtime.ts
function runtimeReason(r, span) {
  const who = r.symbolicName ?? (typeof r.name === "string" ? r.name : r.type);
  return { code: "runtime-state", message: `a property of '${who}' that Azure sets when it deploys it`, span, resourceKey: r.key };
}
function open(v, reason) {
  if (v instanceof ObjectValue) {
    const o = new ObjectValue();
    o.span = v.span;
    o.runtime = reason;
    for (const e of v.located()) o.set(e.key, open(e.value, reason), e.span, e.keySpan);
    return o;
  }
  if (Array.isArray(v)) return v.map((x) => open(x, reason));
  return v;
}
function withPartIds(props, r) {
  if (!(props instanceof ObjectValue)) return props;
  const base = idValue(r.id);
  for (const e of props.located()) {
    if (!Array.isArray(e.value)) continue;
    for (const item of e.value) {
      if (!(item instanceof ObjectValue) || item.has("id")) continue;
      const name = item.get("name");
      if (typeof name !== "string") continue;
      item.set("id", concatId(base, `/${e.key}/${name}`));
    }
  }
  return props;
}
function concatId(base, suffix) {
  if (typeof base === "string") return base + suffix;
  return new Unknown(base.reason, "string", [...base.parts ?? [base], suffix], void 0, base.about);
}
function existingView(r, span) {
  const who = r.symbolicName ?? (typeof r.name === "string" ? r.name : r.type);
  return new Unknown({ code: "runtime-state", message: `a property of '${who}', an existing resource whose properties are not in the template`, span, resourceKey: r.key }, "object");
}
function runtimeView(r, full, span, outputs) {
  const reason = runtimeReason(r, span);
  const props = withPartIds(open(r.body.get("properties") ?? new ObjectValue(), reason), r);
  const outs = outputs();
  if (outs && props instanceof ObjectValue) props.set("outputs", outs);
  if (!full) return props;
  const whole = open(r.body, reason);
  whole.set("properties", props);
  whole.set("id", idValue(r.id));
  whole.set("name", r.name);
  whole.set("type", r.type);
  if (r.apiVersion) whole.set("apiVersion", r.apiVersion);
  return whole;
}

// src/deploy/check-type-refs.ts
function checkTypeRefs(t, span, diagnostics) {
  new TypeRefChecker(t, diagnostics).template(span);
}
var TypeRefChecker = class {
  constructor(t, diagnostics) {
    this.t = t;
    this.diagnostics = diagnostics;
  }
  t;
  diagnostics;
  /** Type nodes already reported as part of a $ref cycle (a cycle is reported once). */
  inCycle = /* @__PURE__ */ new Set();
  template(span) {
    const t = this.t;
    for (const key2 of Object.keys(t)) {
      const section = t[key2];
      const at2 = span.child(t, key2);
      switch (key2.toLowerCase()) {
        case "definitions":
        case "parameters":
        case "outputs":
          if (isTObject(section)) for (const name of Object.keys(section)) this.typeNode(section, name, at2);
          break;
        case "functions":
          this.functions(section, at2);
          break;
        default:
      }
    }
  }
  /** User-defined functions: each parameter and the output are type nodes. */
  functions(section, span) {
    if (!Array.isArray(section)) return;
    section.forEach((ns, i) => {
      if (!isTObject(ns)) return;
      const members = ownProp(ns, "members");
      if (!isTObject(members)) return;
      const membersSpan = span.child(section, i).child(ns, "members");
      for (const name of Object.keys(members)) {
        const f = members[name];
        if (!isTObject(f)) continue;
        const fSpan = membersSpan.child(members, name);
        const params = ownProp(f, "parameters");
        if (Array.isArray(params)) params.forEach((_, j) => this.typeNode(params, j, fSpan.child(f, "parameters")));
        if (isTObject(ownProp(f, "output"))) this.typeNode(f, "output", fSpan);
      }
    });
  }
  /**
   * The type node `container[key]`: its own `$ref`, then the type nodes inside it (properties,
   * additionalProperties, items, prefixItems, discriminator mapping). Values (defaultValue,
   * allowedValues, an output's value, metadata) are data, not types, and are not entered.
   */
  typeNode(container, key2, containerSpan) {
    const node = container[key2];
    if (!isTObject(node)) return;
    const span = containerSpan.child(container, key2);
    for (const k of Object.keys(node)) {
      const child = node[k];
      switch (k.toLowerCase()) {
        case "$ref":
          if (typeof child === "string") this.ref(node, child, span.child(node, k));
          break;
        case "properties":
          if (isTObject(child)) for (const p of Object.keys(child)) this.typeNode(child, p, span.child(node, k));
          break;
        case "additionalproperties":
        case "items":
          this.typeNode(node, k, span);
          break;
        case "prefixitems":
          if (Array.isArray(child)) child.forEach((_, i) => this.typeNode(child, i, span.child(node, k)));
          break;
        case "discriminator": {
          const mapping = isTObject(child) ? ownProp(child, "mapping") : void 0;
          if (isTObject(child) && isTObject(mapping)) {
            const mapSpan = span.child(node, k).child(child, "mapping");
            for (const m of Object.keys(mapping)) this.typeNode(mapping, m, mapSpan);
          }
          break;
        }
        default:
      }
    }
  }
  /** `node.$ref` (the string `ref`, written at `span`): it must name a node, and the chain of `$ref`s from it must end. */
  ref(node, ref, span) {
    const target = resolveTypeRef(this.t, ref);
    if (!target) {
      this.diagnostics.add({
        code: "invalid-template",
        message: `The type reference '${ref}' names nothing in the template${ref.startsWith("#/") ? "" : " (a type reference is a JSON pointer into the template, such as '#/definitions/name')"}; ARM rejects the template.`,
        span
      });
      return;
    }
    const chain = [node];
    let at2 = target;
    const names = [ref];
    while (at2 && !chain.includes(at2)) {
      chain.push(at2);
      const next = ownProp(at2, "$ref");
      if (typeof next !== "string") return;
      names.push(next);
      at2 = resolveTypeRef(this.t, next);
    }
    if (!at2 || at2 !== node || this.inCycle.has(node)) return;
    for (const n of chain) this.inCycle.add(n);
    this.diagnostics.add({
      code: "invalid-template",
      message: `The type references form a cycle (${names.join(" -> ")}): the type is never defined; ARM rejects the template.`,
      span
    });
  }
};

// src/deploy/check-template.ts
var Names = class _Names {
  /** `symbols`: false for an outer-scope nested template, whose symbolic names are not certain. */
  constructor(template, symbolsKnown = true) {
    this.template = template;
    this.symbolsKnown = symbolsKnown;
  }
  template;
  symbolsKnown;
  sets;
  symbols;
  /** The same names, for a nested template with outer scope (see resourcesBySymbol). */
  outer() {
    const n = new _Names(this.template, false);
    n.sets = this.sets;
    return n;
  }
  has(kind, lower3) {
    this.sets ??= declaredNames(this.template);
    return this.sets[kind].has(lower3);
  }
  /**
   * The resources of a languageVersion 2.0 template (its `resources` is an object) by lower-cased
   * symbolic name; null for a template without symbolic names.
   */
  resourcesBySymbol() {
    if (this.symbols !== void 0) return this.symbols;
    if (!this.symbolsKnown) return this.symbols = null;
    const section = ownProp(this.template, "resources");
    return this.symbols = isTObject(section) ? resourcesBySymbol(section) : null;
  }
};
var START_OF_DEPLOYMENT = /* @__PURE__ */ new Set(["name", "type", "apiversion", "location", "condition"]);
var NOT_EVALUATED = /* @__PURE__ */ new Set(["metadata", "comments"]);
var TemplateChecker = class {
  constructor(diagnostics, limits, maxDeploymentDepth) {
    this.diagnostics = diagnostics;
    this.limits = limits;
    this.maxDeploymentDepth = maxDeploymentDepth;
  }
  diagnostics;
  limits;
  maxDeploymentDepth;
  /** Nested inline templates entered so far (the deploy stage analyses at most maxDeploymentDepth). */
  depth = 0;
  /** value()'s stacks: what holds the value, its key, and the holder's span. */
  cs = [];
  ks = [];
  spans = [];
  /** What value() is walking: a resource property evaluated before deployment (see START_OF_DEPLOYMENT), a copy count. */
  at;
  /**
   * Checks a whole template: its sections, resources and nested inline templates. `scope`: 'own'
   * when its expressions read its own declarations, else the names they read (undefined: not known).
   */
  template(t, span, scope) {
    const names = scope === "own" ? new Names(t) : scope;
    checkTypeRefs(t, span, this.diagnostics);
    for (const key2 of Object.keys(t)) {
      const node = t[key2];
      switch (key2.toLowerCase()) {
        case "parameters":
        case "outputs":
          this.declarations(node, span.child(t, key2), names);
          break;
        case "variables":
          this.variables(node, span.child(t, key2), names);
          break;
        case "functions":
          this.functions(node, span.child(t, key2));
          break;
        case "resources":
          this.resources(node, span.child(t, key2), names);
          break;
        default:
      }
    }
  }
  /** Parameter and output declarations: every property but metadata is evaluated. */
  declarations(section, span, names) {
    if (!isTObject(section)) return;
    for (const name of Object.keys(section)) {
      const decl = section[name];
      if (isTObject(decl)) this.declaration(decl, span.child(section, name), names);
    }
  }
  declaration(decl, span, names) {
    for (const k of Object.keys(decl)) {
      if (!NOT_EVALUATED.has(k.toLowerCase())) this.value(decl, k, span, names);
    }
  }
  variables(section, span, names) {
    if (!isTObject(section)) return;
    for (const name of Object.keys(section)) {
      const node = section[name];
      if (name.toLowerCase() === "copy" && Array.isArray(node)) {
        const copySpan = span.child(section, name);
        node.forEach((loop, i) => {
          if (!isTObject(loop)) return;
          const loopSpan = copySpan.child(node, i);
          for (const k of Object.keys(loop)) if (k.toLowerCase() !== "name") this.value(loop, k, loopSpan, names);
        });
      } else this.value(section, name, span, names);
    }
  }
  /** User-defined functions: parameters() there reads the function's own parameters, so names are not checked. */
  functions(section, span) {
    if (!Array.isArray(section)) return;
    section.forEach((ns, i) => {
      if (!isTObject(ns)) return;
      const members = ownProp(ns, "members");
      if (!isTObject(members)) return;
      const membersSpan = span.child(section, i).child(ns, "members");
      for (const name of Object.keys(members)) {
        const f = members[name];
        if (!isTObject(f)) continue;
        const output = ownProp(f, "output");
        if (isTObject(output)) this.declaration(output, membersSpan.child(members, name).child(f, "output"), void 0);
      }
    });
  }
  /** A resources array, or an object of symbolic names (languageVersion 2.0). */
  resources(section, span, names) {
    if (Array.isArray(section)) {
      section.forEach((r, i) => {
        if (isTObject(r)) this.resource(r, span.child(section, i), names);
      });
    } else if (isTObject(section)) {
      for (const name of Object.keys(section)) {
        const r = section[name];
        if (isTObject(r)) this.resource(r, span.child(section, name), names);
      }
    }
  }
  resource(decl, span, names) {
    const type = ownProp(decl, "type");
    const isDeployment = typeof type === "string" && type.toLowerCase() === DEPLOYMENTS;
    for (const k of Object.keys(decl)) {
      const lower3 = k.toLowerCase();
      const node = decl[k];
      if (NOT_EVALUATED.has(lower3)) continue;
      if (START_OF_DEPLOYMENT.has(lower3)) this.valueAt({ what: `the resource's '${k}'`, count: false }, decl, k, span, names);
      else if (lower3 === "copy" && isTObject(node)) {
        const copySpan = span.child(decl, k);
        for (const ck of Object.keys(node)) {
          if (ck.toLowerCase() === "count") this.valueAt({ what: "a copy loop's 'count'", count: true }, node, ck, copySpan, names);
          else this.value(node, ck, copySpan, names);
        }
      } else if (lower3 === "resources") this.resources(node, span.child(decl, k), names);
      else if (isDeployment && lower3 === "properties" && isTObject(node)) this.deploymentProperties(node, span.child(decl, k), names);
      else this.value(decl, k, span, names);
    }
  }
  /** A nested deployment: its inline template is checked as a template, in its expression scope. */
  deploymentProperties(props, span, names) {
    for (const k of Object.keys(props)) {
      const node = props[k];
      if (k.toLowerCase() !== "template" || !isTObject(node)) this.value(props, k, span, names);
      else if (this.depth < this.maxDeploymentDepth) {
        this.depth++;
        try {
          this.template(node, span.child(props, k), nestedNames(props, names));
        } finally {
          this.depth--;
        }
      }
    }
  }
  /** value(), for a resource property evaluated before deployment (see `at`). */
  valueAt(at2, container, key2, span, names) {
    this.at = at2;
    try {
      this.value(container, key2, span, names);
    } finally {
      this.at = void 0;
    }
  }
  /**
   * Checks `container[key]` (a template value: its strings, nested keys and elements). Iterative:
   * a limit maxJsonDepth raised in the config lets values nest deeper than the stack allows.
   */
  value(container, key2, containerSpan, names) {
    const { cs, ks, spans } = this;
    cs.push(container);
    ks.push(key2);
    spans.push(containerSpan);
    while (cs.length) {
      const c = cs.pop();
      const k = ks.pop();
      const cspan = spans.pop();
      const node = c[k];
      if (typeof node === "string") {
        if (isExpressionString(node)) this.expression(node, c, k, cspan, false, names);
        continue;
      }
      if (node === null || typeof node !== "object") continue;
      const span = cspan.child(c, k);
      if (Array.isArray(node)) {
        for (let i = node.length - 1; i >= 0; i--) {
          cs.push(node);
          ks.push(i);
          spans.push(span);
        }
        continue;
      }
      if (!isTObject(node)) continue;
      const keys = Object.keys(node);
      for (let i = 0; i < keys.length; i++) {
        const name = keys[i];
        if (isExpressionString(name)) this.expression(name, node, name, span, true, names);
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        cs.push(node);
        ks.push(keys[i]);
        spans.push(span);
      }
    }
  }
  /**
   * Checks the expression `s` found at `container[key]` (its name when `isKey`). The span is made
   * only when there is something to report: most expressions have nothing.
   */
  expression(s, container, key2, containerSpan, isKey, names) {
    const p = parseTemplateStringUncached(s, this.limits);
    if (p.kind === "literal") return;
    if (p.kind === "error") {
      this.diagnostics.add(syntaxDiagnostic(p, spanAt(container, key2, containerSpan, isKey).sub(p.start, p.end)));
      return;
    }
    const facts = staticFacts(p);
    let span;
    for (let i = 0; i < facts.problems.length; i++) {
      const f = facts.problems[i];
      span ??= spanAt(container, key2, containerSpan, isKey);
      this.diagnostics.add({ code: "evaluation-error", message: f.message, span: span.sub(f.start, f.end) });
    }
    const at2 = this.at;
    if (at2) {
      for (let i = 0; i < facts.runtimeCalls.length; i++) {
        const c = facts.runtimeCalls[i];
        const isReference = c.name.toLowerCase() === "reference";
        if (!isReference && !at2.count) continue;
        span ??= spanAt(container, key2, containerSpan, isKey);
        this.diagnostics.add({
          code: "evaluation-error",
          message: `The template function '${c.name}' is not expected at this location: ${at2.what} must be known when ARM validates the template, before any resource is deployed, and ${isReference ? "reference()" : `${c.name}()`} returns the runtime state of a resource (it can be used only in a resource's properties and in the outputs); ARM rejects the deployment.`,
          span: span.sub(c.start, c.end)
        });
      }
    }
    if (!names) return;
    const bySymbol = facts.symbols.length ? names.resourcesBySymbol() : null;
    for (let i = 0; bySymbol && i < facts.symbols.length; i++) {
      const r = facts.symbols[i];
      const why = undeclaredSymbol(r, bySymbol);
      if (!why) continue;
      span ??= spanAt(container, key2, containerSpan, isKey);
      this.diagnostics.add({ code: "evaluation-error", message: why, span: span.sub(r.start, r.end) });
    }
    for (let i = 0; i < facts.refs.length; i++) {
      const r = facts.refs[i];
      if (names.has(r.kind, r.lower)) continue;
      span ??= spanAt(container, key2, containerSpan, isKey);
      const message = r.kind === "parameters" ? `The template parameter '${r.name}' is not found.` : `The template variable '${r.name}' is not found.`;
      this.diagnostics.add({ code: "evaluation-error", message, span: span.sub(r.start, r.end) });
    }
  }
};
function undeclaredSymbol(r, bySymbol, countOf) {
  if (r.fn === "reference" && (r.argCount > 1 || r.name.includes("/"))) return void 0;
  const indexed = /^(.+)\[(\d+)\]$/.exec(r.name);
  const base = indexed ? indexed[1] : r.name;
  const decl = bySymbol.get(base.toLowerCase());
  if (!decl && r.fn === "reference" && [...bySymbol.values()].some((d) => {
    const n2 = ownProp(d, "name");
    return typeof n2 === "string" && n2.toLowerCase() === r.name.toLowerCase();
  })) return void 0;
  if (!decl) return `The resource '${r.name}' is not defined in the template: ${r.fn}() names a resource by its symbolic name, and the template declares no resource '${base}'.`;
  if (!indexed) return void 0;
  const copy = ownProp(decl, "copy");
  if (!isTObject(copy)) return `The resource '${r.name}' is not defined in the template: '${base}' is not a copy loop, so it has no instance [${indexed[2]}].`;
  const n = countOf?.(base.toLowerCase()) ?? ownProp(copy, "count");
  const i = Number(indexed[2]);
  if (typeof n !== "number" || i < n) return void 0;
  return `The resource '${r.name}' is not defined in the template: the copy loop '${base}' has ${n} instance${n === 1 ? "" : "s"}${n > 0 ? ` (indexes 0 to ${n - 1})` : ""}.`;
}
function spanAt(container, key2, containerSpan, isKey) {
  return isKey ? containerSpan.keySpan(container, key2) : containerSpan.child(container, key2);
}
function resourcesBySymbol(section) {
  const m = /* @__PURE__ */ new Map();
  for (const k of Object.keys(section)) {
    const d = section[k];
    if (isTObject(d) && !m.has(k.toLowerCase())) m.set(k.toLowerCase(), d);
  }
  return m;
}
function declaredNames(t) {
  const lower3 = (names) => new Set(names.map((n) => n.toLowerCase()));
  const params = ownProp(t, "parameters");
  const vars = ownProp(t, "variables");
  return {
    parameters: lower3(isTObject(params) ? Object.keys(params) : []),
    variables: lower3(isTObject(vars) ? declaredVariableNames(vars) : [])
  };
}
function nestedNames(props, parent) {
  const options = ownProp(props, "expressionEvaluationOptions");
  const scope = isTObject(options) ? ownProp(options, "scope") : void 0;
  if (scope === void 0) return parent?.outer();
  if (typeof scope !== "string" || isExpressionString(scope)) return void 0;
  return scope.toLowerCase() === "inner" ? "own" : parent?.outer();
}

// src/deploy/deploy.ts
function scopeKindOf(root) {
  const schema = own(root, "$schema");
  if (typeof schema !== "string") return "resourceGroup";
  const s = schema.toLowerCase();
  if (s.includes("subscriptiondeploymenttemplate")) return "subscription";
  if (s.includes("managementgroupdeploymenttemplate")) return "managementGroup";
  if (s.includes("tenantdeploymenttemplate")) return "tenant";
  return "resourceGroup";
}
function groupLabel(s) {
  const text = segmentText(s);
  return text !== void 0 ? `'${text}'` : segmentKey(s);
}
function segment(value, symbol, span) {
  if (value !== void 0) return [value];
  return [new Unknown({ code: "deployment-time", message: `${symbol} is only known at deployment`, span }, "string", void 0, symbol)];
}
function rootScope(kind, ctx, span) {
  return {
    kind,
    subscriptionId: segment(ctx.subscriptionId, "subscription().subscriptionId", span),
    resourceGroup: segment(ctx.resourceGroup, "resourceGroup().name", span),
    managementGroup: segment(ctx.managementGroup, "managementGroup().name", span)
  };
}
var MAX_REFERENCE_NESTING = 64;
var Deployment = class {
  constructor(opts2) {
    this.opts = opts2;
    this.budget = new Budget(opts2.limits);
  }
  opts;
  resources = [];
  notDeployed = [];
  diagnostics = new DiagnosticSink();
  budget;
  byRelative = /* @__PURE__ */ new Map();
  unitScopes = /* @__PURE__ */ new Map();
  /**
   * The symbolic names of each unit whose template is languageVersion 2.0 and evaluated in its own
   * scope, with the counts of its copy loops as evaluated (see symbolProblem).
   */
  symbolTables = /* @__PURE__ */ new Map();
  /**
   * The scope each nested deployment's template is evaluated in, and for an outer-scope inline
   * template the outputs section reference(...).outputs reads (null when it declares none; absent:
   * the scope's own template's outputs).
   */
  nestedScopes = /* @__PURE__ */ new Map();
  views = /* @__PURE__ */ new Map();
  busy = /* @__PURE__ */ new Set();
  /** Set once the reference nesting limit was reported (see runtime). */
  referenceNestingCut = false;
  /** Nested deployments of a template being expanded that are not deployed yet (see expand). */
  pendingNested = /* @__PURE__ */ new Map();
  /** See DeployResult.linkedTemplates. */
  linkedTemplates = /* @__PURE__ */ new Set();
  /** Where the root template is deployed (what the config's deployment context describes). */
  rootTarget;
  /** Linked template files read so far, by absolute path (see loadLinked). */
  linkedFiles = /* @__PURE__ */ new Map();
  /** Nested deployments analysed so far (see DeployOptions.maxDeployments). */
  deploymentCount = 0;
  /**
   * Limits reported so far: each is reported once per template with everything it deploys, where
   * it was first hit. (A template fanned out through modules hits it once per instance: tens of
   * thousands of identical findings otherwise.)
   */
  limitsReported = /* @__PURE__ */ new Set();
  deployRoot(source, root, span) {
    const unit = {
      file: source,
      scope: rootScope(isTObject(root) ? scopeKindOf(root) : "resourceGroup", this.opts.deployment, span),
      depth: 0
    };
    this.rootTarget = unit.scope;
    const evaluationStopped = () => this.budget.exhausted;
    if (!isTObject(root)) return { unit, resources: [], notDeployed: [], diagnostics: this.diagnostics.items, scope: void 0, linkedTemplates: [], suppliedSourcesAt: () => [], evaluationStopped };
    const scope = this.newScope(root, span, unit, { ...this.opts.deployment, scopeKind: unit.scope.kind }, this.opts.parameters);
    this.checkSupplied(scope, this.opts.parameters, "the template's parameters file", void 0);
    this.checkExpressions(source, root, span);
    this.expand({ node: root, span }, unit, scope);
    qualifySharedSymbolicNames(this.resources);
    this.reportDuplicates();
    scope.outputs();
    return {
      unit,
      resources: this.resources,
      notDeployed: this.notDeployed,
      diagnostics: this.diagnostics.items,
      scope,
      linkedTemplates: [...this.linkedTemplates],
      suppliedSourcesAt: (span2) => [...new Set(this.unitScopes.values())].flatMap((s) => s.suppliedSourcesAt(span2)),
      evaluationStopped
    };
  }
  /**
   * ARM rejects a template that defines one resource twice ("The resource '...' is defined
   * multiple times in a template"): two declarations of one template (a nested deployment or
   * module is a template of its own) with the same id, both deployed. One that may not be
   * deployed (a condition known only at deployment) is not counted: Bicep and ARM allow
   * duplicates of which at most one is unconditional.
   */
  reportDuplicates() {
    const byTemplate = /* @__PURE__ */ new Map();
    for (const r of this.resources) {
      if (r.existing || r.state !== "deployed") continue;
      let first = byTemplate.get(r.unit.parent);
      if (!first) byTemplate.set(r.unit.parent, first = /* @__PURE__ */ new Map());
      const earlier = first.get(r.key);
      if (!earlier) {
        first.set(r.key, r);
        continue;
      }
      const what = `${r.type}/${typeof r.name === "string" ? r.name : r.displayName}`;
      this.diagnostics.add({
        code: "invalid-template",
        message: `The resource '${what}' is defined multiple times in a template (also at line ${earlier.nameSpan.region().start.line}); ARM rejects the deployment: remove one of them or give them different names.`,
        span: r.nameSpan
      });
    }
  }
  newScope(root, span, unit, deployment, parameters, parent, unreadValues) {
    const scope = new TemplateScope(root, span, {
      parameters,
      unreadValues,
      // A parameter the parent passes in: where the parent's value came from (asked lazily).
      upstream: parent ? (at2) => parent.suppliedSourcesIn(at2) : void 0,
      symbolPrefix: unit.parent ? `deployment#${unit.parent.index}:` : "",
      deployment,
      diagnostics: this.diagnostics,
      budget: this.budget,
      runtime: (fn, args, at2) => this.runtime(unit, fn, args, at2)
    });
    this.unitScopes.set(unit, scope);
    for (const name of parameters?.keys() ?? []) scope.parameterInfo(name);
    for (const name of scope.parameterNames()) scope.parameterInfo(name);
    return scope;
  }
  /**
   * Every expression of an ARM JSON file, also those no rule makes evaluated (check-template.ts).
   * Bicep reports its own syntax and names, and what it lowers to is not ARM JSON text.
   */
  checkExpressions(source, root, span) {
    if (source.kind !== "arm") return;
    new TemplateChecker(this.diagnostics, this.budget.parseLimits, this.opts.maxDeploymentDepth ?? 16).template(root, span, "own");
  }
  expand(template, unit, scope) {
    const expander = new ResourceExpander(
      scope,
      unit,
      {
        maxResources: this.opts.maxResources ?? 5e4,
        maxCopyCount: this.budget.limits.maxCopyCount,
        // The budget is the whole deployment's: reported once, by the expander that spends it.
        onResourceLimit: () => this.firstTime("maxResources")
      },
      this.resources.length
    );
    const section = own(template.node, "resources");
    if (isTObject(section) && scope.template?.node === template.node) this.symbolTables.set(unit, { bySymbol: resourcesBySymbol(section), counts: expander.loopCounts });
    expander.expandTemplate(template);
    this.notDeployed.push(...expander.notDeployed);
    for (const r of expander.resources) this.register(r);
    const nested = expander.resources.filter((r) => r.type.toLowerCase() === DEPLOYMENTS && !r.existing);
    for (const r of nested) this.pendingNested.set(r, { unit, scope });
    for (const r of nested) this.deployPending(r);
    for (const u of expander.undeployedDeployments) this.declareUndeployed(u.decl, u.loop, unit, scope);
  }
  /**
   * A nested deployment that deploys nothing with these values: the template it links to is
   * recorded, not deployed. Only its relativePath is evaluated, and only when it is an expression
   * (usually it is a literal); one that cannot be evaluated is skipped, its errors dropped (ARM
   * does not evaluate it either). An inline template is searched for links as written.
   */
  declareUndeployed(decl, loop, unit, scope) {
    const props = childOf(decl, "properties");
    if (!props || !isTObject(props.node)) return;
    const inline = own(props.node, "template");
    if (isTObject(inline)) {
      this.declareLinkedIn(inline, unit.file.path);
      return;
    }
    const link = childOf(props, "templateLink");
    const rel = link && isTObject(link.node) ? childOf(link, "relativePath") : void 0;
    if (!rel) return;
    let value = literalText(rel.node);
    if (value === void 0) {
      const mark = this.diagnostics.mark();
      const v = scope.evaluateNode(rel.node, rel.span, loop);
      this.diagnostics.rollBack(mark);
      if (typeof v === "string") value = v;
    }
    if (value !== void 0) this.declareLinkedFile(import_node_path8.default.resolve(import_node_path8.default.dirname(unit.file.path), value));
  }
  /** The links of a template as written (literal relativePaths), inline nested templates included. */
  declareLinkedIn(template, file) {
    const section = own(template, "resources");
    const decls = Array.isArray(section) ? section : isTObject(section) ? Object.values(section) : [];
    for (const d of decls) {
      if (!isTObject(d)) continue;
      const type = own(d, "type");
      const props = own(d, "properties");
      if (typeof type !== "string" || type.toLowerCase() !== DEPLOYMENTS || !isTObject(props)) continue;
      const inline = own(props, "template");
      const link = own(props, "templateLink");
      if (isTObject(inline)) this.declareLinkedIn(inline, file);
      const rel = isTObject(link) ? literalText(own(link, "relativePath")) : void 0;
      if (rel !== void 0) this.declareLinkedFile(import_node_path8.default.resolve(import_node_path8.default.dirname(file), rel));
    }
  }
  /** A linked template no deployment here deploys: recorded, and read for its own links in turn. */
  declareLinkedFile(target) {
    const root = this.opts.root;
    if (this.linkedTemplates.has(target) || !root || !isInsideRoot(target, root)) return;
    this.linkedTemplates.add(target);
    const read = readSourceInside(target, "arm", root, this.opts.fileLimits);
    if (!read.ok) return;
    const loaded = loadJson(read.source, this.opts.fileLimits);
    if (isTObject(loaded.root)) this.declareLinkedIn(loaded.root, target);
  }
  /** True the first time a limit is hit in this deployment. */
  firstTime(limit) {
    if (this.limitsReported.has(limit)) return false;
    this.limitsReported.add(limit);
    return true;
  }
  register(r) {
    this.resources.push(r);
    const k = relativeKey(r.id);
    const list = this.byRelative.get(k);
    if (list) list.push(r);
    else this.byRelative.set(k, [r]);
  }
  /** A Microsoft.Resources/deployments resource: its inline or linked template becomes a unit. */
  deployNested(dep, parent, parentScope) {
    const props = childOf(dep.decl, "properties");
    if (!props || !isTObject(props.node)) return;
    const p = props;
    const maxDepth = this.opts.maxDeploymentDepth ?? 16;
    const hasTemplate = childOf(p, "template") !== void 0 || childOf(p, "templateLink") !== void 0;
    if (parent.depth + 1 > maxDepth) {
      if (hasTemplate && this.firstTime("maxDeploymentDepth")) {
        this.diagnostics.add({
          code: "limit-exceeded",
          message: `deployments are nested more than ${maxDepth} levels deep; '${dep.displayName}' is not analysed (limit maxDeploymentDepth)`,
          span: dep.span
        });
      }
      return;
    }
    const maxDeployments = this.opts.maxDeployments ?? 5e3;
    if (hasTemplate && this.deploymentCount >= maxDeployments) {
      if (this.firstTime("maxDeployments")) {
        this.diagnostics.add({
          code: "limit-exceeded",
          message: `more than ${maxDeployments} nested deployments and module instances; '${dep.displayName}' and the rest are not analysed (limit maxDeployments)`,
          span: dep.span
        });
      }
      return;
    }
    if (hasTemplate) this.deploymentCount++;
    const body = dep.body.get("properties");
    const evaluated = body instanceof ObjectValue ? body : new ObjectValue();
    const unit = {
      file: parent.file,
      scope: this.nestedScope(parent.scope, dep),
      parent: dep,
      depth: parent.depth + 1
    };
    const inline = childOf(p, "template");
    if (inline && isTObject(inline.node)) {
      const innerOption = evaluated.get("expressionEvaluationOptions");
      const inner = innerOption instanceof ObjectValue && String(innerOption.get("scope")).toLowerCase() === "inner";
      if (inner) {
        const supplied = this.suppliedFrom(evaluated);
        const scope = this.newScope(inline.node, inline.span, unit, this.contextFor(unit), supplied, parentScope, parametersLink(evaluated, dep));
        this.checkPassed(dep, parent, evaluated, scope, supplied);
        this.nestedScopes.set(dep, { scope, unit });
        this.expand(inline, unit, scope);
      } else {
        this.unitScopes.set(unit, parentScope);
        this.nestedScopes.set(dep, { scope: parentScope, unit, outputs: childOf(inline, "outputs") ?? null });
        this.expand(inline, unit, parentScope);
      }
      return;
    }
    const link = evaluated.get("templateLink");
    if (!(link instanceof ObjectValue)) return;
    const rel = link.get("relativePath");
    const uri = link.get("uri") ?? link.get("id");
    if (typeof rel === "string") {
      this.deployLinked(dep, unit, rel, link.entry("relativePath")?.span ?? dep.span, evaluated, parentScope, link);
      return;
    }
    const where = typeof uri === "string" ? `'${uri}'` : "a location known only at deployment";
    this.diagnostics.add({
      code: "note",
      message: `the template of deployment '${dep.displayName}' is linked from ${where} and is never fetched: the resources it deploys are not analysed`,
      span: link.entry("uri")?.span ?? link.entry("id")?.span ?? dep.span
    });
  }
  /** templateLink.relativePath: a file next to the parent template, read only inside the lint root. */
  deployLinked(dep, unit, rel, span, evaluated, parentScope, link) {
    const base = import_node_path8.default.dirname(unit.file.path);
    const target = import_node_path8.default.resolve(base, rel);
    const root = this.opts.root;
    if (!root || !isInsideRoot(target, root)) {
      this.diagnostics.add({
        code: "invalid-template",
        message: `the linked template '${rel}' of deployment '${dep.displayName}' is outside the folder being linted and is not read`,
        span
      });
      return;
    }
    const linked = this.loadLinked(target, root);
    if ("error" in linked) {
      this.diagnostics.add({ code: "invalid-template", message: unreadFileMessage("linked template", rel, linked.error), span });
      return;
    }
    this.linkedTemplates.add(target);
    const { source, loaded } = linked;
    if (!isTObject(loaded.root)) return;
    this.checkContentVersion(link, loaded.root, rel, span);
    const linkedUnit = { ...unit, file: source };
    const supplied = this.suppliedFrom(evaluated);
    const scope = this.newScope(loaded.root, loaded.span, linkedUnit, this.contextFor(linkedUnit), supplied, parentScope, parametersLink(evaluated, dep));
    this.checkPassed(dep, unit, evaluated, scope, supplied);
    this.nestedScopes.set(dep, { scope, unit: linkedUnit });
    this.expand({ node: loaded.root, span: loaded.span }, linkedUnit, scope);
  }
  /**
   * templateLink.contentVersion, when given, must be the linked template's contentVersion: ARM
   * rejects the deployment otherwise (the link pins the version of the template it deploys).
   */
  checkContentVersion(link, template, rel, fallback) {
    const pinned = link.get("contentVersion");
    const actual = own(template, "contentVersion");
    if (typeof pinned !== "string" || typeof actual !== "string" || pinned === actual) return;
    this.diagnostics.add({
      code: "invalid-template",
      message: `templateLink.contentVersion is '${pinned}', but the linked template '${rel}' has contentVersion '${actual}'; ARM rejects the deployment: the two must match (or leave contentVersion out of the link).`,
      span: link.entry("contentVersion")?.span ?? fallback
    });
  }
  /**
   * A linked template file, read, parsed and checked once per deployment: a file linked from a
   * copy loop, or from templates that are themselves deployed many times, is one file (its syntax
   * errors are reported once), however many instances deploy it.
   */
  loadLinked(target, root) {
    const hit = this.linkedFiles.get(target);
    if (hit) return hit;
    const read = readSourceInside(target, "arm", root, this.opts.fileLimits);
    let out;
    if (!read.ok) out = { error: read.diagnostic.message };
    else {
      const loaded = loadJson(read.source, this.opts.fileLimits);
      for (const d of loaded.diagnostics) this.diagnostics.add(d);
      if (isTObject(loaded.root)) this.checkExpressions(read.source, loaded.root, loaded.span);
      out = { source: read.source, loaded };
    }
    this.linkedFiles.set(target, out);
    return out;
  }
  /** Parameter values a nested deployment passes in (properties.parameters.<name>.value). */
  suppliedFrom(props) {
    const out = /* @__PURE__ */ new Map();
    const params = props.get("parameters");
    if (!(params instanceof ObjectValue)) return out;
    for (const e of params.located()) {
      const given = { keySpan: e.keySpan, mustBeDeclared: true, typeChecked: true };
      if (e.value instanceof Unknown) {
        out.set(e.key, { value: new Unknown(e.value.reason, e.value.type === "object" ? void 0 : e.value.type), span: e.span, ...given });
        continue;
      }
      if (!(e.value instanceof ObjectValue)) continue;
      if (e.value.has("reference")) {
        out.set(e.key, {
          value: new Unknown({ code: "secure", message: `the parameter '${e.key}' is a Key Vault reference (never resolved or shown)`, span: e.span }),
          span: e.span,
          ...given
        });
      } else if (e.value.has("value")) {
        out.set(e.key, { value: e.value.get("value"), span: e.value.entry("value")?.span ?? e.span, ...given });
      }
    }
    return out;
  }
  /**
   * ARM validates the parameters a deployment passes before it deploys anything: a value for a
   * parameter the template does not declare is rejected ("The template parameters '...' are not
   * valid; they are not present in the original template"), and so is a declared parameter
   * without a defaultValue that gets no value ("The value for the template parameter '...' is not
   * provided", `required`). Only values that must be declared are checked (see
   * SuppliedParameter.mustBeDeclared).
   */
  checkSupplied(scope, supplied, by, required, passIn = "properties.parameters") {
    const declared = new Set(scope.parameterNames().map((n) => n.toLowerCase()));
    for (const [name, p] of supplied ?? []) {
      if (!p.mustBeDeclared || declared.has(name.toLowerCase())) continue;
      const span = p.keySpan ?? p.span;
      if (!span) continue;
      this.diagnostics.add({
        code: "invalid-template",
        message: `${by} gives a value for the parameter '${name}', which the template does not declare${declaredList(scope.parameterNames())}; ARM rejects the deployment ("not present in the original template and can therefore not be provided"): remove it or declare it.`,
        span
      });
    }
    if (!required) return;
    const given = new Set([...supplied?.keys() ?? []].map((n) => n.toLowerCase()));
    const missing = scope.requiredParameterNames().filter((n) => !given.has(n.toLowerCase()));
    if (missing.length === 0) return;
    this.diagnostics.add({
      code: "invalid-template",
      message: `${by} gives no value for the template parameter${missing.length > 1 ? "s" : ""} ${missing.map((n) => `'${n}'`).join(", ")}, which ${missing.length > 1 ? "have" : "has"} no defaultValue; ARM rejects the deployment ("The value for the template parameter ... is not provided"): pass ${missing.length > 1 ? "them" : "it"} in ${passIn}.`,
      span: required
    });
  }
  /**
   * The parameters a nested deployment passes to its template (inline with inner scope, or
   * linked): an ARM JSON one's, and a Bicep module's, which lowers to the same deployment (the
   * compiler rejects a missing required parameter, BCP035, and ARM an undeclared one; the
   * front end does not check them). A deployment whose parameters come from a parametersLink
   * (never fetched) passes values that are not known.
   */
  checkPassed(dep, parent, evaluated, scope, supplied) {
    if (evaluated.has("parametersLink")) return;
    const params = evaluated.entry("parameters");
    if (params && !(params.value instanceof ObjectValue)) return;
    if (parent.file.kind === "bicep") this.checkSupplied(scope, supplied, `module '${dep.plainDisplayName}'`, params?.keySpan ?? dep.nameSpan, "the module's params");
    else this.checkSupplied(scope, supplied, `the deployment '${dep.displayName}'`, params?.keySpan ?? dep.nameSpan);
  }
  /** The target scope of a nested deployment: its resourceGroup / subscriptionId, else the parent's. */
  nestedScope(parent, dep) {
    const rg = dep.body.get("resourceGroup");
    const sub = dep.body.get("subscriptionId");
    const seg = (v, fallback) => typeof v === "string" ? [v] : v instanceof Unknown ? [v] : fallback;
    if (rg !== void 0) return { ...parent, kind: "resourceGroup", resourceGroup: seg(rg, parent.resourceGroup), subscriptionId: seg(sub, parent.subscriptionId) };
    if (sub !== void 0) return { ...parent, kind: "subscription", subscriptionId: seg(sub, parent.subscriptionId) };
    if (own(dep.decl.node, "scope") === void 0) return parent;
    if (dep.id.scope.length === 0) return { ...parent, kind: "tenant" };
    const group2 = managementGroupOf(dep.id.scope);
    if (group2) return { ...parent, kind: "managementGroup", managementGroup: group2 };
    return parent;
  }
  /**
   * What the functions of a nested deployment's (inner-scope) template see: the config's values
   * describe the root deployment, so a deployment to another resource group has its own name
   * and unknown location, one to another subscription its own id, and every nested deployment
   * its own name (deployment().name). Tenant and management group are the root's.
   */
  contextFor(unit) {
    const ctx = this.opts.deployment;
    const root = this.rootTarget;
    const known3 = segmentText;
    const sameSubscription = root !== void 0 && sameScope([unit.scope.subscriptionId], [root.subscriptionId]) === true;
    const sameGroup = sameSubscription && root !== void 0 && sameScope([unit.scope.resourceGroup], [root.resourceGroup]) === true;
    const name = unit.parent?.name;
    return {
      ...ctx,
      subscriptionId: known3(unit.scope.subscriptionId) ?? (sameSubscription ? ctx.subscriptionId : void 0),
      resourceGroup: known3(unit.scope.resourceGroup) ?? (sameGroup ? ctx.resourceGroup : void 0),
      // A resource group this deployment creates (a subscription-scope template that makes the
      // group and deploys into it) has the location it is created with.
      location: this.createdGroupLocation(unit.scope) ?? (sameGroup ? ctx.location : void 0),
      deploymentName: typeof name === "string" ? name : void 0,
      groupSymbol: sameGroup ? void 0 : `resourceGroup(${groupLabel(unit.scope.resourceGroup)})`,
      // A deployment into a named management group: managementGroup() is that group.
      managementGroup: unit.scope.managementGroup && unit.scope.managementGroup !== root?.managementGroup ? segmentText(unit.scope.managementGroup) : ctx.managementGroup,
      scopeKind: unit.scope.kind
    };
  }
  /** The location of the resource group `scope` names, when this deployment creates that group with a known one. */
  createdGroupLocation(scope) {
    if (scope.kind !== "resourceGroup") return void 0;
    const group2 = segmentText(scope.resourceGroup)?.toLowerCase();
    if (group2 === void 0) return void 0;
    for (const r of this.resources) {
      if (r.existing || r.state !== "deployed" || r.type.toLowerCase() !== "microsoft.resources/resourcegroups") continue;
      if (typeof r.name !== "string" || r.name.toLowerCase() !== group2) continue;
      const subscription = subscriptionOf(r.id);
      if (subscription && sameScope([subscription], [scope.subscriptionId]) === false) continue;
      const location = r.body.get("location");
      return typeof location === "string" ? location : void 0;
    }
    return void 0;
  }
  /**
   * reference() of a resource this deployment creates: its declared values, with read-only and
   * runtime parts unknown; reference() of a nested deployment: its outputs.
   */
  runtime(unit, fn, args, span) {
    const problem = this.symbolProblem(unit, fn, args, span);
    if (problem) return problem;
    if (fn.toLowerCase() === "resourceinfo") return this.resourceInfo(unit, args[0]);
    const isReference = fn.toLowerCase() === "reference";
    const byName = typeof args[0] === "string" && !args[0].startsWith("/");
    if (!isReference && !(byName && isListAction(fn))) return void 0;
    const target = this.findReferenced(unit, args[0]);
    if (!target) return void 0;
    if (target.existing) return isReference ? existingView(target, span) : void 0;
    if (byName) noteImplicitDependency(target, args[0], span);
    if (!isReference) return void 0;
    const full = typeof args[2] === "string" && args[2].toLowerCase() === "full";
    const key2 = `${target.index}|${full}`;
    const cached = this.views.get(key2);
    if (cached !== void 0) return cached;
    if (this.busy.has(target)) return void 0;
    if (this.busy.size >= MAX_REFERENCE_NESTING) {
      if (!this.referenceNestingCut) {
        this.referenceNestingCut = true;
        this.diagnostics.add({
          code: "limit-exceeded",
          message: `resources read each other's outputs or properties (reference(), a module's outputs) in a chain more than ${MAX_REFERENCE_NESTING} long (here '${target.displayName}'); what is read beyond that is not known`,
          span
        });
      }
      return void 0;
    }
    this.busy.add(target);
    try {
      const view = runtimeView(target, full, span, () => this.outputsOf(target));
      this.views.set(key2, view);
      return view;
    } finally {
      this.busy.delete(target);
    }
  }
  /**
   * reference('x') / resourceInfo('x') naming no resource of a languageVersion 2.0 template, or an
   * instance beyond its copy loop's count (resourceInfo(format('nics[{0}]', i)) as the compiler
   * writes nics[i].id): ARM rejects the template ("The resource ... is not defined in the
   * template"). The template check finds a literal name everywhere; this finds computed ones
   * and counts that are expressions. An error Unknown, reported, when so.
   */
  symbolProblem(unit, fn, args, span) {
    const lower3 = fn.toLowerCase();
    if (lower3 !== "reference" && lower3 !== "resourceinfo" || typeof args[0] !== "string") return void 0;
    const table = this.symbolTables.get(unit);
    if (!table) return void 0;
    const why = undeclaredSymbol({ fn: lower3 === "reference" ? "reference" : "resourceInfo", name: args[0], argCount: args.length }, table.bySymbol, (s) => table.counts.get(s));
    if (!why) return void 0;
    this.diagnostics.add({ code: "evaluation-error", message: why, span });
    return new Unknown({ code: "error", message: why, span });
  }
  /** resourceInfo('symbolicName'): what is known of a resource before it is deployed. */
  resourceInfo(unit, symbolicName) {
    if (typeof symbolicName !== "string") return void 0;
    const same = (r) => r.unit === unit || r.unit.parent === unit.parent;
    const indexed = /^(.+)\[(\d+)\]$/.exec(symbolicName);
    const target = indexed ? this.resources.find((r) => r.symbolicName === indexed[1] && r.copy?.index === Number(indexed[2]) && same(r)) : this.resources.find((r) => r.symbolicName === symbolicName && same(r));
    if (!target) return void 0;
    return ObjectValue.from([
      ["apiVersion", target.apiVersion ?? null],
      ["id", idValue(target.id)],
      ["name", target.name],
      ["type", target.type]
    ]);
  }
  /** Deploys a nested deployment that is still waiting (see expand); nothing when it is done or under way. */
  deployPending(dep) {
    const pending = this.pendingNested.get(dep);
    if (!pending) return;
    this.pendingNested.delete(dep);
    this.deployNested(dep, pending.unit, pending.scope);
  }
  outputsOf(dep) {
    this.deployPending(dep);
    const nested = this.nestedScopes.get(dep);
    if (!nested) return void 0;
    const outputs = new ObjectValue();
    const declared = nested.outputs === void 0 ? nested.scope.outputs() : nested.outputs === null ? [] : nested.scope.outputs(nested.outputs);
    for (const o of declared) {
      outputs.set(o.name, ObjectValue.from([["type", o.type ?? null], ["value", o.value]]), o.span);
    }
    return outputs;
  }
  findReferenced(unit, v) {
    if (typeof v === "string" && !v.startsWith("/")) {
      const same = this.resources.filter((r) => r.unit === unit || r.unit.parent === unit.parent);
      const indexed = /^(.+)\[(\d+)\]$/.exec(v);
      if (indexed) {
        const [, symbol, i] = indexed;
        const instance = same.find((r) => r.symbolicName === symbol && r.copy?.index === Number(i));
        if (instance) return instance;
      }
      return same.find((r) => r.symbolicName === v) ?? same.filter((r) => typeof r.name === "string" && r.name.toLowerCase() === v.toLowerCase())[0];
    }
    if (v === void 0) return void 0;
    const id = parseResourceId(v);
    if (!id) return void 0;
    const candidates = (this.byRelative.get(relativeKey(id)) ?? []).filter((r) => sameScope(r.id.scope, id.scope) !== false);
    return candidates.find((r) => !r.existing) ?? candidates[0];
  }
};
function qualifySharedSymbolicNames(resources) {
  const units = /* @__PURE__ */ new Map();
  for (const r of resources) {
    if (r.symbolicName === void 0) continue;
    const set = units.get(r.symbolicName);
    if (set) set.add(r.unit);
    else units.set(r.symbolicName, /* @__PURE__ */ new Set([r.unit]));
  }
  for (const r of resources) {
    if (r.symbolicName === void 0 || r.unit.parent === void 0 || (units.get(r.symbolicName)?.size ?? 0) < 2) continue;
    const modules = [];
    for (let u = r.unit; u?.parent; u = u.parent.unit) modules.unshift(u.parent.plainDisplayName);
    r.displayQualifier = modules.join(".");
  }
}
function deployFile(source, loaded, opts2) {
  return new Deployment(opts2).deployRoot(source, loaded.root, loaded.span);
}
function parametersLink(props, dep) {
  const link = props.entry("parametersLink");
  if (!link) return void 0;
  const uri = link.value instanceof ObjectValue ? link.value.get("uri") : void 0;
  const what = typeof uri === "string" ? `the parametersLink '${uri}'` : "the parametersLink";
  return { what: `${what} of deployment '${dep.displayName}'`, span: link.span ?? dep.span };
}
function managementGroupOf(scope) {
  if (scope.length !== 4 || segmentText(scope[0])?.toLowerCase() !== "providers") return void 0;
  const ns = segmentText(scope[1])?.toLowerCase();
  const type = segmentText(scope[2])?.toLowerCase();
  return ns === "microsoft.management" && type === "managementgroups" ? scope[3] : void 0;
}
function declaredList(names) {
  if (names.length === 0) return " (it declares no parameters)";
  return names.length <= 8 ? ` (it declares ${names.map((n) => `'${n}'`).join(", ")})` : "";
}
function literalText(node) {
  if (typeof node !== "string" || isExpressionString(node)) return void 0;
  return node.startsWith("[[") ? node.slice(1) : node;
}

// src/graph/graph.ts
var ResourceGraph = class {
  constructor(resources, notDeployed = [], diagnostics, maxOrderEdges = Number.POSITIVE_INFINITY) {
    this.notDeployed = notDeployed;
    this.diagnostics = diagnostics;
    this.maxOrderEdges = maxOrderEdges;
    this.resources = resources;
    for (const r of resources) {
      push2(this.byKey, r.key, r);
      push2(this.byRelative, relativeKey(r.id), r);
    }
    this.linkParents();
  }
  notDeployed;
  diagnostics;
  maxOrderEdges;
  resources;
  byKey = /* @__PURE__ */ new Map();
  byRelative = /* @__PURE__ */ new Map();
  edgeCache;
  unresolvedDependsOn = [];
  /** Top-level child declarations ("nic1/cfg" of type ".../tapConfigurations") get their parent by id. */
  linkParents() {
    for (const r of this.resources) {
      if (r.parent || r.id.types.length < 2) continue;
      const p = this.find(truncateId(r.id, r.id.types.length - 1));
      if (p && p !== r) {
        r.parent = p;
        p.children.push(r);
      }
    }
    for (const r of this.resources) if (r.children.length > 0) r.children = r.children.slice();
  }
  typeIndex;
  resolvedStrings = /* @__PURE__ */ new Map();
  resolvedUnknowns = /* @__PURE__ */ new WeakMap();
  resolvedPartials = /* @__PURE__ */ new Map();
  reachCache;
  /** Resources of a type (case-insensitive); indexed once, so rules can ask per resource. */
  ofType(type) {
    if (!this.typeIndex) {
      this.typeIndex = /* @__PURE__ */ new Map();
      for (const r of this.resources) push2(this.typeIndex, r.type.toLowerCase(), r);
    }
    return this.typeIndex.get(type.toLowerCase()) ?? [];
  }
  /** The declared resource with this key (DeployedResource.key), e.g. the one an unknown value's runtime state comes from. */
  byResourceKey(key2) {
    const found = this.byKey.get(key2);
    return found && preferDeployed(found, void 0);
  }
  /** The declared resource with this id (scope compared when both sides know it). */
  find(id) {
    const exact = this.byKey.get(resourceKey(id));
    if (exact) return preferDeployed(exact, void 0);
    const candidates = this.byRelative.get(relativeKey(id));
    return candidates && preferDeployed(candidates, id.scope);
  }
  /** What an id value (string or partially known string) points at. Answers are remembered. */
  resolve(v) {
    return this.asPart(this.resolveRemembered(v));
  }
  parts = /* @__PURE__ */ new WeakMap();
  /**
   * An `existing` declaration of a part of a resource this deployment deploys (Bicep's
   * `resource collectorSubnet 'subnets' existing` nested in the virtual network it declares, or
   * `'ipConfigurations' existing` in a NIC, used as `vnet::collectorSubnet.id`) only names that
   * part: what the part is comes from the deployed resource's declaration (its inline subnets,
   * IP configurations, frontends), as for the same id written as a string. Such an id resolves
   * to that part. An `existing` child of an `existing` resource stays what it is. (dependsOn
   * entries are resolved without this: they name declarations.)
   */
  asPart(r) {
    if (!(r instanceof ResourceResolution) || !r.resource.existing) return r;
    const known3 = this.parts.get(r);
    if (known3) return known3;
    let out = r;
    const id = r.id;
    for (let depth = id.types.length - 1; depth >= 1; depth--) {
      const owner = this.find(truncateId(id, depth));
      if (!owner) continue;
      if (!owner.existing) {
        const subTypes = id.types.slice(depth);
        const subNames = id.names.slice(depth);
        out = { kind: "sub", resource: owner, id, subTypes, subNames, entry: findInline(owner, subTypes, subNames) };
      }
      break;
    }
    this.parts.set(r, out);
    return out;
  }
  resolveRemembered(v) {
    if (v === void 0) return { kind: "none", value: null };
    if (typeof v === "string") {
      let r = this.resolvedStrings.get(v);
      if (!r) {
        r = this.resolveUncached(v);
        this.resolvedStrings.set(v, r);
      }
      return r;
    }
    if (v instanceof Unknown) {
      let r = this.resolvedUnknowns.get(v);
      if (!r) {
        r = this.resolvePartial(v);
        this.resolvedUnknowns.set(v, r);
      }
      return r;
    }
    return this.resolveUncached(v);
  }
  /**
   * Equal partially known ids are separate values (one per resourceId() call: each keeps the
   * reason at its own call), so their answer is also remembered by their text and symbols.
   */
  resolvePartial(v) {
    const key2 = partialKey(v);
    let r = key2 === void 0 ? void 0 : this.resolvedPartials.get(key2);
    if (!r) {
      r = this.resolveUncached(v);
      if (key2 !== void 0 && r.kind !== "none") this.resolvedPartials.set(key2, r);
    }
    return r;
  }
  /**
   * resolve() without remembering the value itself: a dependsOn entry is resolved once, when the
   * edges are built, and is a value no rule reads, so remembering it (an entry per value in the
   * identity cache) would only keep memory; an answer is remembered by key only (see partialKey),
   * once for all equal ids. Resolution is deterministic, so an answer given here is the one
   * resolve() would give.
   */
  resolveUnremembered(v) {
    if (typeof v === "string") return this.resolvedStrings.get(v) ?? this.resolveUncached(v);
    if (!(v instanceof Unknown)) return this.resolveUncached(v);
    return this.resolvedUnknowns.get(v) ?? this.resolvePartial(v);
  }
  resolveUncached(v) {
    const id = parseResourceId(v);
    if (!id) return { kind: "none", value: v };
    for (let depth = id.types.length; depth >= 1; depth--) {
      const r = this.find(truncateId(id, depth));
      if (!r) continue;
      if (depth === id.types.length) return new ResourceResolution(r, v);
      const subTypes = id.types.slice(depth);
      const subNames = id.names.slice(depth);
      return { kind: "sub", resource: r, id, subTypes, subNames, entry: findInline(r, subTypes, subNames) };
    }
    return { kind: "external", id };
  }
  /**
   * A dependsOn entry that names a resource of another template: ARM rejects the deployment
   * ("The resource '...' is not defined in the template"). Said with the deployment to depend on
   * when the resource is deployed by a nested deployment of this template.
   */
  reportCrossTemplate(from, target, span) {
    if (!this.diagnostics) return;
    let deployer;
    for (let u = target.unit; u.parent; u = u.parent.unit) {
      if (u.parent.unit === from.unit) {
        deployer = u.parent;
        break;
      }
    }
    const what = `${target.type}/${typeof target.name === "string" ? target.name : target.displayName}`;
    const fix = deployer ? `it is deployed by the nested deployment '${deployer.displayName}': depend on that deployment instead` : "it is deployed by another template";
    this.diagnostics.add({
      code: "invalid-template",
      message: `dependsOn names '${what}', which is not a resource of this template; ARM resolves dependsOn only among the template's own resources and rejects the deployment ("The resource '${what}' is not defined in the template"): ${fix}.`,
      span
    });
  }
  /** All reference edges (ids in properties), parent/child and dependsOn edges. Computed once. */
  edges() {
    if (this.edgeCache) return this.edgeCache;
    const order = this.ordering();
    const out = [];
    const walk = new ReferenceWalk();
    this.resources.forEach((r, i) => {
      let k = order.start[i];
      const end = order.start[i + 1];
      if (r.parent) out.push(orderEdge(r, order, k++));
      this.collectReferences(r, r.body, walk, out);
      for (; k < end; k++) out.push(orderEdge(r, order, k));
    });
    this.edgeCache = out;
    return out;
  }
  /**
   * The edges from resources[i], in the order edges() gives them, made now and not kept: what
   * prints a graph takes them one resource at a time, so a deployment whose loops depend on
   * loops (count x count edges) is never held as edge objects all at once.
   */
  edgesAt(i) {
    const r = this.resources[i];
    const order = this.ordering();
    const out = [];
    let k = order.start[i];
    const end = order.start[i + 1];
    if (r.parent) out.push(orderEdge(r, order, k++));
    this.collectReferences(r, r.body, new ReferenceWalk(), out);
    for (; k < end; k++) out.push(orderEdge(r, order, k));
    return out;
  }
  /** Resolves every dependsOn entry (filling unresolvedDependsOn and reporting what ARM rejects). */
  resolveDependsOn() {
    this.ordering();
  }
  /**
   * Parent/child and dependsOn edges: what orders a deployment (an id in a property orders
   * nothing). Computed once, without walking every resource's values for ids as edges() does.
   */
  orderEdges() {
    const order = this.ordering();
    const out = [];
    this.resources.forEach((r, i) => {
      for (let k = order.start[i]; k < order.start[i + 1]; k++) out.push(orderEdge(r, order, k));
    });
    return out;
  }
  /** Calls `f(from, to)` for every order edge (see orderEdges), without making edge objects. */
  forEachOrderEdge(f) {
    const order = this.ordering();
    this.resources.forEach((r, i) => {
      for (let k = order.start[i]; k < order.start[i + 1]; k++) f(r, order.targets[k]);
    });
  }
  orderCache;
  /**
   * Set when the order edges were cut at maxOrderEdges (what was reported then): a resource may
   * then depend on another with no path found between them, so "does not depend on" cannot be
   * said for certain.
   */
  get orderCut() {
    return this.cut;
  }
  get orderIncomplete() {
    return this.cut !== void 0;
  }
  cut;
  /** Stops keeping order edges, saying so once, at the dependsOn entry where the limit was reached. */
  cutOrder(span) {
    if (this.cut) return;
    this.cut = {
      code: "limit-exceeded",
      message: `More than ${this.maxOrderEdges} dependency edges (a dependsOn on a copy loop is an edge to each of its instances); the rest are not followed, so what depends on what is not known for certain (limit maxGraphEdges).`,
      span
    };
    this.diagnostics?.add(this.cut);
  }
  /**
   * The order edges as targets, kept compactly (a large deployment has tens of thousands): those
   * of resource i are at [start[i], start[i + 1]), each with the dependsOn entry that made it
   * (undefined for the parent edge, which comes first).
   */
  ordering() {
    if (this.orderCache) return this.orderCache;
    const targets = [];
    const entries = [];
    const start = new Int32Array(this.resources.length + 1);
    this.resources.forEach((r, i) => {
      start[i] = targets.length;
      if (r.parent) {
        targets.push(r.parent);
        entries.push(void 0);
      }
      for (const d of r.dependsOn) {
        if (targets.length >= this.maxOrderEdges) {
          this.cutOrder(d.span);
          break;
        }
        this.crossTemplate = void 0;
        const found = this.resolveDependencies(r, d.value);
        d.target = found[0];
        for (const target of found) {
          targets.push(target);
          entries.push(d);
        }
        if (found.length === 0) {
          if (this.namesNotDeployed(r, d.value)) d.notDeployed = true;
          else {
            this.unresolvedDependsOn.push({ from: r, value: d.value, span: d.span });
            if (this.crossTemplate) this.reportCrossTemplate(r, this.crossTemplate, d.span);
            else if (this.namesNothing(r, d.value)) this.reportNotDefined(d.value, d.span);
          }
        }
      }
      for (const d of r.implicitDependencies) {
        if (!d.target || d.target === r || targets.lastIndexOf(d.target) >= start[i]) continue;
        targets.push(d.target);
        entries.push(d);
      }
    });
    start[this.resources.length] = targets.length;
    this.orderCache = { targets, entries, start };
    this.reportCycles(this.orderCache);
    return this.orderCache;
  }
  /**
   * Ids in a resource's values become reference edges. The way down is kept on stacks (property
   * name or index, the object or array holding it, the property's position): most values are not
   * ids, so the path text and the span are made only for a value that makes an edge. The span is
   * the one its ObjectValue entry derives and remembers; deriving spans for every property of every
   * resource would keep them all alive, and a closure per property visited cost tens of MB of
   * garbage on a large repository.
   */
  collectReferences(from, v, walk, out) {
    if (typeof v === "string" || v instanceof Unknown && v.parts) {
      if (typeof v === "string" && !v.startsWith("/")) return;
      const res = this.resolve(v);
      if (res.kind === "resource" || res.kind === "sub") {
        if (res.resource === from && res.kind === "resource") return;
        const sub = res.kind === "sub" ? res.subTypes.flatMap((t, i) => [t, segmentText(res.subNames[i]) ?? "?"]) : void 0;
        out.push({ from, to: res.resource, sub, path: pathText(walk.path), span: walk.span(from), kind: "reference" });
      }
      return;
    }
    if (v instanceof ObjectValue) {
      for (let i = 0; i < v.size; i++) {
        walk.push(v.keyAt(i), v, i);
        this.collectReferences(from, v.valueAt(i), walk, out);
        walk.pop();
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        walk.push(i, v, i);
        this.collectReferences(from, v[i], walk, out);
        walk.pop();
      }
    }
  }
  /** dependsOn entries: a resource id, "type/name", a plain name, a copy loop name, or a symbolic name. */
  resolveDependencies(from, v) {
    if (typeof v === "string") {
      const idx = this.symbolIndex(from);
      const bySymbol = idx.bySymbol.get(v) ?? [];
      if (bySymbol.length > 1) return bySymbol;
      const m = /^(.+)\[(\d+)\]$/.exec(v);
      if (m && bySymbol.length === 0) {
        const at2 = Number(m[2]);
        const exact = (idx.bySymbol.get(m[1]) ?? []).filter((r) => r.copy?.name === m[1] && r.copy?.index === at2);
        if (exact.length) return exact;
      }
    } else if (v instanceof Unknown && typeof v.parts?.[0] === "string" && v.parts[0].endsWith("[")) {
      const symbol = v.parts[0].slice(0, -1);
      const instances = this.symbolIndex(from).bySymbol.get(symbol);
      if (instances) {
        const index2 = v.parts.length === 3 && v.parts[2] === "]" ? v.parts[1] : void 0;
        if (!(index2 instanceof Unknown)) return [];
        return index2.symbol === REPRESENTATIVE_INDEX ? instances.filter((r) => r.copy?.name === symbol && r.copy.index === void 0) : [];
      }
    }
    const one = this.resolveDependency(from, v);
    if (one) return [one];
    if (typeof v !== "string") return [];
    return this.symbolIndex(from).byCopy.get(v.toLowerCase()) ?? [];
  }
  resolveDependency(from, v) {
    const res = this.resolveUnremembered(v);
    if (res.kind === "resource") return this.inTemplateOf(from, res.resource);
    if (typeof v !== "string") {
      if (v instanceof Unknown && (v.parts || v.symbol !== void 0)) {
        const id = v.parts ? parseResourceId(v) : void 0;
        if (id) {
          const found = this.find(id);
          return found && this.inTemplateOf(from, found);
        }
        const key3 = v.parts ? typedNameKey(v) : segmentKey([v]);
        if (!key3) return void 0;
        const idx2 = this.nameIndex(from);
        const byName = idx2.byNameKey.get(key3) ?? [];
        return idx2.byTypedKey.get(key3) ?? (byName.length === 1 ? byName[0] : void 0);
      }
      return void 0;
    }
    const bySymbol = this.symbolIndex(from).bySymbol.get(v)?.[0];
    if (bySymbol) return bySymbol;
    const idx = this.nameIndex(from);
    const lower3 = v.toLowerCase();
    const key2 = typedNameKey(v);
    const typed = key2 === void 0 ? void 0 : idx.byTypedKey.get(key2);
    if (typed) return typed;
    const named = idx.byName.get(lower3) ?? [];
    if (named.length === 1) return named[0];
    const short = idx.byShortName.get(lower3) ?? [];
    return short.length === 1 ? short[0] : void 0;
  }
  /**
   * The resource an id names among those of `from`'s own template. ARM resolves dependsOn only
   * there: a resource that a nested deployment (or the parent template) deploys is "not defined
   * in the template"; the deployment that deploys it is what a dependsOn can name. Such an entry
   * is remembered (crossTemplateDependsOn) and orders nothing.
   */
  inTemplateOf(from, r) {
    if (r.unit === from.unit) return r;
    const same = this.byKey.get(r.key)?.find((x) => x.unit === from.unit);
    if (same) return same;
    this.crossTemplate = r;
    return void 0;
  }
  /** Set by inTemplateOf: the resource of another template the last dependsOn entry named. */
  crossTemplate;
  symbolIndexes = /* @__PURE__ */ new Map();
  nameIndexes = /* @__PURE__ */ new Map();
  /** The resources of one template (deployment unit) by symbolic name and copy loop name; built once. */
  symbolIndex(from) {
    let idx = this.symbolIndexes.get(from.unit);
    if (idx) return idx;
    idx = { bySymbol: /* @__PURE__ */ new Map(), byCopy: /* @__PURE__ */ new Map() };
    for (const r of this.resources) {
      if (r.unit !== from.unit) continue;
      if (r.symbolicName !== void 0) push2(idx.bySymbol, r.symbolicName, r);
      if (r.copy) push2(idx.byCopy, r.copy.name.toLowerCase(), r);
    }
    this.symbolIndexes.set(from.unit, idx);
    return idx;
  }
  /**
   * The resources of one template by the other names dependsOn may use ("type/name", a name, a
   * child's own name). Built once, and only when an entry is neither a declared resource's id nor
   * a symbolic name: it makes several keys per resource.
   */
  nameIndex(from) {
    let idx = this.nameIndexes.get(from.unit);
    if (idx) return idx;
    idx = { byTypedKey: /* @__PURE__ */ new Map(), byNameKey: /* @__PURE__ */ new Map(), byName: /* @__PURE__ */ new Map(), byShortName: /* @__PURE__ */ new Map() };
    for (const r of this.resources) {
      if (r.unit !== from.unit) continue;
      for (const k of [typedNameKeyOf(r), relativeKey(r.id)]) if (!idx.byTypedKey.has(k)) idx.byTypedKey.set(k, r);
      push2(idx.byNameKey, nameKeyOf(r), r);
      const text = nameText(r.name)?.toLowerCase();
      if (text !== void 0) push2(idx.byName, text, r);
      const own2 = r.id.types.length > 1 ? segmentText(r.id.names[r.id.names.length - 1]) : void 0;
      if (own2 !== void 0) push2(idx.byShortName, own2.toLowerCase(), r);
    }
    this.nameIndexes.set(from.unit, idx);
    return idx;
  }
  /**
   * Whether a dependsOn entry that resolved to nothing certainly names nothing ARM could find in
   * `from`'s template: a known text that is no resource's name, own (child) name, "type/name" or
   * id without its scope. Not for a text with an empty segment, nor when a resource of the template has a name known only at
   * deployment (the entry may be that name), nor for a name two resources share, nor for an id
   * of a declared type and name in a scope written differently (the deployment's own scope may
   * be the one written): those are not certain.
   */
  namesNothing(from, v) {
    if (v instanceof Unknown) {
      const id2 = v.parts ? parseResourceId(v) : void 0;
      if (!id2 || !id2.names.every((n) => segmentText(n) !== void 0 && segmentText(n) !== "")) return false;
      if (!this.allNamesKnown(from)) return false;
      return !this.nameIndex(from).byTypedKey.has(relativeKey(id2));
    }
    if (typeof v !== "string" || v === "" || v.indexOf("//", 1) >= 0) return false;
    if (!this.allNamesKnown(from)) return false;
    const idx = this.nameIndex(from);
    const lower3 = v.toLowerCase();
    if (idx.byName.has(lower3) || idx.byShortName.has(lower3)) return false;
    const id = parseResourceId(v);
    if (id) return !idx.byTypedKey.has(relativeKey(id));
    const key2 = typedNameKey(v);
    return key2 === void 0 || !idx.byTypedKey.has(key2);
  }
  /** Whether every resource of `from`'s template has a known name (a name known only at deployment may be any entry's). */
  allNamesKnown(from) {
    for (const r of this.resources) if (r.unit === from.unit && typeof r.name !== "string") return false;
    return true;
  }
  /**
   * Resources that depend on each other in a cycle (dependsOn entries, reference() / list*() by
   * name): ARM rejects the template. Reported once per cycle, at the entry that closes it. Only
   * what is certain counts: a resource deployed whatever the parameters (not one whose condition
   * is known only at deployment, not `existing`, not the one instance standing for a loop whose
   * count is unknown), and an edge ARM itself makes (not the parent edge: ARM does not order a
   * child after its parent unless dependsOn says so). A Bicep file's cycles are the compiler's
   * (BCP080, reported where it is lowered), so its resources are left out here.
   */
  reportCycles(order) {
    if (!this.diagnostics) return;
    const counts = (r) => r.state === "deployed" && !r.existing && !(r.copy && r.copy.index === void 0) && r.unit.file.kind !== "bicep";
    const position = /* @__PURE__ */ new Map();
    this.resources.forEach((r, i) => {
      if (counts(r)) position.set(r, i);
    });
    const edgesOf = (i) => {
      const out = [];
      if (!position.has(this.resources[i])) return out;
      for (let k = order.start[i]; k < order.start[i + 1]; k++) {
        const d = order.entries[k];
        const j = position.get(order.targets[k]);
        if (d && j !== void 0) out.push([j, d]);
      }
      return out;
    };
    if (acyclic(this.resources, order, position)) return;
    for (const c of cyclesOf(this.resources.length, edgesOf)) {
      const cycle = c.nodes.map((i) => this.resources[i]);
      const names = [...cycle, cycle[0]].map((r) => `'${r.displayName}'`).join(" -> ");
      const last = cycle[cycle.length - 1];
      const what = `${last.type}/${typeof last.name === "string" ? last.name : last.displayName}`;
      this.diagnostics.add({
        code: "invalid-template",
        message: `The resources depend on each other in a cycle: ${names} (each depends on the next through dependsOn, or a reference() or list*() call by name); ARM rejects the deployment ("Circular dependency detected on resource: '${what}'"): remove one of these dependencies.`,
        span: c.closing.span
      });
    }
  }
  /** A dependsOn entry that names no resource of its template: ARM rejects the deployment. */
  reportNotDefined(value, span) {
    const id = typeof value === "string" ? void 0 : parseResourceId(value);
    const v = typeof value === "string" ? value : id ? [id.namespace, ...id.types.flatMap((t, i) => [t, segmentText(id.names[i]) ?? "?"])].join("/") : "?";
    this.diagnostics?.add({
      code: "invalid-template",
      message: `dependsOn names '${v}', which is not a resource of this template; ARM rejects the deployment ("The resource '${v}' is not defined in the template"): name a resource the template declares (by its name, symbolic name, copy loop name or resourceId()), or remove the entry.`,
      span
    });
  }
  /** The declaration whose condition is false that an id names (the same scope, type and names), if any. */
  notDeployedAt(id) {
    const key2 = resourceKey(id);
    return this.notDeployed.find((n) => resourceKey(n.id) === key2);
  }
  /** Does a dependsOn entry name a declaration whose condition is false? */
  namesNotDeployed(from, v) {
    const id = parseResourceId(v);
    const key2 = typedNameKey(v);
    return this.notDeployed.some((n) => {
      if (n.unit !== from.unit) return false;
      if (n.symbolicName !== void 0 && typeof v === "string" && (v === n.symbolicName || v.startsWith(`${n.symbolicName}[`))) return true;
      if (id) return relativeKey(n.id) === relativeKey(id);
      const names = n.id.names.map(segmentKey).join("/");
      return key2 === names || key2 === `${n.type.toLowerCase()}/${names}` || key2 === relativeKey(n.id);
    });
  }
  /**
   * The path of edges (dependsOn, references, parent) from `from` to `to`, if any. For each target
   * the resources that reach it are found once (a breadth-first search backwards from it), so a
   * rule may ask for every VM of a large deployment.
   */
  dependsOnTransitively(from, to) {
    this.reachCache ??= /* @__PURE__ */ new Map();
    let next = this.reachCache.get(to);
    if (!next) {
      next = this.reaching(to);
      this.reachCache.set(to, next);
    }
    if (from === to) return [];
    if (!next.has(from)) return void 0;
    const path11 = [];
    for (let c = from; c !== to; ) {
      const e = next.get(c);
      path11.push(e);
      c = e.to;
    }
    return path11;
  }
  /** Every resource that reaches `to`, with the first edge of a shortest path towards it. */
  reaching(to) {
    const incoming = /* @__PURE__ */ new Map();
    for (const e of this.edges()) push2(incoming, e.to, e);
    const next = /* @__PURE__ */ new Map();
    const queue = [to];
    const seen = /* @__PURE__ */ new Set([to]);
    for (let i = 0; i < queue.length; i++) {
      const cur = queue[i];
      for (const e of incoming.get(cur) ?? []) {
        if (seen.has(e.from)) continue;
        seen.add(e.from);
        next.set(e.from, e);
        queue.push(e.from);
      }
    }
    return next;
  }
  describe(id) {
    return formatId(id);
  }
};
function partialKey(v) {
  const parts = v.parts;
  if (!parts) return void 0;
  let key2 = "";
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (typeof p === "string") key2 += `t${p.length}:${p}`;
    else if (p.symbol !== void 0 && !p.parts) key2 += `s${p.symbol.length}:${p.symbol}`;
    else return void 0;
  }
  return key2;
}
function acyclic(resources, order, position) {
  const n = resources.length;
  const indegree = new Int32Array(n);
  const target = (k) => order.entries[k] === void 0 ? -1 : position.get(order.targets[k]) ?? -1;
  let counted = 0;
  for (let i = 0; i < n; i++) {
    if (!position.has(resources[i])) continue;
    counted++;
    for (let k = order.start[i]; k < order.start[i + 1]; k++) {
      const j = target(k);
      if (j >= 0 && j !== i) indegree[j] = indegree[j] + 1;
    }
  }
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0 && position.has(resources[i])) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = queue[head];
    for (let k = order.start[i]; k < order.start[i + 1]; k++) {
      const j = target(k);
      if (j >= 0 && j !== i && (indegree[j] = indegree[j] - 1) === 0) queue[tail++] = j;
    }
  }
  return tail === counted;
}
function orderEdge(from, order, k) {
  const to = order.targets[k];
  const d = order.entries[k];
  if (d === void 0) return { from, to, sub: void 0, path: "(parent)", span: from.nameSpan, kind: "parent" };
  return { from, to, sub: void 0, path: d.implicit ? "(reference)" : "dependsOn", span: d.span, kind: "dependsOn" };
}
var ResourceResolution = class {
  constructor(resource, value) {
    this.resource = resource;
    this.value = value;
  }
  resource;
  value;
  kind = "resource";
  parsed;
  get id() {
    this.parsed ??= parseResourceId(this.value);
    return this.parsed;
  }
};
var ReferenceWalk = class {
  /** Property names and array indexes from the body down. */
  path = [];
  holders = [];
  positions = [];
  push(key2, holder, position) {
    this.path.push(key2);
    this.holders.push(holder);
    this.positions.push(position);
  }
  pop() {
    this.path.pop();
    this.holders.pop();
    this.positions.pop();
  }
  /** The span of the value reached: its own, else the nearest enclosing value's, else the resource's. */
  span(from) {
    for (let j = this.holders.length - 1; j >= 0; j--) {
      const holder = this.holders[j];
      const at2 = this.positions[j];
      const s = holder instanceof ObjectValue ? holder.spanAt(at2) : elementSpan(holder, at2);
      if (s) return s;
    }
    return from.span;
  }
};
function pathText(path11) {
  if (path11.length === 0) return "(value)";
  const out = [];
  let empty = true;
  for (const p of path11) {
    const piece = typeof p === "number" ? `[${p}]` : empty ? p : `.${p}`;
    out.push(piece);
    if (piece !== "") empty = false;
  }
  return out.join("");
}
function push2(m, k, v) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
function typedNameKey(v) {
  const segs = splitSegments(v);
  return segs ? segs.map(segmentKey).join("/") : void 0;
}
function nameKeyOf(r) {
  return r.id.names.map(segmentKey).join("/");
}
function typedNameKeyOf(r) {
  return `${r.type.toLowerCase()}/${nameKeyOf(r)}`;
}
function nameText(v) {
  return typeof v === "string" ? v : void 0;
}
function preferDeployed(list, scope) {
  let existing;
  for (const r of list) {
    if (scope && !scopesCompatible(r.id.scope, scope)) continue;
    if (!r.existing) return r;
    existing ??= r;
  }
  return existing;
}
function scopesCompatible(a, b) {
  return sameScope(a, b) !== false;
}
function findInline(r, types, names) {
  let cur = { value: r.body, span: r.span };
  for (let i = 0; i < types.length; i++) {
    const want = segmentKey(names[i]);
    const list = at(cur, "properties", types[i]);
    const match = elements(list).find((el) => {
      const n = at(el, "name").value;
      return typeof n === "string" && n.toLowerCase() === want;
    });
    if (!match) return void 0;
    cur = match;
  }
  return cur;
}

// src/engine/analyze.ts
function diagnosticsNow(a) {
  const all = a.deployed.diagnostics;
  return all.length === a.deployedSeen ? a.diagnostics : [...a.diagnostics, ...all.slice(a.deployedSeen)];
}
function bicepHost(root, limits = DEFAULT_LIMITS) {
  return {
    root,
    depth: limits.maxDeploymentDepth,
    limits,
    env: process.env,
    read(absPath) {
      if (!isInsideRoot(absPath, root)) return { error: `'${absPath}' is outside the folder being linted` };
      const r = readSourceInside(absPath, extensionOf(absPath) === "bicep" ? "bicep" : "other", root, limits);
      return r.ok ? r.source : { error: r.diagnostic.message };
    },
    readBytes(absPath) {
      if (!isInsideRoot(absPath, root)) return { error: `'${absPath}' is outside the folder being linted` };
      return readBytesInside(absPath, root, limits);
    },
    listFiles(absDir) {
      if (!isInsideRoot(absDir, root)) return { error: `'${absDir}' is outside the folder being linted` };
      return listFilesInside(absDir, root);
    }
  };
}
function suppliedFromFiles(templatePath, opts2, sink, associated) {
  const parameters = /* @__PURE__ */ new Map();
  const assoc = associated ? associatedParameterFile(templatePath) : void 0;
  if (assoc) readParameterFile(assoc, parameters, sink, { root: opts2.root, limits: opts2.limits, belongs: true });
  readGivenParameterFiles(opts2, parameters, sink);
  return parameters;
}
function readGivenParameterFiles(opts2, parameters, sink) {
  if (opts2.mappedParameterFile) readParameterFile(opts2.mappedParameterFile, parameters, sink, { root: opts2.root, limits: opts2.limits });
  for (const f of opts2.parameterFiles ?? []) readParameterFile(f, parameters, sink, { limits: opts2.limits });
  cliParameters({ ...opts2.params ?? {} }, parameters);
}
function deployTemplate(source, root, span, parameters, opts2) {
  const limits = opts2.limits ?? DEFAULT_LIMITS;
  return deployFile(
    source,
    { root, span },
    { deployment: opts2.deployment, parameters, root: opts2.root, maxResources: limits.maxResources, maxDeploymentDepth: limits.maxDeploymentDepth, maxDeployments: limits.maxDeployments, limits: budgetLimits(limits), fileLimits: limits }
  );
}
function finish2(source, root, span, language, parameters, opts2, earlier, pragmas, generatedFromBicep, declaredModules = []) {
  const deployed = deployTemplate(source, root, span, parameters, opts2);
  const graph = new ResourceGraph(deployed.resources, deployed.notDeployed, { add: (d) => deployed.diagnostics.push(d) }, (opts2.limits ?? DEFAULT_LIMITS).maxGraphEdges);
  return {
    kind: "template",
    source,
    language,
    generatedFromBicep,
    deployed,
    graph,
    diagnostics: [...earlier, ...deployed.diagnostics],
    deployedSeen: deployed.diagnostics.length,
    pragmas,
    declaredModules: deployed.linkedTemplates.length === 0 ? declaredModules : [...declaredModules, ...deployed.linkedTemplates]
  };
}
function bicepDeployment(file, opts2) {
  return extensionOf(file) === "bicepparam" ? bicepParamsDeployment(file, opts2) : bicepFileDeployment(file, opts2);
}
function bicepFileDeployment(file, opts2) {
  const read = readSourceInside(file, "bicep", opts2.root, opts2.limits);
  if (!read.ok) return { kind: "broken", diagnostics: [read.diagnostic] };
  const t = loadBicepTemplate(read.source, bicepHost(opts2.root, opts2.limits));
  if (!t.root) return { kind: "broken", diagnostics: t.diagnostics };
  const sink = new DiagnosticSink();
  const parameters = suppliedFromFiles(file, opts2, sink, false);
  return { kind: "template", source: read.source, root: t.root, span: t.span, language: "bicep", parameters, diagnostics: [...t.diagnostics, ...sink.items], pragmas: t.pragmas, modules: t.modules };
}
function bicepParamsDeployment(file, opts2) {
  const read = readSourceInside(file, "bicepparam", opts2.root, opts2.limits);
  if (!read.ok) return { kind: "broken", diagnostics: [read.diagnostic] };
  const host = bicepHost(opts2.root, opts2.limits);
  const p = loadBicepParams(read.source, host);
  if (!p.templatePath) {
    if (p.diagnostics.length) return { kind: "broken", diagnostics: p.diagnostics };
    if (!p.hasUsing) return { kind: "broken", diagnostics: [{ code: "invalid-template", message: "the file names no template: add a 'using' statement ('using none' for a file other parameters files extend)", span: new TextSpan(read.source, 0, 0) }] };
    return { kind: "skipped" };
  }
  const tRead = host.read(p.templatePath);
  if ("error" in tRead) {
    const at2 = p.usingSpan ?? new TextSpan(read.source, 0, 0);
    return { kind: "broken", diagnostics: [...p.diagnostics, { code: "invalid-template", message: unreadFileMessage("template", writtenPath(file, p.templatePath), tRead.error), span: at2 }] };
  }
  const isJson = extensionOf(p.templatePath) === "json";
  const sink = new DiagnosticSink();
  const parameters = assignedValues(p, opts2, sink);
  readGivenParameterFiles(opts2, parameters, sink);
  if (isJson) {
    const loaded = loadJson(tRead, opts2.limits);
    if (!loaded.root) return { kind: "broken", diagnostics: [...p.diagnostics, ...loaded.diagnostics] };
    const mismatched2 = isTObject(loaded.root) ? checkAssignments(p, own(loaded.root, "parameters"), loaded.root) : checkAssignments(p, void 0);
    return { kind: "template", source: tRead, root: loaded.root, span: loaded.span, language: "arm", parameters, diagnostics: [...p.diagnostics, ...mismatched2, ...sink.items, ...loaded.diagnostics], pragmas: [], modules: [] };
  }
  const t = loadBicepTemplate(tRead, host);
  if (!t.root) return { kind: "broken", diagnostics: [...p.diagnostics, ...t.diagnostics] };
  const mismatched = checkAssignments(p, own(t.root, "parameters"), isTObject(t.root) ? t.root : void 0);
  return { kind: "template", source: tRead, root: t.root, span: t.span, language: "bicep", parameters, diagnostics: [...p.diagnostics, ...mismatched, ...sink.items, ...t.diagnostics], pragmas: t.pragmas, modules: t.modules };
}
function assignedValues(p, opts2, sink) {
  const parameters = p.base && p.base !== "unread" ? assignedValues(p.base, opts2, sink) : /* @__PURE__ */ new Map();
  const valueScope = new TemplateScope(p.scope, new TextSpan(p.source, 0, p.source.text.length), {
    deployment: opts2.deployment,
    diagnostics: sink,
    budget: new Budget(budgetLimits(opts2.limits ?? DEFAULT_LIMITS))
  });
  for (const [name, v] of p.values) {
    for (const k of parameters.keys()) if (k.toLowerCase() === name.toLowerCase()) parameters.delete(k);
    parameters.set(name, { value: valueScope.parameterInfo(name)?.value ?? valueScope.evaluateNode(v.node, v.span), span: v.span, typeChecked: true });
  }
  return parameters;
}
function analyzeBicep(file, opts2) {
  const d = bicepDeployment(file, opts2);
  if (d.kind !== "template") return d;
  return finish2(d.source, d.root, d.span, d.language, d.parameters, opts2, d.diagnostics, d.pragmas, false, d.modules);
}
function analyzeFile(file, opts2) {
  clearParseCache();
  const ext = extensionOf(file);
  if (ext === "bicep" || ext === "bicepparam") return analyzeBicep(file, opts2);
  const read = readSourceInside(file, "arm", opts2.root, opts2.limits);
  if (!read.ok) return opts2.explicit || ext === "json" || ext === "jsonc" ? { kind: "broken", diagnostics: [read.diagnostic] } : { kind: "skipped" };
  const source = read.source;
  const loaded = loadJson(source, opts2.limits);
  if (!loaded.root) {
    const ours = opts2.explicit || looksLikeTemplateText(source.text) || looksLikeParametersText(source.text);
    return ours ? { kind: "broken", diagnostics: loaded.diagnostics } : { kind: "skipped" };
  }
  const kind = classifyJson(loaded.root);
  if (kind === "parameters") return { kind: "parameters" };
  if (kind !== "template") return { kind: "skipped" };
  if (opts2.skipGeneratedFromBicep && isGeneratedFromBicep(loaded.root)) return { kind: "skipped" };
  const sink = new DiagnosticSink();
  const parameters = suppliedFromFiles(source.path, opts2, sink, true);
  return finish2(source, loaded.root, loaded.span, "arm", parameters, opts2, [...loaded.diagnostics, ...sink.items], [], isGeneratedFromBicep(loaded.root));
}
function isGeneratedFromBicep(root) {
  if (typeof root !== "object" || root === null || Array.isArray(root)) return false;
  const meta = Object.prototype.hasOwnProperty.call(root, "metadata") ? root.metadata : void 0;
  if (typeof meta !== "object" || meta === null) return false;
  const gen = meta._generator;
  return typeof gen === "object" && gen !== null && gen.name === "bicep";
}

// src/engine/related.ts
function distinctRelated(list) {
  if (list.length < 2) return list;
  const seen = /* @__PURE__ */ new Set();
  return list.filter((r) => {
    const key2 = `${r.span.identity()}\0${r.message}`;
    if (seen.has(key2)) return false;
    seen.add(key2);
    return true;
  });
}

// src/engine/config.ts
var import_node_fs3 = require("node:fs");
var import_node_path9 = __toESM(require("node:path"), 1);

// src/engine/config-validator.generated.js
var import_ucs2length = __toESM(require_ucs2length(), 1);
var config_validator_generated_default = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/vtaplint/vtaplint/raw/main/schema/vtaplint.config.schema.json", "title": "vtaplint configuration (vtaplint.config.json)", "type": "object", "additionalProperties": false, "properties": { "$schema": { "type": "string" }, "rules": { "description": "Level per rule id: off, note, warning or error.", "type": "object", "additionalProperties": { "oneOf": [{ "enum": ["off", "note", "warning", "error"] }, { "type": "object", "additionalProperties": false, "required": ["level"], "properties": { "level": { "enum": ["off", "note", "warning", "error"] } } }] } }, "tags": { "description": `Level for every rule that carries a tag, e.g. {"temporary": "off"}. A rule's own setting wins.`, "type": "object", "additionalProperties": { "enum": ["off", "note", "warning", "error"] } }, "regions": { "description": "Override the vTAP region lists (Azure changes them).", "type": "object", "additionalProperties": false, "properties": { "supported": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "comingSoon": { "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "deployment": { "description": "Where the templates are deployed: makes resourceGroup().location, subscription().subscriptionId, ... known.", "type": "object", "additionalProperties": false, "properties": { "location": { "type": "string", "minLength": 1 }, "subscriptionId": { "type": "string", "minLength": 1 }, "resourceGroup": { "type": "string", "minLength": 1 }, "tenantId": { "type": "string", "minLength": 1 }, "managementGroup": { "type": "string", "minLength": 1 } } }, "ignore": { "description": "Glob patterns (relative to the config file) of files not to lint, read in order: a pattern starting with ! takes back what the patterns before it matched; a pattern ending with / is the whole folder.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "suppressions": { "description": "Findings to suppress from outside the templates. Suppressed findings stay in SARIF (suppressions[] of kind external) and do not count for the exit code. An expired or unused suppression, or one without a reason, is reported by the rule unused-suppression.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["rule"], "properties": { "rule": { "description": "The rule id to suppress.", "type": "string", "minLength": 1 }, "files": { "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }], "description": "Glob pattern(s), relative to the config file, of the files the suppression applies to (default: all)." }, "resource": { "description": 'Only findings about this resource: its name (or symbolic name), or "<type>/<name>".', "type": "string", "minLength": 1 }, "reason": { "description": "Why the finding is acceptable (SARIF justification).", "type": "string", "minLength": 1 }, "expires": { "description": "Last day (YYYY-MM-DD, UTC) the suppression applies; afterwards the finding is reported again, with an unused-suppression warning.", "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" } } } }, "parameters": { "description": "Parameter files by template: the first entry whose glob matches a template supplies its parameters (after the x.parameters.json beside x.json, before --parameters and -p).", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["files", "parameterFile"], "properties": { "files": { "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }], "description": "Glob pattern(s), relative to the config file, of templates." }, "parameterFile": { "description": "The ARM parameters file (.json) for those templates, relative to the config file.", "type": "string", "minLength": 1 } } } }, "limits": { "description": "vtaplint's own limits on the work one input may cause; hitting one is a limit-exceeded finding naming the key. Raise them for very large templates.", "type": "object", "additionalProperties": false, "properties": { "maxFileBytes": { "description": "Largest file read, in bytes (templates, parameter files, modules, linked templates, load*Content files). Default 41943040 (40 MiB).", "type": "integer", "minimum": 1 }, "maxJsonDepth": { "description": "Deepest nesting of brackets in a file (JSON objects and arrays; Bicep objects, arrays and expressions). Default 512, at most 2048: deeper input would need more stack than a Node.js thread has.", "type": "integer", "minimum": 1, "maximum": 2048 }, "maxExpressionLength": { "description": "Longest ARM expression string, in characters. Default 1048576.", "type": "integer", "minimum": 1 }, "maxExpressionDepth": { "description": "Deepest nesting inside one expression, and of evaluations (variables using variables, user functions calling functions). Default 256.", "type": "integer", "minimum": 1 }, "maxEvaluationSteps": { "description": "Evaluation steps for one template with everything it deploys. Default 10000000.", "type": "integer", "minimum": 1 }, "maxStringLength": { "description": "Longest string an expression may produce. Default 4194304.", "type": "integer", "minimum": 1 }, "maxArrayLength": { "description": "Longest array an expression may produce. Default 100000.", "type": "integer", "minimum": 1 }, "maxObjectSize": { "description": "Most properties an object may get. Default 100000.", "type": "integer", "minimum": 1 }, "maxValueNodes": { "description": "Most elements and properties a value built by an expression may hold through all its levels, a part that appears twice counted twice. Default 1000000.", "type": "integer", "minimum": 1 }, "maxCopyCount": { "description": "Copies analysed per copy loop. Default 800 (ARM's own limit: a larger count is an evaluation-error whatever this says).", "type": "integer", "minimum": 1 }, "maxDeploymentDepth": { "description": "Deepest nesting of nested deployments and Bicep modules. Default 16.", "type": "integer", "minimum": 1 }, "maxDeployments": { "description": "Nested deployments and Bicep module instances analysed for one template with everything it deploys, each copy counted. Default 5000.", "type": "integer", "minimum": 1 }, "maxResources": { "description": "Resources expanded from one template with its nested deployments. Default 50000.", "type": "integer", "minimum": 1 }, "maxGraphEdges": { "description": "Edges (references, parent/child, dependsOn) the graph command prints for one template; a dependsOn on a copy loop is an edge to each instance. Default 500000.", "type": "integer", "minimum": 1 } } } } };
var func2 = Object.prototype.hasOwnProperty;
var func3 = import_ucs2length.default.default ?? import_ucs2length.default;
var pattern0 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.$schema !== void 0) {
      if (typeof data.$schema !== "string") {
        const err1 = { instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.rules !== void 0) {
      let data1 = data.rules;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          let data2 = data1[key1];
          const _errs8 = errors;
          let valid2 = false;
          let passing0 = null;
          const _errs9 = errors;
          if (!(data2 === "off" || data2 === "note" || data2 === "warning" || data2 === "error")) {
            const err2 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.additionalProperties.oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
          var _valid0 = _errs9 === errors;
          if (_valid0) {
            valid2 = true;
            passing0 = 0;
          }
          const _errs10 = errors;
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            if (data2.level === void 0) {
              const err3 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/oneOf/1/required", keyword: "required", params: { missingProperty: "level" }, message: "must have required property 'level'" };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            for (const key2 in data2) {
              if (!(key2 === "level")) {
                const err4 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            }
            if (data2.level !== void 0) {
              let data3 = data2.level;
              if (!(data3 === "off" || data3 === "note" || data3 === "warning" || data3 === "error")) {
                const err5 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/level", schemaPath: "#/properties/rules/additionalProperties/oneOf/1/properties/level/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.additionalProperties.oneOf[1].properties.level.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
          } else {
            const err6 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
          var _valid0 = _errs10 === errors;
          if (_valid0 && valid2) {
            valid2 = false;
            passing0 = [passing0, 1];
          } else {
            if (_valid0) {
              valid2 = true;
              passing0 = 1;
            }
          }
          if (!valid2) {
            const err7 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          } else {
            errors = _errs8;
            if (vErrors !== null) {
              if (_errs8) {
                vErrors.length = _errs8;
              } else {
                vErrors = null;
              }
            }
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.tags !== void 0) {
      let data4 = data.tags;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        for (const key3 in data4) {
          let data5 = data4[key3];
          if (!(data5 === "off" || data5 === "note" || data5 === "warning" || data5 === "error")) {
            const err9 = { instancePath: instancePath + "/tags/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/tags/additionalProperties/enum", keyword: "enum", params: { allowedValues: schema11.properties.tags.additionalProperties.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/tags", schemaPath: "#/properties/tags/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.regions !== void 0) {
      let data6 = data.regions;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        for (const key4 in data6) {
          if (!(key4 === "supported" || key4 === "comingSoon")) {
            const err11 = { instancePath: instancePath + "/regions", schemaPath: "#/properties/regions/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data6.supported !== void 0) {
          let data7 = data6.supported;
          if (Array.isArray(data7)) {
            const len0 = data7.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data8 = data7[i0];
              if (typeof data8 === "string") {
                if (func3(data8) < 1) {
                  const err12 = { instancePath: instancePath + "/regions/supported/" + i0, schemaPath: "#/properties/regions/properties/supported/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
              } else {
                const err13 = { instancePath: instancePath + "/regions/supported/" + i0, schemaPath: "#/properties/regions/properties/supported/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
          } else {
            const err14 = { instancePath: instancePath + "/regions/supported", schemaPath: "#/properties/regions/properties/supported/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data6.comingSoon !== void 0) {
          let data9 = data6.comingSoon;
          if (Array.isArray(data9)) {
            const len1 = data9.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data10 = data9[i1];
              if (typeof data10 === "string") {
                if (func3(data10) < 1) {
                  const err15 = { instancePath: instancePath + "/regions/comingSoon/" + i1, schemaPath: "#/properties/regions/properties/comingSoon/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              } else {
                const err16 = { instancePath: instancePath + "/regions/comingSoon/" + i1, schemaPath: "#/properties/regions/properties/comingSoon/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
          } else {
            const err17 = { instancePath: instancePath + "/regions/comingSoon", schemaPath: "#/properties/regions/properties/comingSoon/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
      } else {
        const err18 = { instancePath: instancePath + "/regions", schemaPath: "#/properties/regions/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.deployment !== void 0) {
      let data11 = data.deployment;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        for (const key5 in data11) {
          if (!(key5 === "location" || key5 === "subscriptionId" || key5 === "resourceGroup" || key5 === "tenantId" || key5 === "managementGroup")) {
            const err19 = { instancePath: instancePath + "/deployment", schemaPath: "#/properties/deployment/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data11.location !== void 0) {
          let data12 = data11.location;
          if (typeof data12 === "string") {
            if (func3(data12) < 1) {
              const err20 = { instancePath: instancePath + "/deployment/location", schemaPath: "#/properties/deployment/properties/location/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/deployment/location", schemaPath: "#/properties/deployment/properties/location/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data11.subscriptionId !== void 0) {
          let data13 = data11.subscriptionId;
          if (typeof data13 === "string") {
            if (func3(data13) < 1) {
              const err22 = { instancePath: instancePath + "/deployment/subscriptionId", schemaPath: "#/properties/deployment/properties/subscriptionId/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
          } else {
            const err23 = { instancePath: instancePath + "/deployment/subscriptionId", schemaPath: "#/properties/deployment/properties/subscriptionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data11.resourceGroup !== void 0) {
          let data14 = data11.resourceGroup;
          if (typeof data14 === "string") {
            if (func3(data14) < 1) {
              const err24 = { instancePath: instancePath + "/deployment/resourceGroup", schemaPath: "#/properties/deployment/properties/resourceGroup/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          } else {
            const err25 = { instancePath: instancePath + "/deployment/resourceGroup", schemaPath: "#/properties/deployment/properties/resourceGroup/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data11.tenantId !== void 0) {
          let data15 = data11.tenantId;
          if (typeof data15 === "string") {
            if (func3(data15) < 1) {
              const err26 = { instancePath: instancePath + "/deployment/tenantId", schemaPath: "#/properties/deployment/properties/tenantId/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          } else {
            const err27 = { instancePath: instancePath + "/deployment/tenantId", schemaPath: "#/properties/deployment/properties/tenantId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
        if (data11.managementGroup !== void 0) {
          let data16 = data11.managementGroup;
          if (typeof data16 === "string") {
            if (func3(data16) < 1) {
              const err28 = { instancePath: instancePath + "/deployment/managementGroup", schemaPath: "#/properties/deployment/properties/managementGroup/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          } else {
            const err29 = { instancePath: instancePath + "/deployment/managementGroup", schemaPath: "#/properties/deployment/properties/managementGroup/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
      } else {
        const err30 = { instancePath: instancePath + "/deployment", schemaPath: "#/properties/deployment/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.ignore !== void 0) {
      let data17 = data.ignore;
      if (Array.isArray(data17)) {
        const len2 = data17.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data18 = data17[i2];
          if (typeof data18 === "string") {
            if (func3(data18) < 1) {
              const err31 = { instancePath: instancePath + "/ignore/" + i2, schemaPath: "#/properties/ignore/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          } else {
            const err32 = { instancePath: instancePath + "/ignore/" + i2, schemaPath: "#/properties/ignore/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
      } else {
        const err33 = { instancePath: instancePath + "/ignore", schemaPath: "#/properties/ignore/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
    if (data.suppressions !== void 0) {
      let data19 = data.suppressions;
      if (Array.isArray(data19)) {
        const len3 = data19.length;
        for (let i3 = 0; i3 < len3; i3++) {
          let data20 = data19[i3];
          if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
            if (data20.rule === void 0) {
              const err34 = { instancePath: instancePath + "/suppressions/" + i3, schemaPath: "#/properties/suppressions/items/required", keyword: "required", params: { missingProperty: "rule" }, message: "must have required property 'rule'" };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors++;
            }
            for (const key6 in data20) {
              if (!(key6 === "rule" || key6 === "files" || key6 === "resource" || key6 === "reason" || key6 === "expires")) {
                const err35 = { instancePath: instancePath + "/suppressions/" + i3, schemaPath: "#/properties/suppressions/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
            if (data20.rule !== void 0) {
              let data21 = data20.rule;
              if (typeof data21 === "string") {
                if (func3(data21) < 1) {
                  const err36 = { instancePath: instancePath + "/suppressions/" + i3 + "/rule", schemaPath: "#/properties/suppressions/items/properties/rule/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors++;
                }
              } else {
                const err37 = { instancePath: instancePath + "/suppressions/" + i3 + "/rule", schemaPath: "#/properties/suppressions/items/properties/rule/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
            }
            if (data20.files !== void 0) {
              let data22 = data20.files;
              const _errs54 = errors;
              let valid16 = false;
              let passing1 = null;
              const _errs55 = errors;
              if (typeof data22 === "string") {
                if (func3(data22) < 1) {
                  const err38 = { instancePath: instancePath + "/suppressions/" + i3 + "/files", schemaPath: "#/properties/suppressions/items/properties/files/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err38];
                  } else {
                    vErrors.push(err38);
                  }
                  errors++;
                }
              } else {
                const err39 = { instancePath: instancePath + "/suppressions/" + i3 + "/files", schemaPath: "#/properties/suppressions/items/properties/files/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
              var _valid1 = _errs55 === errors;
              if (_valid1) {
                valid16 = true;
                passing1 = 0;
              }
              const _errs57 = errors;
              if (Array.isArray(data22)) {
                if (data22.length < 1) {
                  const err40 = { instancePath: instancePath + "/suppressions/" + i3 + "/files", schemaPath: "#/properties/suppressions/items/properties/files/oneOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                  if (vErrors === null) {
                    vErrors = [err40];
                  } else {
                    vErrors.push(err40);
                  }
                  errors++;
                }
                const len4 = data22.length;
                for (let i4 = 0; i4 < len4; i4++) {
                  let data23 = data22[i4];
                  if (typeof data23 === "string") {
                    if (func3(data23) < 1) {
                      const err41 = { instancePath: instancePath + "/suppressions/" + i3 + "/files/" + i4, schemaPath: "#/properties/suppressions/items/properties/files/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err41];
                      } else {
                        vErrors.push(err41);
                      }
                      errors++;
                    }
                  } else {
                    const err42 = { instancePath: instancePath + "/suppressions/" + i3 + "/files/" + i4, schemaPath: "#/properties/suppressions/items/properties/files/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err42];
                    } else {
                      vErrors.push(err42);
                    }
                    errors++;
                  }
                }
              } else {
                const err43 = { instancePath: instancePath + "/suppressions/" + i3 + "/files", schemaPath: "#/properties/suppressions/items/properties/files/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
              var _valid1 = _errs57 === errors;
              if (_valid1 && valid16) {
                valid16 = false;
                passing1 = [passing1, 1];
              } else {
                if (_valid1) {
                  valid16 = true;
                  passing1 = 1;
                }
              }
              if (!valid16) {
                const err44 = { instancePath: instancePath + "/suppressions/" + i3 + "/files", schemaPath: "#/properties/suppressions/items/properties/files/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf" };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              } else {
                errors = _errs54;
                if (vErrors !== null) {
                  if (_errs54) {
                    vErrors.length = _errs54;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data20.resource !== void 0) {
              let data24 = data20.resource;
              if (typeof data24 === "string") {
                if (func3(data24) < 1) {
                  const err45 = { instancePath: instancePath + "/suppressions/" + i3 + "/resource", schemaPath: "#/properties/suppressions/items/properties/resource/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err45];
                  } else {
                    vErrors.push(err45);
                  }
                  errors++;
                }
              } else {
                const err46 = { instancePath: instancePath + "/suppressions/" + i3 + "/resource", schemaPath: "#/properties/suppressions/items/properties/resource/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
            }
            if (data20.reason !== void 0) {
              let data25 = data20.reason;
              if (typeof data25 === "string") {
                if (func3(data25) < 1) {
                  const err47 = { instancePath: instancePath + "/suppressions/" + i3 + "/reason", schemaPath: "#/properties/suppressions/items/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
              } else {
                const err48 = { instancePath: instancePath + "/suppressions/" + i3 + "/reason", schemaPath: "#/properties/suppressions/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
            if (data20.expires !== void 0) {
              let data26 = data20.expires;
              if (typeof data26 === "string") {
                if (!pattern0.test(data26)) {
                  const err49 = { instancePath: instancePath + "/suppressions/" + i3 + "/expires", schemaPath: "#/properties/suppressions/items/properties/expires/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' };
                  if (vErrors === null) {
                    vErrors = [err49];
                  } else {
                    vErrors.push(err49);
                  }
                  errors++;
                }
              } else {
                const err50 = { instancePath: instancePath + "/suppressions/" + i3 + "/expires", schemaPath: "#/properties/suppressions/items/properties/expires/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
          } else {
            const err51 = { instancePath: instancePath + "/suppressions/" + i3, schemaPath: "#/properties/suppressions/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
        }
      } else {
        const err52 = { instancePath: instancePath + "/suppressions", schemaPath: "#/properties/suppressions/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err52];
        } else {
          vErrors.push(err52);
        }
        errors++;
      }
    }
    if (data.parameters !== void 0) {
      let data27 = data.parameters;
      if (Array.isArray(data27)) {
        const len5 = data27.length;
        for (let i5 = 0; i5 < len5; i5++) {
          let data28 = data27[i5];
          if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
            if (data28.files === void 0) {
              const err53 = { instancePath: instancePath + "/parameters/" + i5, schemaPath: "#/properties/parameters/items/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'" };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
            if (data28.parameterFile === void 0) {
              const err54 = { instancePath: instancePath + "/parameters/" + i5, schemaPath: "#/properties/parameters/items/required", keyword: "required", params: { missingProperty: "parameterFile" }, message: "must have required property 'parameterFile'" };
              if (vErrors === null) {
                vErrors = [err54];
              } else {
                vErrors.push(err54);
              }
              errors++;
            }
            for (const key7 in data28) {
              if (!(key7 === "files" || key7 === "parameterFile")) {
                const err55 = { instancePath: instancePath + "/parameters/" + i5, schemaPath: "#/properties/parameters/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
            }
            if (data28.files !== void 0) {
              let data29 = data28.files;
              const _errs73 = errors;
              let valid22 = false;
              let passing2 = null;
              const _errs74 = errors;
              if (typeof data29 === "string") {
                if (func3(data29) < 1) {
                  const err56 = { instancePath: instancePath + "/parameters/" + i5 + "/files", schemaPath: "#/properties/parameters/items/properties/files/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err56];
                  } else {
                    vErrors.push(err56);
                  }
                  errors++;
                }
              } else {
                const err57 = { instancePath: instancePath + "/parameters/" + i5 + "/files", schemaPath: "#/properties/parameters/items/properties/files/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
              var _valid2 = _errs74 === errors;
              if (_valid2) {
                valid22 = true;
                passing2 = 0;
              }
              const _errs76 = errors;
              if (Array.isArray(data29)) {
                if (data29.length < 1) {
                  const err58 = { instancePath: instancePath + "/parameters/" + i5 + "/files", schemaPath: "#/properties/parameters/items/properties/files/oneOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
                const len6 = data29.length;
                for (let i6 = 0; i6 < len6; i6++) {
                  let data30 = data29[i6];
                  if (typeof data30 === "string") {
                    if (func3(data30) < 1) {
                      const err59 = { instancePath: instancePath + "/parameters/" + i5 + "/files/" + i6, schemaPath: "#/properties/parameters/items/properties/files/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err59];
                      } else {
                        vErrors.push(err59);
                      }
                      errors++;
                    }
                  } else {
                    const err60 = { instancePath: instancePath + "/parameters/" + i5 + "/files/" + i6, schemaPath: "#/properties/parameters/items/properties/files/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err60];
                    } else {
                      vErrors.push(err60);
                    }
                    errors++;
                  }
                }
              } else {
                const err61 = { instancePath: instancePath + "/parameters/" + i5 + "/files", schemaPath: "#/properties/parameters/items/properties/files/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
              var _valid2 = _errs76 === errors;
              if (_valid2 && valid22) {
                valid22 = false;
                passing2 = [passing2, 1];
              } else {
                if (_valid2) {
                  valid22 = true;
                  passing2 = 1;
                }
              }
              if (!valid22) {
                const err62 = { instancePath: instancePath + "/parameters/" + i5 + "/files", schemaPath: "#/properties/parameters/items/properties/files/oneOf", keyword: "oneOf", params: { passingSchemas: passing2 }, message: "must match exactly one schema in oneOf" };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              } else {
                errors = _errs73;
                if (vErrors !== null) {
                  if (_errs73) {
                    vErrors.length = _errs73;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data28.parameterFile !== void 0) {
              let data31 = data28.parameterFile;
              if (typeof data31 === "string") {
                if (func3(data31) < 1) {
                  const err63 = { instancePath: instancePath + "/parameters/" + i5 + "/parameterFile", schemaPath: "#/properties/parameters/items/properties/parameterFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err63];
                  } else {
                    vErrors.push(err63);
                  }
                  errors++;
                }
              } else {
                const err64 = { instancePath: instancePath + "/parameters/" + i5 + "/parameterFile", schemaPath: "#/properties/parameters/items/properties/parameterFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
          } else {
            const err65 = { instancePath: instancePath + "/parameters/" + i5, schemaPath: "#/properties/parameters/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
        }
      } else {
        const err66 = { instancePath: instancePath + "/parameters", schemaPath: "#/properties/parameters/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err66];
        } else {
          vErrors.push(err66);
        }
        errors++;
      }
    }
    if (data.limits !== void 0) {
      let data32 = data.limits;
      if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
        for (const key8 in data32) {
          if (!func2.call(schema11.properties.limits.properties, key8)) {
            const err67 = { instancePath: instancePath + "/limits", schemaPath: "#/properties/limits/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
        if (data32.maxFileBytes !== void 0) {
          let data33 = data32.maxFileBytes;
          if (!(typeof data33 == "number" && (!(data33 % 1) && !isNaN(data33)))) {
            const err68 = { instancePath: instancePath + "/limits/maxFileBytes", schemaPath: "#/properties/limits/properties/maxFileBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
          if (typeof data33 == "number") {
            if (data33 < 1 || isNaN(data33)) {
              const err69 = { instancePath: instancePath + "/limits/maxFileBytes", schemaPath: "#/properties/limits/properties/maxFileBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err69];
              } else {
                vErrors.push(err69);
              }
              errors++;
            }
          }
        }
        if (data32.maxJsonDepth !== void 0) {
          let data34 = data32.maxJsonDepth;
          if (!(typeof data34 == "number" && (!(data34 % 1) && !isNaN(data34)))) {
            const err70 = { instancePath: instancePath + "/limits/maxJsonDepth", schemaPath: "#/properties/limits/properties/maxJsonDepth/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err70];
            } else {
              vErrors.push(err70);
            }
            errors++;
          }
          if (typeof data34 == "number") {
            if (data34 > 2048 || isNaN(data34)) {
              const err71 = { instancePath: instancePath + "/limits/maxJsonDepth", schemaPath: "#/properties/limits/properties/maxJsonDepth/maximum", keyword: "maximum", params: { comparison: "<=", limit: 2048 }, message: "must be <= 2048" };
              if (vErrors === null) {
                vErrors = [err71];
              } else {
                vErrors.push(err71);
              }
              errors++;
            }
            if (data34 < 1 || isNaN(data34)) {
              const err72 = { instancePath: instancePath + "/limits/maxJsonDepth", schemaPath: "#/properties/limits/properties/maxJsonDepth/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err72];
              } else {
                vErrors.push(err72);
              }
              errors++;
            }
          }
        }
        if (data32.maxExpressionLength !== void 0) {
          let data35 = data32.maxExpressionLength;
          if (!(typeof data35 == "number" && (!(data35 % 1) && !isNaN(data35)))) {
            const err73 = { instancePath: instancePath + "/limits/maxExpressionLength", schemaPath: "#/properties/limits/properties/maxExpressionLength/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err73];
            } else {
              vErrors.push(err73);
            }
            errors++;
          }
          if (typeof data35 == "number") {
            if (data35 < 1 || isNaN(data35)) {
              const err74 = { instancePath: instancePath + "/limits/maxExpressionLength", schemaPath: "#/properties/limits/properties/maxExpressionLength/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err74];
              } else {
                vErrors.push(err74);
              }
              errors++;
            }
          }
        }
        if (data32.maxExpressionDepth !== void 0) {
          let data36 = data32.maxExpressionDepth;
          if (!(typeof data36 == "number" && (!(data36 % 1) && !isNaN(data36)))) {
            const err75 = { instancePath: instancePath + "/limits/maxExpressionDepth", schemaPath: "#/properties/limits/properties/maxExpressionDepth/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
          if (typeof data36 == "number") {
            if (data36 < 1 || isNaN(data36)) {
              const err76 = { instancePath: instancePath + "/limits/maxExpressionDepth", schemaPath: "#/properties/limits/properties/maxExpressionDepth/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err76];
              } else {
                vErrors.push(err76);
              }
              errors++;
            }
          }
        }
        if (data32.maxEvaluationSteps !== void 0) {
          let data37 = data32.maxEvaluationSteps;
          if (!(typeof data37 == "number" && (!(data37 % 1) && !isNaN(data37)))) {
            const err77 = { instancePath: instancePath + "/limits/maxEvaluationSteps", schemaPath: "#/properties/limits/properties/maxEvaluationSteps/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err77];
            } else {
              vErrors.push(err77);
            }
            errors++;
          }
          if (typeof data37 == "number") {
            if (data37 < 1 || isNaN(data37)) {
              const err78 = { instancePath: instancePath + "/limits/maxEvaluationSteps", schemaPath: "#/properties/limits/properties/maxEvaluationSteps/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err78];
              } else {
                vErrors.push(err78);
              }
              errors++;
            }
          }
        }
        if (data32.maxStringLength !== void 0) {
          let data38 = data32.maxStringLength;
          if (!(typeof data38 == "number" && (!(data38 % 1) && !isNaN(data38)))) {
            const err79 = { instancePath: instancePath + "/limits/maxStringLength", schemaPath: "#/properties/limits/properties/maxStringLength/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err79];
            } else {
              vErrors.push(err79);
            }
            errors++;
          }
          if (typeof data38 == "number") {
            if (data38 < 1 || isNaN(data38)) {
              const err80 = { instancePath: instancePath + "/limits/maxStringLength", schemaPath: "#/properties/limits/properties/maxStringLength/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err80];
              } else {
                vErrors.push(err80);
              }
              errors++;
            }
          }
        }
        if (data32.maxArrayLength !== void 0) {
          let data39 = data32.maxArrayLength;
          if (!(typeof data39 == "number" && (!(data39 % 1) && !isNaN(data39)))) {
            const err81 = { instancePath: instancePath + "/limits/maxArrayLength", schemaPath: "#/properties/limits/properties/maxArrayLength/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err81];
            } else {
              vErrors.push(err81);
            }
            errors++;
          }
          if (typeof data39 == "number") {
            if (data39 < 1 || isNaN(data39)) {
              const err82 = { instancePath: instancePath + "/limits/maxArrayLength", schemaPath: "#/properties/limits/properties/maxArrayLength/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err82];
              } else {
                vErrors.push(err82);
              }
              errors++;
            }
          }
        }
        if (data32.maxObjectSize !== void 0) {
          let data40 = data32.maxObjectSize;
          if (!(typeof data40 == "number" && (!(data40 % 1) && !isNaN(data40)))) {
            const err83 = { instancePath: instancePath + "/limits/maxObjectSize", schemaPath: "#/properties/limits/properties/maxObjectSize/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err83];
            } else {
              vErrors.push(err83);
            }
            errors++;
          }
          if (typeof data40 == "number") {
            if (data40 < 1 || isNaN(data40)) {
              const err84 = { instancePath: instancePath + "/limits/maxObjectSize", schemaPath: "#/properties/limits/properties/maxObjectSize/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err84];
              } else {
                vErrors.push(err84);
              }
              errors++;
            }
          }
        }
        if (data32.maxValueNodes !== void 0) {
          let data41 = data32.maxValueNodes;
          if (!(typeof data41 == "number" && (!(data41 % 1) && !isNaN(data41)))) {
            const err85 = { instancePath: instancePath + "/limits/maxValueNodes", schemaPath: "#/properties/limits/properties/maxValueNodes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err85];
            } else {
              vErrors.push(err85);
            }
            errors++;
          }
          if (typeof data41 == "number") {
            if (data41 < 1 || isNaN(data41)) {
              const err86 = { instancePath: instancePath + "/limits/maxValueNodes", schemaPath: "#/properties/limits/properties/maxValueNodes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err86];
              } else {
                vErrors.push(err86);
              }
              errors++;
            }
          }
        }
        if (data32.maxCopyCount !== void 0) {
          let data42 = data32.maxCopyCount;
          if (!(typeof data42 == "number" && (!(data42 % 1) && !isNaN(data42)))) {
            const err87 = { instancePath: instancePath + "/limits/maxCopyCount", schemaPath: "#/properties/limits/properties/maxCopyCount/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err87];
            } else {
              vErrors.push(err87);
            }
            errors++;
          }
          if (typeof data42 == "number") {
            if (data42 < 1 || isNaN(data42)) {
              const err88 = { instancePath: instancePath + "/limits/maxCopyCount", schemaPath: "#/properties/limits/properties/maxCopyCount/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err88];
              } else {
                vErrors.push(err88);
              }
              errors++;
            }
          }
        }
        if (data32.maxDeploymentDepth !== void 0) {
          let data43 = data32.maxDeploymentDepth;
          if (!(typeof data43 == "number" && (!(data43 % 1) && !isNaN(data43)))) {
            const err89 = { instancePath: instancePath + "/limits/maxDeploymentDepth", schemaPath: "#/properties/limits/properties/maxDeploymentDepth/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err89];
            } else {
              vErrors.push(err89);
            }
            errors++;
          }
          if (typeof data43 == "number") {
            if (data43 < 1 || isNaN(data43)) {
              const err90 = { instancePath: instancePath + "/limits/maxDeploymentDepth", schemaPath: "#/properties/limits/properties/maxDeploymentDepth/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err90];
              } else {
                vErrors.push(err90);
              }
              errors++;
            }
          }
        }
        if (data32.maxDeployments !== void 0) {
          let data44 = data32.maxDeployments;
          if (!(typeof data44 == "number" && (!(data44 % 1) && !isNaN(data44)))) {
            const err91 = { instancePath: instancePath + "/limits/maxDeployments", schemaPath: "#/properties/limits/properties/maxDeployments/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err91];
            } else {
              vErrors.push(err91);
            }
            errors++;
          }
          if (typeof data44 == "number") {
            if (data44 < 1 || isNaN(data44)) {
              const err92 = { instancePath: instancePath + "/limits/maxDeployments", schemaPath: "#/properties/limits/properties/maxDeployments/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err92];
              } else {
                vErrors.push(err92);
              }
              errors++;
            }
          }
        }
        if (data32.maxResources !== void 0) {
          let data45 = data32.maxResources;
          if (!(typeof data45 == "number" && (!(data45 % 1) && !isNaN(data45)))) {
            const err93 = { instancePath: instancePath + "/limits/maxResources", schemaPath: "#/properties/limits/properties/maxResources/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err93];
            } else {
              vErrors.push(err93);
            }
            errors++;
          }
          if (typeof data45 == "number") {
            if (data45 < 1 || isNaN(data45)) {
              const err94 = { instancePath: instancePath + "/limits/maxResources", schemaPath: "#/properties/limits/properties/maxResources/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err94];
              } else {
                vErrors.push(err94);
              }
              errors++;
            }
          }
        }
        if (data32.maxGraphEdges !== void 0) {
          let data46 = data32.maxGraphEdges;
          if (!(typeof data46 == "number" && (!(data46 % 1) && !isNaN(data46)))) {
            const err95 = { instancePath: instancePath + "/limits/maxGraphEdges", schemaPath: "#/properties/limits/properties/maxGraphEdges/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err95];
            } else {
              vErrors.push(err95);
            }
            errors++;
          }
          if (typeof data46 == "number") {
            if (data46 < 1 || isNaN(data46)) {
              const err96 = { instancePath: instancePath + "/limits/maxGraphEdges", schemaPath: "#/properties/limits/properties/maxGraphEdges/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err96];
              } else {
                vErrors.push(err96);
              }
              errors++;
            }
          }
        }
      } else {
        const err97 = { instancePath: instancePath + "/limits", schemaPath: "#/properties/limits/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err97];
        } else {
          vErrors.push(err97);
        }
        errors++;
      }
    }
  } else {
    const err98 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err98];
    } else {
      vErrors.push(err98);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/engine/config.ts
var CONFIG_FILE = "vtaplint.config.json";
var ConfigError = class extends Error {
};
var norm = (r) => r.replace(/\s+/g, "").toLowerCase();
var DEFAULT_REGIONS = {
  supported: new Set(vtap_facts_default.supportedRegions.map(norm)),
  comingSoon: new Set(vtap_facts_default.comingSoonRegions.map(norm)),
  origin: `${vtap_facts_default.document.title} (${vtap_facts_default.document.revision})`
};
var DEFAULT_CONFIG = {
  file: void 0,
  rules: /* @__PURE__ */ new Map(),
  tags: /* @__PURE__ */ new Map(),
  regions: DEFAULT_REGIONS,
  deployment: {},
  ignore: [],
  suppressions: [],
  parameters: [],
  limits: DEFAULT_LIMITS
};
function placeIn(file, text, location, key2) {
  const tree = parseTree2(text);
  let node = tree ? findNodeAtLocation2(tree, location) : void 0;
  if (node && key2 !== void 0) node = node.children?.find((p) => p.children?.[0]?.value === key2)?.children?.[0];
  if (!node) return file;
  const at2 = new SourceText(file, text, "other").position(node.offset);
  return `${file}:${at2.line}:${at2.column}`;
}
async function validate(data, file, text) {
  const validator = config_validator_generated_default;
  if (validator(data)) return;
  const first = validator.errors?.[0];
  if (!first) throw new ConfigError(`${file}: invalid configuration`);
  const where = first.instancePath ? first.instancePath.slice(1).replaceAll("/", ".") : "(top level)";
  const location = first.instancePath ? first.instancePath.slice(1).split("/").map((seg) => seg.replaceAll("~1", "/").replaceAll("~0", "~")).map((seg) => /^\d+$/.test(seg) ? Number(seg) : seg) : [];
  if (first.keyword === "additionalProperties") {
    const key2 = first.params.additionalProperty;
    throw new ConfigError(`${placeIn(file, text, location, key2)}: unknown key "${where === "(top level)" ? key2 : `${where}.${key2}`}"`);
  }
  const place = placeIn(file, text, location);
  if (first.keyword === "enum") {
    const allowed = first.params.allowedValues.join(", ");
    throw new ConfigError(`${place}: "${where}" must be one of ${allowed}`);
  }
  throw new ConfigError(`${place}: "${where}" ${first.message ?? "is invalid"}`);
}
async function loadConfigFile(file, knownRules, knownTags = /* @__PURE__ */ new Set()) {
  let data;
  let text;
  try {
    text = (0, import_node_fs3.readFileSync)(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    throw new ConfigError(`${file}: cannot read the configuration: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    data = JSON.parse(text);
  } catch (e) {
    const errors = [];
    parseTree2(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const at2 = first ? new SourceText(file, text, "other").position(first.offset) : void 0;
    throw new ConfigError(`${file}${at2 ? `:${at2.line}:${at2.column}` : ""}: the configuration is not valid JSON: ${first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() : e instanceof Error ? e.message : String(e)}`);
  }
  await validate(data, file, text);
  const cfg = data;
  const rules = /* @__PURE__ */ new Map();
  for (const [id, v] of Object.entries(cfg.rules ?? {})) {
    if (!knownRules.has(id)) throw new ConfigError(`${placeIn(file, text, ["rules"], id)}: unknown rule "${id}" in "rules"`);
    rules.set(id, typeof v === "string" ? v : v.level);
  }
  for (const tag of Object.keys(cfg.tags ?? {})) {
    if (knownTags.size && !knownTags.has(tag)) throw new ConfigError(`${placeIn(file, text, ["tags"], tag)}: unknown tag "${tag}" in "tags" (the rules' tags: ${[...knownTags].sort().join(", ")})`);
  }
  for (const [i, s] of (cfg.suppressions ?? []).entries()) {
    if (s.expires !== void 0 && !isCalendarDate(s.expires)) throw new ConfigError(`${placeIn(file, text, ["suppressions", i, "expires"])}: "suppressions[${i}].expires" is not a date: '${s.expires}'`);
  }
  const regions = cfg.regions ? {
    supported: cfg.regions.supported ? new Set(cfg.regions.supported.map(norm)) : DEFAULT_REGIONS.supported,
    comingSoon: cfg.regions.comingSoon ? new Set(cfg.regions.comingSoon.map(norm)) : DEFAULT_REGIONS.comingSoon,
    origin: file
  } : DEFAULT_REGIONS;
  return {
    file,
    rules,
    tags: new Map(Object.entries(cfg.tags ?? {})),
    regions,
    deployment: cfg.deployment ?? {},
    ignore: cfg.ignore ?? [],
    suppressions: configSuppressions(file, text, cfg),
    parameters: (cfg.parameters ?? []).map((p) => ({ files: globList(p.files), parameterFile: import_node_path9.default.resolve(import_node_path9.default.dirname(file), p.parameterFile) })),
    limits: resolveLimits(cfg.limits)
  };
}
function isCalendarDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
var globList = (g) => g === void 0 ? [] : typeof g === "string" ? [g] : g;
function configSuppressions(file, text, cfg) {
  const list = cfg.suppressions ?? [];
  if (list.length === 0) return [];
  const source = new SourceText(file, text, "other");
  const tree = parseTree2(text);
  return list.map((s, i) => {
    const node = tree ? findNodeAtLocation2(tree, ["suppressions", i]) : void 0;
    return {
      rule: s.rule,
      files: globList(s.files),
      resource: s.resource,
      reason: s.reason?.trim() || void 0,
      expires: s.expires,
      span: new TextSpan(source, node?.offset ?? 0, node ? node.offset + node.length : 0)
    };
  });
}
function matchesConfigGlobs(cfg, file, globs) {
  const base = cfg.file ? import_node_path9.default.dirname(cfg.file) : process.cwd();
  const rel = import_node_path9.default.relative(base, file).replaceAll("\\", "/");
  return matchesGlobList(rel, globs);
}
function mappedParameterFile(cfg, template) {
  return cfg.parameters.find((p) => matchesConfigGlobs(cfg, template, p.files))?.parameterFile;
}
function findConfigFile(dir, root, cache2) {
  const start = import_node_path9.default.resolve(dir);
  const top = import_node_path9.default.resolve(root);
  let found;
  const visited = [];
  for (let cur = start; ; ) {
    const here = `${top}\0${cur}`;
    if (cache2?.has(here)) {
      found = cache2.get(here);
      break;
    }
    visited.push(here);
    const candidate2 = import_node_path9.default.join(cur, CONFIG_FILE);
    if ((0, import_node_fs3.existsSync)(candidate2)) {
      found = candidate2;
      break;
    }
    if (cur === top) break;
    const up = import_node_path9.default.dirname(cur);
    if (up === cur || !(cur + import_node_path9.default.sep).startsWith(top + import_node_path9.default.sep)) break;
    cur = up;
  }
  if (cache2) for (const v of visited) cache2.set(v, found);
  return found;
}
function levelFor(meta, cfg) {
  return configuredLevel(meta, cfg) ?? meta.defaultLevel;
}
function configuredLevel(meta, cfg) {
  const own2 = cfg.rules.get(meta.id);
  if (own2) return own2;
  let fromTag;
  for (const t of meta.tags) {
    const l = cfg.tags.get(t);
    if (l === "off") return "off";
    if (l) fromTag = l;
  }
  return fromTag;
}

// src/engine/run-rules.ts
function maybeDeployed(v) {
  const declaring = (v.sources ?? []).map((s) => s.holder);
  return [v.resource, ...v.involved ?? [], ...declaring].find((r) => r?.state === "maybe");
}
function maybeSource(v) {
  const source = v.sources?.find((s) => s.when);
  const when = source?.when;
  if (!source || !when) return void 0;
  const related = [...v.related ?? []];
  const add = (span, message) => {
    if (span && !related.some((r) => r.span === span)) related.push({ span, message });
  };
  add(source.at.span, `the TAP source, which may not exist: ${describeSource(source)}`);
  add(when.reason.span, `the value that decides whether ${describeSource(source)} is a TAP source`);
  const subject = `${describeSource(source)} ${source.declaration === "scaleset" ? "is set" : "is a TAP source"}`;
  return { ...v, related, message: `${v.message} (if ${subject}: it depends on a value that is ${describeUnknown(when)})` };
}
function runRules(graph, rules, config, afterEach, evaluationStopped) {
  const incomplete = () => {
    if (evaluationStopped?.()) return "evaluation stopped at the limit maxEvaluationSteps";
    if (graph.orderIncomplete) return "the dependency edges were cut at the limit maxGraphEdges";
    return void 0;
  };
  const outcomes = [];
  const failures = [];
  let passes = 0;
  for (const rule of rules) {
    const set = configuredLevel(rule.meta, config);
    if (set === "off") continue;
    const configured = set ?? rule.meta.defaultLevel;
    const ctx = {
      graph,
      regions: config.regions,
      fail(v) {
        const why = incomplete();
        if (why) {
          outcomes.push({ rule, verdict: { ...v, kind: "review", message: `${v.message} (not certain: ${why} before this was decided; raise the limit to decide it)` }, level: "note" });
          return;
        }
        const maybe = maybeDeployed(v);
        if (maybe) {
          const what = maybe.copy && maybe.copy.index === void 0 ? "its copy count" : "its condition";
          const cond = maybe.condition ? `: ${what} is ${describeUnknown(maybe.condition)}` : "";
          outcomes.push({
            rule,
            verdict: { ...v, kind: "review", message: `${v.message} (if '${maybe.displayName}' is deployed${cond})` },
            level: "note"
          });
          return;
        }
        const review = maybeSource(v);
        if (review) {
          outcomes.push({ rule, verdict: { ...review, kind: "review" }, level: "note" });
          return;
        }
        const level = set === void 0 && v.level ? v.level : configured;
        outcomes.push({ rule, verdict: { ...v, kind: "fail" }, level });
      },
      indeterminate(v) {
        outcomes.push({ rule, verdict: { ...v, kind: "review" }, level: "note" });
      },
      pass() {
        passes++;
      }
    };
    try {
      rule.check(ctx);
    } catch (error) {
      failures.push({ rule, error });
    }
    afterEach?.();
  }
  return { outcomes, passes, failures };
}

// src/engine/collect-garbage.ts
var import_node_v8 = require("node:v8");
var import_node_vm = require("node:vm");
var gc;
var live = 0;
var MIN_GROWTH = 48e6;
function collectGarbage() {
  if (gc === void 0) gc = findGc();
  if (!gc) return;
  (0, import_node_v8.setFlagsFromString)("--no-concurrent-sweeping");
  try {
    gc();
  } finally {
    (0, import_node_v8.setFlagsFromString)("--concurrent-sweeping");
  }
  live = (0, import_node_v8.getHeapStatistics)().used_heap_size;
}
function collectIfGrown() {
  if ((0, import_node_v8.getHeapStatistics)().used_heap_size > live + Math.max(MIN_GROWTH, live / 2)) collectGarbage();
}
function collectReleased(bytes) {
  collectGarbage();
  for (let wait = 2; wait <= 32 && gc && live > bytes; wait *= 2) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    installFinishedJobs();
    collectGarbage();
  }
}
function installFinishedJobs() {
  let n = 0;
  for (let i = 0; i < 64; i++) n += i;
  return n;
}
var HIGH_WATER = 16e7;
var HeapGuard = class {
  /** `onEngage` runs once the heap is high, before the first collection (SourceText.pack). */
  constructor(onEngage, highWater = HIGH_WATER) {
    this.onEngage = onEngage;
    this.highWater = highWater;
  }
  onEngage;
  highWater;
  /** What was live at the first collection, once the heap was high (undefined until then). */
  liveAtEngage;
  /** After each rule. */
  afterRule() {
    if (this.liveAtEngage !== void 0) {
      collectIfGrown();
      return;
    }
    if ((0, import_node_v8.getHeapStatistics)().used_heap_size < this.highWater) return;
    this.onEngage();
    collectGarbage();
    this.liveAtEngage = live;
  }
  /** After the rules, once the deployment is let go of: collected when the heap is high. */
  release() {
    if (this.liveAtEngage === void 0 && (0, import_node_v8.getHeapStatistics)().used_heap_size < this.highWater) return;
    collectReleased((this.liveAtEngage ?? this.highWater) / 2);
  }
};
function findGc() {
  const own2 = globalThis.gc;
  if (typeof own2 === "function") return own2;
  try {
    (0, import_node_v8.setFlagsFromString)("--expose-gc");
    const fn = (0, import_node_vm.runInNewContext)("gc");
    return typeof fn === "function" ? fn : null;
  } catch {
    return null;
  } finally {
    (0, import_node_v8.setFlagsFromString)("--no-expose-gc");
  }
}

// src/engine/suppress.ts
var UNUSED_SUPPRESSION = "unused-suppression";
var sameFile = (a, b) => a === b || a.path === b.path;
var within = (inner, outer) => {
  if (!sameFile(inner.file, outer.file)) return false;
  const i = inner.range();
  const o = outer.range();
  return i.start >= o.start && i.end <= o.end;
};
function pragmaSites(pragmas, known3) {
  const out = [];
  for (const p of pragmas) {
    const file = p.span.file;
    if (p.kind === "vtaplint-disable-next-line") {
      const ids = p.ruleIds.length ? p.ruleIds : [""];
      for (const id of ids) {
        out.push(site("inSource", "// vtaplint-disable-next-line", id, p.reason, p.span, true, known3.has(id), (c) => c.finding.ruleId === id && sameFile(c.finding.location.file, file) && c.finding.location.region.start.line === p.line));
      }
    } else if (p.kind === "disable-next-line") {
      for (const id of p.ruleIds.filter((i) => known3.has(i))) {
        out.push(site("inSource", "#disable-next-line", id, void 0, p.span, false, true, (c) => c.finding.ruleId === id && sameFile(c.finding.location.file, file) && c.finding.location.region.start.line === p.line));
      }
    } else if (p.kind === "disable-diagnostics") {
      for (const id of p.ruleIds.filter((i) => known3.has(i))) {
        const restore = pragmas.find((r) => r.kind === "restore-diagnostics" && sameFile(r.span.file, file) && r.line > p.line && r.ruleIds.includes(id));
        const end = restore ? restore.line : Number.POSITIVE_INFINITY;
        out.push(
          site("inSource", "#disable-diagnostics", id, void 0, p.span, false, true, (c) => {
            const line = c.finding.location.region.start.line;
            return c.finding.ruleId === id && sameFile(c.finding.location.file, file) && line >= p.line && line < end;
          })
        );
      }
    }
  }
  return out;
}
var LINE_COMMENT = 12;
var BLOCK_COMMENT = 13;
var EOF = 17;
function jsonCommentSites(source, known3) {
  if (!source.text.includes("vtaplint-disable")) return [];
  const trivia = [];
  const scanner = createScanner2(source.text, false);
  for (let k = scanner.scan(); k !== EOF; k = scanner.scan()) {
    if (k === LINE_COMMENT || k === BLOCK_COMMENT) {
      const start = scanner.getTokenOffset();
      trivia.push({ kind: k === LINE_COMMENT ? "line-comment" : "block-comment", start, end: start + scanner.getTokenLength() });
    }
  }
  return pragmaSites(
    collectPragmas(source, trivia).filter((p) => p.kind === "vtaplint-disable-next-line"),
    known3
  );
}
function metadataSites(resources, known3) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const r of resources) {
    const suppress = path9(r.decl, ["metadata", "vtaplint", "suppress"]);
    if (!suppress || !isTObject(suppress.node)) continue;
    const decl = r.span;
    const key2 = `${decl.file.path}\0${decl.range().start}`;
    if (seen.has(key2)) continue;
    seen.add(key2);
    const obj = suppress.node;
    for (const id of Object.keys(obj)) {
      const v = obj[id];
      const reason = typeof v === "string" && v.trim() ? v.trim() : void 0;
      out.push(
        site("inSource", "metadata.vtaplint.suppress", id, reason, suppress.span.keySpan(obj, id), true, known3.has(id), (c) => {
          if (c.finding.ruleId !== id) return false;
          return within(c.finding.span, decl) || c.resource !== void 0 && sameFile(c.resource.file, decl.file) && c.resource.range().start === decl.range().start;
        })
      );
    }
  }
  return out;
}
function path9(root, keys) {
  let cur = root;
  for (const k of keys) {
    if (!isTObject(cur.node)) return void 0;
    const next = childOf(cur, k);
    if (!next) return void 0;
    cur = next;
  }
  return cur;
}
function configSites(config, known3, now2) {
  return config.suppressions.map((s, i) => {
    const expired = s.expires !== void 0 && isExpired(s.expires, now2) ? s.expires : void 0;
    return site("external", `config (suppressions[${i}])`, s.rule, s.reason, s.span, true, known3.has(s.rule), (c) => configApplies(config, s, c), expired);
  });
}
function configConcerns(config, s, file) {
  return s.files.length === 0 || matchesConfigGlobs(config, file, s.files);
}
function configApplies(config, s, c) {
  const f = c.finding;
  if (f.ruleId !== s.rule) return false;
  if (!configConcerns(config, s, f.location.file.path)) return false;
  if (s.resource === void 0) return true;
  const want = s.resource.toLowerCase();
  return [f.logical, ...c.names ?? []].some((n) => {
    const full = n?.toLowerCase();
    return full !== void 0 && (full === want || full.endsWith(`/${want}`));
  });
}
function isExpired(expires, now2) {
  const last = Date.parse(`${expires}T00:00:00Z`);
  return Number.isFinite(last) && now2.getTime() >= last + 24 * 3600 * 1e3;
}
function site(kind, form, ruleId, reason, span, needsReason, known3, appliesTo, expired) {
  return { kind, form, ruleId, reason, span, needsReason, known: known3, expired, used: false, appliesTo };
}
function applySuppressions(candidates, sites) {
  if (sites.length === 0) return;
  for (const c of candidates) {
    if (c.finding.ruleId === UNUSED_SUPPRESSION) continue;
    for (const s of sites) {
      if (!s.known || s.expired || !s.appliesTo(c)) continue;
      s.used = true;
      (c.finding.suppressions ??= []).push({ kind: s.kind, justification: s.reason, location: locate(s.span) });
    }
  }
}
function siteProblem(s) {
  const what = s.ruleId ? `'${s.ruleId}'` : "(no rule id)";
  if (!s.ruleId) return `the ${s.form} suppression names no rule id`;
  if (!s.known) return `the ${s.form} suppression of ${what} names no vtaplint rule`;
  if (s.expired) return `the ${s.form} suppression of ${what} expired on ${s.expired}: the finding is reported again; renew it with a reason, or fix the finding`;
  if (!s.used) return `the ${s.form} suppression of ${what} is unused: no ${s.ruleId} finding is there to suppress; remove it`;
  if (s.needsReason && !s.reason) {
    return s.kind === "external" ? `the ${s.form} suppression of ${what} has no reason: add "reason"` : `the ${s.form} suppression of ${what} has no reason: add one${s.form.startsWith("//") ? " after ' -- '" : " as the value"}`;
  }
  return void 0;
}

// src/engine/lint.ts
var DIAGNOSTIC_RULE = {
  "invalid-template": "invalid-template",
  "evaluation-error": "evaluation-error",
  "limit-exceeded": "limit-exceeded",
  "unresolved-reference": void 0,
  note: void 0,
  "internal-error": void 0
};
function internalNotifications(diags) {
  return diags.filter((d) => d.code === "internal-error").map((d) => {
    const p = d.span.file.position(d.span.range().start);
    return { level: "error", message: `${d.message} (at line ${p.line}, column ${p.column})`, file: d.span.file.path };
  });
}
var ConfigResolver = class {
  constructor(root, rules, explicit) {
    this.root = root;
    this.explicit = explicit;
    this.ruleIds = new Set(rules.map((r) => r.meta.id));
    this.ruleTags = new Set(rules.flatMap((r) => r.meta.tags));
  }
  root;
  explicit;
  cache = /* @__PURE__ */ new Map();
  /** Which config file each folder uses, for this run (files are not re-read during a run). */
  found = /* @__PURE__ */ new Map();
  ruleIds;
  ruleTags;
  forFile(file) {
    const found = this.explicit ?? findConfigFile(import_node_path10.default.dirname(file), this.root, this.found);
    if (!found) return Promise.resolve(DEFAULT_CONFIG);
    let p = this.cache.get(found);
    if (!p) {
      p = loadConfigFile(found, this.ruleIds, this.ruleTags);
      this.cache.set(found, p);
    }
    return p;
  }
};
function lintSafely(f, opts2, config, sites, known3, bicepDirs2) {
  try {
    return lintOne(f, opts2, config, sites, known3, bicepDirs2);
  } catch (e) {
    return {
      result: { path: f.path, kind: "skipped", findings: [] },
      passes: 0,
      notifications: [{ level: "error", message: `internal error while linting: ${e instanceof Error ? e.stack ?? e.message : String(e)}`, file: f.path }]
    };
  }
}
function unusedFindings(sites, rules, config) {
  const rule = rules.find((r) => r.meta.id === UNUSED_SUPPRESSION);
  if (!rule) return [];
  const level = levelFor(rule.meta, config);
  if (level === "off") return [];
  const out = [];
  for (const s of sites) {
    const message = siteProblem(s);
    if (!message) continue;
    out.push(placed({ ruleId: UNUSED_SUPPRESSION, level, kind: "fail", message, span: s.span, related: [], logical: void 0 }));
  }
  return out;
}
function diagnosticFindings(diags, rules, config) {
  const out = [];
  for (const d of diags) {
    const ruleId = DIAGNOSTIC_RULE[d.code];
    const rule = ruleId ? rules.find((r) => r.meta.id === ruleId) : void 0;
    if (!rule) continue;
    const level = levelFor(rule.meta, config);
    if (level === "off") continue;
    out.push(placed({ ruleId: rule.meta.id, level, kind: "fail", message: d.message, span: d.span, related: d.related ?? [], logical: void 0 }));
  }
  return out;
}
function lintOne(f, opts2, config, external, known3, bicepDirs2) {
  const judged = judge(f, opts2, config, external, known3, bicepDirs2);
  if (judged.kind !== "template") return judged.result;
  judged.guard?.release();
  const { source, notifications } = judged;
  const findings = diagnosticFindings(judged.diagnostics, opts2.rules, config);
  const candidates = findings.map((finding) => ({ finding, resource: void 0 }));
  for (const d of judged.drafts) {
    const finding = placed(d);
    findings.push(finding);
    candidates.push({ finding, resource: d.resource, names: d.names });
  }
  const own2 = [...judged.sites, ...commentSites(source, findings, known3)];
  applySuppressions(candidates, [...own2, ...external]);
  findings.push(...unusedFindings(own2.filter((s) => s.span.file.path === source.path), opts2.rules, config));
  return { result: { path: source.path, kind: "template", findings }, passes: judged.passes, notifications, modules: judged.modules };
}
var LARGE_TEMPLATE = 4e6;
var LARGE_DEPLOYMENT = 5e3;
function placed(d) {
  return {
    ruleId: d.ruleId,
    level: d.level,
    kind: d.kind,
    message: d.message,
    location: locate(d.span),
    related: d.related.map((r) => ({ ...locate(r.span), message: r.message })),
    logical: d.logical,
    fingerprint: "",
    span: d.span
  };
}
function judge(f, opts2, config, external, known3, bicepDirs2) {
  const notifications = [];
  const mapped = config.parameters.length ? mappedParameterFile(config, f.path) : void 0;
  const a = analyzeFile(f.path, { root: opts2.root, deployment: config.deployment, mappedParameterFile: mapped, parameterFiles: opts2.parameterFiles, params: opts2.params, explicit: f.explicit, limits: config.limits, skipGeneratedFromBicep: !f.explicit && bicepDirs2.has(import_node_path10.default.dirname(f.path)) });
  switch (a.kind) {
    case "skipped":
      return { kind: "done", result: { result: { path: f.path, kind: "skipped", findings: [] }, passes: 0, notifications } };
    case "parameters":
      return { kind: "done", result: { result: { path: f.path, kind: "parameters", findings: [] }, passes: 0, notifications } };
    case "broken": {
      notifications.push(...internalNotifications(a.diagnostics));
      for (const d of a.diagnostics) if (d.unreadable) notifications.push({ level: "warning", message: `${d.message} (the file is not analysed)`, file: f.path });
      const findings = diagnosticFindings(a.diagnostics, opts2.rules, config);
      applySuppressions(findings.map((finding) => ({ finding, resource: void 0 })), external);
      return { kind: "done", result: { result: { path: f.path, kind: "template", findings }, passes: 0, notifications } };
    }
  }
  const large = a.source.text.length >= LARGE_TEMPLATE || a.deployed.resources.length >= LARGE_DEPLOYMENT;
  const source = a.source;
  const guard = large ? new HeapGuard(() => {
    if (source.kind === "arm" && source.text.length >= LARGE_TEMPLATE) source.pack();
  }, opts2.heapHighWater) : void 0;
  const sites = [...metadataSites(a.deployed.resources, known3), ...pragmaSites(pragmasOf(a), known3)];
  const { outcomes, passes, failures } = runRules(a.graph, opts2.rules, config, guard ? () => guard.afterRule() : void 0, a.deployed.evaluationStopped);
  const diagnostics = diagnosticsNow(a);
  notifications.push(...internalNotifications(diagnostics));
  for (const fail2 of failures) {
    notifications.push({
      level: "error",
      message: `internal error in rule ${fail2.rule.meta.id}: ${fail2.error instanceof Error ? fail2.error.message : String(fail2.error)}`,
      file: a.source.path
    });
  }
  const drafts = new Array(outcomes.length);
  const sources = /* @__PURE__ */ new Map();
  for (let i = 0; i < outcomes.length; i++) drafts[i] = draftOf(outcomes[i], a.deployed, sources);
  return {
    kind: "template",
    source: a.source,
    guard,
    diagnostics,
    drafts,
    sites,
    passes,
    notifications,
    modules: moduleFiles(a.deployed.resources, a.source.path, a.declaredModules)
  };
}
function moduleFiles(resources, own2, declared) {
  const units = /* @__PURE__ */ new Set();
  const sources = /* @__PURE__ */ new Set();
  for (const r of resources) {
    if (units.has(r.unit)) continue;
    units.add(r.unit);
    sources.add(r.span.file);
  }
  const self = import_node_path10.default.resolve(own2);
  const files = new Set(declared.map((d) => import_node_path10.default.resolve(d)));
  files.delete(self);
  for (const s of sources) {
    const p = import_node_path10.default.resolve(s.path);
    if (p !== self) files.add(p);
  }
  return [...files];
}
function pragmasOf(a) {
  const p = a.pragmas;
  return Array.isArray(p) ? p : [];
}
function suppliedRelated(deployed, span, memo) {
  const key2 = span.identity();
  let related = memo.get(key2);
  if (related === void 0) {
    related = distinctRelated(deployed.suppliedSourcesAt(span).map((src) => ({ span: src.span, message: `the value of parameter '${src.name}' is given here` })));
    memo.set(key2, related);
  }
  return related;
}
function draftOf(o, deployed, sources) {
  return {
    ruleId: o.rule.meta.id,
    level: o.level,
    kind: o.verdict.kind,
    message: o.verdict.message,
    span: o.verdict.span,
    related: distinctRelated([
      ...(o.verdict.related ?? []).map((r) => ({ span: r.span, message: r.message })),
      // The value that decided came from outside the template: point at where it was given.
      ...suppliedRelated(deployed, o.verdict.span, sources)
    ]),
    // The plain name, not the one with its modules ("hub.vnet" in messages): fingerprints and the
    // config's resource suppressions keep matching whether or not another module shares the name.
    logical: o.verdict.resource ? `${o.verdict.resource.type}/${o.verdict.resource.plainDisplayName}` : void 0,
    resource: o.verdict.resource?.span,
    names: o.verdict.resource ? resourceNames(o.verdict.resource) : void 0
  };
}
function resourceNames(r) {
  const names = [];
  if (r.symbolicName) names.push(`${r.type}/${r.symbolicName}`);
  if (typeof r.name === "string") names.push(`${r.type}/${r.name}`);
  return names;
}
function commentSites(source, findings, known3) {
  if (source.kind === "bicep" || source.kind === "bicepparam") return [];
  const files = /* @__PURE__ */ new Map([[source.path, source]]);
  for (const f of findings) if (f.location.file.kind === "arm" && !files.has(f.location.file.path)) files.set(f.location.file.path, f.location.file);
  const sites = [];
  for (const file of files.values()) sites.push(...jsonCommentSites(file, known3));
  return sites;
}

// src/cli/worker.ts
var setup = import_node_worker_threads.workerData;
var now = new Date(setup.now);
var known2 = new Set(RULES.map((r) => r.meta.id));
var configs = new ConfigResolver(setup.root, RULES, setup.configFile);
var sitesByConfig = /* @__PURE__ */ new Map();
var bicepDirs = new Set(setup.bicepDirs);
var opts = {
  root: setup.root,
  cwd: setup.cwd,
  rules: RULES,
  configFile: setup.configFile,
  parameterFiles: setup.parameterFiles ?? [],
  params: setup.params ?? {},
  now
};
var SAVE_CODE_CACHE = /* @__PURE__ */ Symbol.for("vtaplint.saveCodeCache");
import_node_worker_threads.parentPort?.on("message", (task) => {
  if ("stop" in task) {
    const save = globalThis[SAVE_CODE_CACHE];
    if (typeof save === "function") save();
    import_node_worker_threads.parentPort?.close();
    return;
  }
  void (async () => {
    try {
      const config = await configs.forFile(task.path);
      let sites = sitesByConfig.get(config);
      if (!sites) {
        sites = configSites(config, known2, now);
        sitesByConfig.set(config, sites);
      }
      const r = lintSafely({ path: task.path, explicit: task.explicit }, opts, config, sites, known2, bicepDirs);
      const result = {
        index: task.index,
        kind: r.result.kind,
        path: r.result.path,
        findings: r.result.findings.map(toWire),
        passes: r.passes,
        notifications: r.notifications,
        usedConfigSuppressions: sites.flatMap((s, i) => s.used ? [i] : []),
        modules: r.modules ?? []
      };
      import_node_worker_threads.parentPort?.postMessage({ type: "result", result });
    } catch (e) {
      import_node_worker_threads.parentPort?.postMessage({ type: "fatal", index: task.index, message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
// vtaplint-build 66f910411de46970aadfe7e4d0ed3ef4
