// Prints a filter tree back to text in either COM grammar (or a mix), with random keyword case and spacing, so
// property tests can feed generated trees through the real parser.
import type { FilterNode, Literal, PropertyRef } from '../../src/query/filter/ast.ts';

export type PrintMode = 'infix' | 'function' | 'mixed';

export interface PrintOptions {
  mode: PrintMode;
  /** Drives the per-node choices (grammar in mixed mode, keyword case, spacing). */
  seed?: number;
}

export function printLiteral(l: Literal): string {
  switch (l.type) {
    case 'string':
      return `'${l.value.replace(/'/g, "''")}'`;
    case 'number':
      return String(l.value);
    case 'boolean':
      return String(l.value);
    case 'null':
      return 'null';
    default:
      return l.value;
  }
}

export function printFilter(node: FilterNode, options: PrintOptions): string {
  let state = (options.seed ?? 1) >>> 0 || 1;
  const coin = (): boolean => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % 2 === 0;
  };
  const kw = (word: string): string => (options.seed === undefined || coin() ? word : word.toUpperCase());
  const comma = (): string => (options.seed !== undefined && coin() ? ', ' : ',');
  const style = (): 'infix' | 'function' => (options.mode === 'mixed' ? (coin() ? 'infix' : 'function') : options.mode);

  const prop = (p: PropertyRef): string => (p.transform ? `${kw(p.transform)}(${p.path.join('/')})` : p.path.join('/'));
  const lit = (l: Literal): string => (l.type === 'boolean' || l.type === 'null' ? kw(printLiteral(l)) : printLiteral(l));

  /** parent: the infix construct the text lands in, which decides whether it needs parentheses. */
  const print = (n: FilterNode, parent: 'top' | 'and' | 'or' | 'not' | 'arg'): string => {
    const s = style();
    if (n.kind === 'contains') return `${kw('contains')}(${prop(n.property)}${comma()}${lit(n.value)})`;
    if (s === 'function') {
      switch (n.kind) {
        case 'and':
        case 'or':
          return `${kw(n.kind)}(${n.children.map((c) => print(c, 'arg')).join(comma())})`;
        case 'not':
          return `${kw('not')}(${print(n.child, 'arg')})`;
        case 'compare':
          return `${kw(n.op)}(${prop(n.property)}${comma()}${lit(n.value)})`;
        case 'in':
          return `${kw('in')}(${prop(n.property)}${comma()}${n.values.map(lit).join(comma())})`;
      }
    }
    switch (n.kind) {
      case 'and': {
        const text = n.children.map((c) => print(c, 'and')).join(` ${kw('and')} `);
        return parent === 'not' ? `(${text})` : text;
      }
      case 'or': {
        const text = n.children.map((c) => print(c, 'or')).join(` ${kw('or')} `);
        return parent === 'not' || parent === 'and' ? `(${text})` : text;
      }
      case 'not':
        return `${kw('not')} ${print(n.child, 'not')}`;
      case 'compare':
        return `${prop(n.property)} ${kw(n.op)} ${lit(n.value)}`;
      case 'in': {
        const [open, close] = coin() ? ['(', ')'] : ['[', ']'];
        return `${prop(n.property)} ${kw('in')} ${open}${n.values.map(lit).join(comma())}${close}`;
      }
    }
  };
  return print(node, 'top');
}
