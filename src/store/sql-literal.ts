// SQL literals for migrations that seed reference data: `Migration.up` returns plain statements without
// parameters, so values are written into the SQL. The same text works on SQLite and PostgreSQL.

/** One value as a SQL literal; objects and arrays become JSON text (a JSON column accepts it on both). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`sqlLiteral: ${value} has no SQL literal`);
    return String(value);
  }
  if (typeof value === 'string') {
    // PostgreSQL text cannot hold NUL; refusing it here keeps both databases identical.
    if (value.includes('\u0000')) throw new Error('sqlLiteral: NUL characters cannot be stored');
    return `'${value.replace(/'/g, "''")}'`;
  }
  return sqlLiteral(JSON.stringify(value));
}

/** Multi-row INSERT statements, `chunk` rows each (keeps every statement well under both databases' limits). */
export function insertStatements(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], chunk = 100): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((row) => {
      if (row.length !== columns.length) throw new Error(`insertStatements: ${table} row has ${row.length} values for ${columns.length} columns`);
      return `(${row.map(sqlLiteral).join(', ')})`;
    });
    out.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`);
  }
  return out;
}
