// One recursive-descent parser for both COM filter grammars, freely mixed:
//   or      := and ('or' and)*
//   and     := unary ('and' unary)*
//   unary   := 'not' unary | primary
//   primary := '(' or ')' | 'and(' or,… ')' | 'or(' or,… ')' | op '(' operand ',' literal ')'
//            | 'in(' operand (',' literal)+ ')' | 'contains(' operand ',' literal ')'
//            | operand op literal | operand 'in' ('(' | '[') literal,… (')' | ']')
//   operand := path | ('toupper' | 'tolower') '(' operand ')'
// `not(e)` needs no rule of its own: it is `not` followed by a parenthesised expression.
import { QueryError } from '../query-error.ts';
import { isComparisonOp, type FilterNode, type Literal, type PropertyRef, type Transform } from './ast.ts';
import { tokenize, type Token } from './lexer.ts';

/** Deep enough for any real filter, shallow enough that recursion cannot exhaust the stack. */
const MAX_DEPTH = 64;

/**
 * Parses a COM filter. Returns null for an empty or whitespace-only filter, which means "no filter".
 * Throws QueryError (parameter 'filter', with the 0-based position) on malformed input.
 */
export function parseFilter(text: string): FilterNode | null {
  if (text.trim() === '') return null;
  const parser = new Parser(tokenize(text));
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

function fail(message: string, position: number): never {
  throw new QueryError('filter', `${message} at position ${position}`, position);
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'end of filter' : `token '${token.text}'`;
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }
  /** The keyword a token spells (lower case), if it is a bare word; paths with '/' are never keywords. */
  private keyword(ahead = 0): string | undefined {
    const token = this.peek(ahead);
    return token.kind === 'word' && !token.text.includes('/') ? token.text.toLowerCase() : undefined;
  }
  private expect(kind: Token['kind'], what: string): Token {
    const token = this.peek();
    if (token.kind !== kind) fail(`expected ${what} but found ${describe(token)}`, token.position);
    return this.next();
  }
  private unexpected(): never {
    const token = this.peek();
    fail(`unexpected ${describe(token)}`, token.position);
  }

  expectEnd(): void {
    if (this.peek().kind !== 'end') this.unexpected();
  }

  expression(): FilterNode {
    if (++this.depth > MAX_DEPTH) fail('filter nests too deeply', this.peek().position);
    const children = [this.conjunction()];
    while (this.keyword() === 'or') {
      this.next();
      children.push(this.conjunction());
    }
    this.depth--;
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private conjunction(): FilterNode {
    const children = [this.unary()];
    while (this.keyword() === 'and') {
      this.next();
      children.push(this.unary());
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private unary(): FilterNode {
    if (this.keyword() === 'not') {
      const not = this.next();
      if (++this.depth > MAX_DEPTH) fail('filter nests too deeply', not.position);
      const child = this.unary();
      this.depth--;
      return { kind: 'not', child };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const token = this.peek();
    if (token.kind === 'lparen') {
      this.next();
      const inner = this.expression();
      this.expect('rparen', "')'");
      return inner;
    }
    if (token.kind !== 'word') this.unexpected();
    const word = this.keyword();
    if (word === undefined || this.peek(1).kind !== 'lparen') return this.infix(this.operand());
    if (word === 'and' || word === 'or') return this.logicalCall(word);
    if (isComparisonOp(word) || word === 'in' || word === 'contains') return this.comparisonCall(word);
    if (word === 'toupper' || word === 'tolower') return this.infix(this.operand());
    fail(`unknown function '${token.text}'`, token.position);
  }

  private logicalCall(kind: 'and' | 'or'): FilterNode {
    this.next();
    this.next();
    const children = [this.expression()];
    while (this.peek().kind === 'comma') {
      this.next();
      children.push(this.expression());
    }
    this.expect('rparen', "',' or ')'");
    return { kind, children };
  }

  private comparisonCall(fn: string): FilterNode {
    const name = this.next();
    this.next();
    const property = this.operand();
    this.expect('comma', "','");
    const values = [this.literal(name.text)];
    while (fn === 'in' && this.peek().kind === 'comma') {
      this.next();
      values.push(this.literal(','));
    }
    this.expect('rparen', fn === 'in' ? "',' or ')'" : "')'");
    if (fn === 'in') return { kind: 'in', property, values };
    if (fn === 'contains') return { kind: 'contains', property, value: values[0]! };
    return { kind: 'compare', op: fn as 'eq', property, value: values[0]! };
  }

  private operand(): PropertyRef {
    const token = this.peek();
    if (token.kind !== 'word') fail(`expected a property name but found ${describe(token)}`, token.position);
    const word = this.keyword();
    // Logical keywords are reserved so that `a eq 1 and or b eq 2` fails at the stray `or`.
    if (word === 'and' || word === 'or' || word === 'not') {
      fail(`expected a property name but found ${describe(token)}`, token.position);
    }
    if (this.peek(1).kind === 'lparen') {
      if (word !== 'toupper' && word !== 'tolower') fail(`unknown function '${token.text}'`, token.position);
      this.next();
      this.next();
      const inner = this.operand();
      this.expect('rparen', "')'");
      return { ...inner, transform: word as Transform, position: token.position };
    }
    this.next();
    return { path: token.text.split('/'), position: token.position };
  }

  private infix(property: PropertyRef): FilterNode {
    const word = this.keyword();
    const token = this.peek();
    if (word !== undefined && isComparisonOp(word)) {
      this.next();
      return { kind: 'compare', op: word, property, value: this.literal(token.text) };
    }
    if (word === 'in') {
      this.next();
      const open = this.peek();
      if (open.kind !== 'lparen' && open.kind !== 'lbracket') fail(`expected '(' or '[' after 'in'`, open.position);
      this.next();
      const close = open.kind === 'lparen' ? 'rparen' : 'rbracket';
      const values = [this.literal(open.text)];
      while (this.peek().kind === 'comma') {
        this.next();
        values.push(this.literal(','));
      }
      this.expect(close, `',' or '${close === 'rparen' ? ')' : ']'}'`);
      return { kind: 'in', property, values };
    }
    fail(`expected an operator after '${property.path.join('/')}' but found ${describe(token)}`, token.position);
  }

  private literal(after: string): Literal {
    const token = this.peek();
    const word = this.keyword();
    let literal: Literal | undefined;
    if (token.kind === 'string') literal = { type: 'string', value: token.value as string };
    else if (token.kind === 'number') literal = { type: 'number', value: token.value as number };
    else if (token.kind === 'timestamp') literal = { type: 'timestamp', value: token.text };
    else if (token.kind === 'date') literal = { type: 'date', value: token.text };
    else if (word === 'true' || word === 'false') literal = { type: 'boolean', value: word === 'true' };
    else if (word === 'null') literal = { type: 'null' };
    if (!literal) fail(`expected a value after '${after}' but found ${describe(token)}`, token.position);
    this.next();
    return literal;
  }
}
