// The parsed form of a COM `filter`. Both grammars (OData-subset infix and function style) produce this one tree,
// so compilers and evaluators never care which grammar a client used.

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/**
 * A literal as written. Timestamps and dates keep their source text: what they mean depends on the property
 * they are compared with (see compile-sql.ts), and the text is already validated by the parser.
 */
export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'timestamp'; value: string }
  | { type: 'date'; value: string };

export type Transform = 'toupper' | 'tolower';

/** A property path (`state/managed` → ['state', 'managed']), optionally wrapped in toupper()/tolower(). */
export interface PropertyRef {
  path: string[];
  /**
   * Nested transforms collapse to the outermost one: with ASCII case mapping toupper(tolower(x)) = toupper(x).
   */
  transform?: Transform;
  /** Where the path starts in the filter text, for error messages. */
  position: number;
}

export type FilterNode =
  | { kind: 'and'; children: FilterNode[] }
  | { kind: 'or'; children: FilterNode[] }
  | { kind: 'not'; child: FilterNode }
  | { kind: 'compare'; op: ComparisonOp; property: PropertyRef; value: Literal }
  /** `p in (a, b)` means `p eq a or p eq b`. */
  | { kind: 'in'; property: PropertyRef; values: Literal[] }
  | { kind: 'contains'; property: PropertyRef; value: Literal };

export const COMPARISON_OPS: readonly ComparisonOp[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

export function isComparisonOp(word: string): word is ComparisonOp {
  return (COMPARISON_OPS as readonly string[]).includes(word);
}

/** A leaf of the tree: one test of one property. */
export type AtomNode = Extract<FilterNode, { property: PropertyRef }>;
