// Routes of a server's sub-resources (servers.md §5.3–§5.10) for one version: same members in v1 and
// v1beta2, version-specific operation ids, download-logs in v1 only. Routes only: schema → service → mapper.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ComError } from '../../http/com-error.ts';
import { COM_PREFIXES, resourceUri, typeName, type VersionRoutes } from '../../http/api-scope.ts';
import { errorResponses } from '../../http/schemas.ts';
import { callContext } from '../../http/request-context.ts';
import { parsePaging } from '../../query/paging.ts';
import { toInventory, toRawInventory, toSecurityParameters, toTorPortMapping, toVolumeDetails } from './detail-mapper.ts';
import {
  AnalyzeOsInstall,
  DownloadLogs,
  FormatQuery,
  Inventory,
  InventorySubset,
  InventoryTemplate,
  LogArchiveParams,
  PagingQuery,
  RawInventory,
  SecurityParameters,
  ServerVolumeDetails,
  TorPortMappingCollection,
} from './detail-schemas.ts';
import type { ServerDetailsService } from './details-service.ts';
import { projectInventory, templateIssues } from './inventory-subset.ts';
import { zipFiles } from './log-archive.ts';
import { archiveFolder, logArchiveFiles } from './log-archive-files.ts';
import { IdParams } from './requests.ts';

const tags = ['servers'];
const TOR_LIMITS = { max: 100, default: 100 };
// raw-inventory: deprecated 2024-11-07, sunset 2025-05-30 (servers.md §5.8); RFC 5322 dates (conventions §12).
const RAW_DEPRECATION = 'Thu, 07 Nov 2024 00:00:00 GMT';
const RAW_SUNSET = 'Fri, 30 May 2025 00:00:00 GMT';

