// `filter-tags` (conventions §6.5, filters.md §7): quoted tag keys compared with quoted values, e.g.
// `(('Rack' eq 'Rack1') AND ('Row' eq 'Row1'))`. Beyond the documented `eq`/`AND`, it accepts what saved
// filters store: `ne`, `in (...)`, `or`, `not` and parentheses, keywords in any case. Compiled to SQL over the
// servers' `tags` JSON column; keys and values are always bound parameters.
import { tokenize, type Token } from '../../query/filter/lexer.ts';
import { QueryError } from '../../query/query-error.ts';
import type { Dialect } from '../../store/store.ts';
import type { TagNode } from './model.ts';

const PARAMETER = 'filter-tags';
/** Saved filters cap `filterTags` at 2000 characters (filters.md §2). */
export const MAX_FILTER_TAGS_LENGTH = 2000;

class TagParser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private keyword(word: string): boolean {
    const t = this.peek();
    if (t.kind === 'word' && t.text.toLowerCase() === word) {
      this.i++;
      return true;
    }
    return false;
  }
  private fail(t: Token, expected: string): never {
    const what = t.kind === 'end' ? 'the end' : `'${t.text}'`;
    throw new QueryError(PARAMETER, `expected ${expected} but found ${what} at position ${t.position}`, t.position);
  }
  private expect(kind: Token['kind'], expected: string): Token {
    const t = this.next();
    if (t.kind !== kind) this.fail(t, expected);
    return t;
  }

  parse(): TagNode {
    const node = this.or();
    if (this.peek().kind !== 'end') this.fail(this.peek(), "'and', 'or' or the end");
    return node;
  }
  private or(): TagNode {
    const children = [this.and()];
    while (this.keyword('or')) children.push(this.and());
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }
  private and(): TagNode {
    const children = [this.unary()];
    while (this.keyword('and')) children.push(this.unary());
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }
  private unary(): TagNode {
    if (this.keyword('not')) return { kind: 'not', child: this.unary() };
    if (this.peek().kind === 'lparen') {
      this.next();
      const inner = this.or();
      this.expect('rparen', "')'");
      return inner;
    }
    return this.term();
  }
  private term(): TagNode {
    const key = this.expect('string', "a quoted tag key such as 'Rack'");
    const op = this.next();
    const word = op.kind === 'word' ? op.text.toLowerCase() : '';
    if (word === 'eq' || word === 'ne') {
      const value = this.expect('string', 'a quoted tag value');
      return { kind: 'tag', key: String(key.value), op: word, values: [String(value.value)] };
    }
    if (word !== 'in') this.fail(op, "'eq', 'ne' or 'in'");
    const open = this.next();
    if (open.kind !== 'lparen' && open.kind !== 'lbracket') this.fail(open, "'('");
    const values = [String(this.expect('string', 'a quoted tag value').value)];
    while (this.peek().kind === 'comma') {
      this.next();
      values.push(String(this.expect('string', 'a quoted tag value').value));
    }
    this.expect(open.kind === 'lparen' ? 'rparen' : 'rbracket', open.kind === 'lparen' ? "')'" : "']'");
    return { kind: 'tag', key: String(key.value), op: 'in', values };
  }
}

/** Parses a tag filter; empty or absent means no condition. Throws QueryError('filter-tags') when malformed. */
export function parseFilterTags(text: string | undefined): TagNode | null {
  if (text === undefined || text.trim() === '') return null;
  if (text.length > MAX_FILTER_TAGS_LENGTH) throw new QueryError(PARAMETER, `must not exceed ${MAX_FILTER_TAGS_LENGTH} characters`);
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (err) {
    if (err instanceof QueryError) throw new QueryError(PARAMETER, err.message, err.position);
    throw err;
  }
  return new TagParser(tokens).parse();
}

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** SQL that is TRUE or FALSE (never NULL) for a server whose tags JSON object is in `column`. */
export function compileTagNode(node: TagNode, column: string, dialect: Dialect): SqlFragment {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const parts = node.children.map((c) => compileTagNode(c, column, dialect));
      return { sql: `(${parts.map((p) => p.sql).join(node.kind === 'and' ? ' AND ' : ' OR ')})`, params: parts.flatMap((p) => p.params) };
    }
    case 'not': {
      const inner = compileTagNode(node.child, column, dialect);
      return { sql: `(NOT ${inner.sql})`, params: inner.params };
    }
    case 'tag': {
      const marks = node.values.map(() => '?').join(', ');
      // A server without the tag is not equal to any value, so `ne` holds for it (OData null semantics).
      const has =
        dialect === 'sqlite'
          ? `EXISTS (SELECT 1 FROM json_each(${column}) je WHERE je.key = ? AND je.type = 'text' AND je.value IN (${marks}))`
          : `COALESCE((${column} ->> CAST(? AS TEXT)) IN (${marks}), FALSE)`;
      return { sql: node.op === 'ne' ? `(NOT ${has})` : has, params: [node.key, ...node.values] };
    }
  }
}
