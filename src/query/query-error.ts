// A malformed or unsupported collection query parameter. The HTTP layer maps it to a COM 400 whose issue is
// `{ source: 'query.parameter', subject: parameter, description: message }`, so the message must stand alone.

/** Names of the query parameters the collection machinery validates; other strings are allowed for callers. */
export type QueryParameter = 'filter' | 'sort' | 'select' | 'offset' | 'limit';

export class QueryError extends Error {
  override readonly name = 'QueryError';
  /** The query parameter at fault; becomes the issue `subject`. */
  readonly parameter: QueryParameter | (string & {});
  /** 0-based character offset into the parameter value, when the problem has a place. */
  readonly position?: number;

  constructor(parameter: QueryParameter | (string & {}), message: string, position?: number) {
    super(message);
    this.parameter = parameter;
    if (position !== undefined) this.position = position;
  }
}