export function detailRoutes(details: ServerDetailsService, version: 'v1' | 'v1beta2'): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const ws = (request: Parameters<typeof callContext>[0]) => callContext(request).workspaceId;
    const errors = errorResponses(400, 401, 403, 404, 406, 500);

    r.get(
      '/servers/:id/inventory',
      { schema: { operationId: `get_${version}_server_inventory`, summary: 'Full inventory of a server', tags, params: IdParams, response: { 200: Inventory, ...errors } } },
      async (request) => {
        const { server, details: d } = await details.load(ws(request), request.params.id);
        return toInventory(server, d, scope);
      },
    );

    r.post(
      '/servers/:id/inventory',
      {
        config: { permission: 'read' },
        // An empty JSON body asks for everything, like {}.
        preValidation: async (request) => {
          request.body ??= {};
        },
        schema: {
          operationId: `post_${version}_subset_server_inventory`,
          summary: 'Part of the inventory of a server, chosen by a template',
          tags,
          params: IdParams,
          querystring: FormatQuery,
          body: InventoryTemplate,
          response: { 200: InventorySubset, ...errors },
        },
      },
      async (request) => {
        const { server, details: d } = await details.load(ws(request), request.params.id);
        const inventory = toInventory(server, d, scope) as Record<string, unknown>;
        const template = request.body as Record<string, unknown>;
        const issues = templateIssues(template, inventory);
        if (issues.length) throw ComError.badRequest(issues);
        return projectInventory(template, inventory);
      },
    );

    r.get(
      '/servers/:id/raw-inventory',
      {
        schema: {
          deprecated: true,
          operationId: `get_${version}_server_raw_inventory`,
          summary: 'Raw inventory of a server (deprecated; use /inventory)',
          tags,
          params: IdParams,
          response: { 200: RawInventory, ...errors },
        },
      },
      async (request, reply) => {
        const { server, details: d } = await details.load(ws(request), request.params.id);
        reply.header('deprecation', RAW_DEPRECATION).header('sunset', RAW_SUNSET);
        reply.header('link', `<${resourceUri({ prefix: scope.prefix, version: 'v1' }, `servers/${server.id}/inventory`)}>; rel="successor-version"`);
        return toRawInventory(server, d, scope);
      },
    );

    r.get(
      '/servers/:id/security-parameters',
      {
        schema: {
          operationId: `get_${version}_server_security_parameters`,
          summary: 'iLO security parameters of a server',
          tags,
          params: IdParams,
          response: { 200: SecurityParameters, ...errors },
        },
      },
      async (request) => {
        const { server, details: d } = await details.load(ws(request), request.params.id);
        return toSecurityParameters(server, d, scope);
      },
    );

    r.get(
      '/servers/:id/tor-port-mappings',
      {
        schema: {
          operationId: `get_${version}_server_network_connectivity`,
          summary: 'Adapter ports of a server and the switch ports they connect to',
          tags,
          params: IdParams,
          querystring: PagingQuery,
          response: { 200: TorPortMappingCollection, ...errors },
        },
      },
      async (request) => {
        const { offset, limit } = parsePaging(request.query, TOR_LIMITS);
        const { server, details: d } = await details.load(ws(request), request.params.id);
        const items = d.torPortMappings.slice(offset, offset + limit).map((m) => toTorPortMapping(server, m, scope));
        return { offset, count: items.length, total: d.torPortMappings.length, items };
      },
    );

    r.get(
      '/servers/:id/external-storage-details',
      {
        schema: {
          operationId: `get_${version}_server_external_storage_details`,
          summary: 'External storage of a server (after the External Storage Details job)',
          tags,
          params: IdParams,
          response: { 200: ServerVolumeDetails, ...errors },
        },
      },
      async (request) => {
        const { server, storage } = await details.externalStorage(ws(request), request.params.id);
        return toVolumeDetails(server, storage);
      },
    );

    r.post(
      '/servers/:id/analyze-os-install',
      {
        // A question, not a change; clients sometimes send {"id": …}, which is ignored.
        config: { permission: 'read' },
        schema: {
          operationId: `post_${version}_analyze_os_install`,
          summary: 'Whether a server has a storage volume an OS can be installed on',
          tags,
          params: IdParams,
          response: { 200: AnalyzeOsInstall, ...errors },
        },
      },
      async (request) => ({ serverHasStorageVolume: (await details.load(ws(request), request.params.id)).details.hasStorageVolume }),
    );

    if (version !== 'v1') return;

    r.get(
      '/servers/:id/download-logs',
      {
        schema: {
          operationId: 'download_v1_server_logs',
          summary: 'A ten-minute link to the last collected server logs',
          tags,
          params: IdParams,
          response: { 200: DownloadLogs, ...errorResponses(400, 401, 403, 404, 406, 429, 500) },
        },
      },
      async (request) => {
        const { server, token, expiresAt } = await details.logDownload(ws(request), request.params.id);
        const path = resourceUri(scope, `servers/${encodeURIComponent(server.id)}/download-logs/${token}.zip`);
        return { id: server.id, type: typeName(scope, 'server/download-logs'), downloadUrl: `${request.protocol}://${request.host}${path}`, expiresAt };
      },
    );
  };
}

/**
 * Where a download-logs link leads. Like the pre-signed URL it stands for, it needs no bearer token (the
 * random token is the credential), so it is a plain route outside the COM guard, hidden from /openapi.json.
 */
export function logArchiveRoutes(app: FastifyInstance, details: ServerDetailsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  for (const prefix of COM_PREFIXES) {
    r.get(`/${prefix}/v1/servers/:id/download-logs/:file`, { schema: { hide: true, params: LogArchiveParams } }, async (request, reply) => {
      const token = /^([A-Za-z0-9_-]{16,64})\.zip$/.exec(request.params.file)?.[1];
      if (!token) throw new ComError('NOT_FOUND', 'Download link was not found');
      const { server, collection } = await details.logArchive(token, request.params.id);
      const modified = new Date(collection?.collectedAt ?? server.lastServerLogCollectionAt ?? Date.now());
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${archiveFolder(server)}.zip"`)
        .send(zipFiles(logArchiveFiles(server, collection), modified));
    });
  }
}
