// /openapi.json generated from the route schemas (the same ones that validate and serialise), and a
// readable docs page at /docs. Only the current /compute-ops-mgmt paths are documented.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const openapiPlugin = fp(async function openapi(app: FastifyInstance, opts: { version: string }) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenCOM — HPE Compute Ops Management compatible API',
        version: opts.version,
        description:
          'Self-hosted server-fleet manager whose REST API is wire-compatible with HPE Compute Ops Management. ' +
          'Get a token with POST /as/token.oauth2 (grant_type=client_credentials) and send it as a Bearer token.',
      },
      components: {
        securitySchemes: { Bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ Bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
