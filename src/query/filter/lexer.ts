// Splits a filter into tokens. Keywords are not recognised here: whether `eq` or `and` is an operator, a
// function or a property depends on where it stands, which only the parser knows.
import { QueryError } from '../query-error.ts';
import { DATE_PATTERN, TIMESTAMP_PATTERN, parseDate, parseTimestamp } from './literals.ts';

export type TokenKind =
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'string'
  | 'number'
  | 'timestamp'
  | 'date'
  | 'word'
  | 'end';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for strings: including quotes). */
  text: string;
  /** Unescaped string content or numeric value; undefined for other kinds. */
  value?: string | number;
  position: number;
}

const PUNCTUATION: Record<string, TokenKind> = {
  '(': 'lparen',
  ')': 'rparen',
  '[': 'lbracket',
  ']': 'rbracket',
  ',': 'comma',
};

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const WORD_RE = new RegExp(`${IDENT}(?:/${IDENT})*`, 'y');
const TIMESTAMP_RE = new RegExp(TIMESTAMP_PATTERN, 'y');
const DATE_RE = new RegExp(DATE_PATTERN, 'y');
const NUMBER_RE = /-?\d+(?:\.\d+)?/y;
const WHITESPACE = /\s/;
// A value must end at whitespace, punctuation or the end, so `12abc` or `2024-07` is one bad value, not two tokens.
const VALUE_END = /[\s()[\],]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (WHITESPACE.test(c)) {
      i++;
    } else if (PUNCTUATION[c]) {
      tokens.push({ kind: PUNCTUATION[c], text: c, position: i });
      i++;
    } else if (c === "'") {
      const token = readString(text, i);
      tokens.push(token);
      i += token.text.length;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const token = readValue(text, i);
      tokens.push(token);
      i += token.text.length;
    } else if (/[A-Za-z_]/.test(c)) {
      WORD_RE.lastIndex = i;
      const word = WORD_RE.exec(text)![0];
      const end = i + word.length;
      if (text[end] === '/') throw new QueryError('filter', `expected a property name after '/' at position ${end + 1}`, end + 1);
      tokens.push({ kind: 'word', text: word, position: i });
      i = end;
    } else {
      throw new QueryError('filter', `unexpected character '${c}' at position ${i}`, i);
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}

function readString(text: string, start: number): Token {
  let value = '';
  let i = start + 1;
  for (;;) {
    const close = text.indexOf("'", i);
    if (close < 0) throw new QueryError('filter', `unterminated string starting at position ${start}`, start);
    value += text.slice(i, close);
    if (text[close + 1] === "'") {
      value += "'";
      i = close + 2;
    } else {
      return { kind: 'string', text: text.slice(start, close + 1), value, position: start };
    }
  }
}

function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

function readValue(text: string, start: number): Token {
  const candidates: [TokenKind, string | undefined][] = [
    ['timestamp', matchAt(TIMESTAMP_RE, text, start)],
    ['date', matchAt(DATE_RE, text, start)],
    ['number', matchAt(NUMBER_RE, text, start)],
  ];
  for (const [kind, match] of candidates) {
    if (match === undefined) continue;
    const after = text[start + match.length];
    if (after !== undefined && !VALUE_END.test(after)) continue;
    const valid =
      kind === 'timestamp' ? parseTimestamp(match) !== null : kind === 'date' ? parseDate(match) !== null : true;
    if (!valid) throw new QueryError('filter', `invalid ${kind} '${match}' at position ${start}`, start);
    const value = kind === 'number' ? Number(match) : undefined;
    if (value !== undefined && !Number.isFinite(value)) break;
    return { kind, text: match, position: start, ...(value !== undefined ? { value } : {}) };
  }
  let end = start + 1;
  while (end < text.length && !VALUE_END.test(text[end]!)) end++;
  throw new QueryError('filter', `invalid value '${text.slice(start, end)}' at position ${start}`, start);
}
