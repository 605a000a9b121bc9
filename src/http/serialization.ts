// Response serializers are compiled on first use and shared between routes that answer with the same schema
// object. Compiling all of them up front cost seconds per application: every operation is published under two
// prefixes with seven or eight error statuses each, and most of those serializers never run in a given
// process (a test file, a CLI call, a worker that only runs jobs).
import type { FastifyInstance } from 'fastify';
import fastJsonStringify from 'fast-json-stringify';

type Serializer = (data: unknown) => string;

export function installSerializers(app: FastifyInstance): void {
  const compiled = new WeakMap<object, Serializer>();
  const compile = (schema: object): Serializer => {
    let serializer = compiled.get(schema);
    if (!serializer) {
      serializer = fastJsonStringify(schema as Parameters<typeof fastJsonStringify>[0]) as Serializer;
      compiled.set(schema, serializer);
    }
    return serializer;
  };
  app.setSerializerCompiler(({ schema }) => {
    let serializer: Serializer | undefined;
    return (data: unknown) => (serializer ??= compile(schema as object))(data);
  });
}
