// Servers: the list table (nested objects as JSON, plus copies of the hot filter fields as plain indexed
// columns), the heavier per-server documents, each user's per-server notification choices, credential-server
// registrations waiting for their job, short-lived log download links and the latest collected logs. Append-only.
import type { Migration } from '../../store/store.ts';

export const serverMigrations: Migration[] = [
  {
    id: 'servers-001',
    up: (t) => [
      `CREATE TABLE servers (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        id ${t.text} NOT NULL,
        name ${t.text} NOT NULL,
        product_id ${t.text} NOT NULL,
        serial_number ${t.text} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        platform_family ${t.text},
        server_generation ${t.text} NOT NULL,
        maintenance_mode ${t.bool} NOT NULL,
        hardware ${t.json} NOT NULL,
        state ${t.json} NOT NULL,
        firmware_inventory ${t.json},
        software_inventory ${t.json},
        firmware_bundle_uri ${t.text},
        last_firmware_update ${t.json},
        tags ${t.json},
        processor_vendor ${t.text},
        bios_family ${t.text},
        host ${t.json},
        auto_ilo_fw_update ${t.bool} NOT NULL,
        oneview ${t.json},
        last_full_inventory_collection_at ${t.timestamp},
        last_full_inventory_collection_power_state ${t.text} NOT NULL,
        device_claim_type ${t.text},
        connection_type ${t.text},
        managed_by ${t.text},
        last_server_log_collection_at ${t.timestamp},
        appliance ${t.json},
        power_state ${t.text} NOT NULL,
        health_summary ${t.text},
        model ${t.text},
        hostname ${t.text},
        subscription_state ${t.text} NOT NULL,
        connected ${t.bool} NOT NULL,
        PRIMARY KEY (workspace_id, id)
      )`,
      `CREATE INDEX servers_power ON servers (workspace_id, power_state, id)`,
      `CREATE INDEX servers_health ON servers (workspace_id, health_summary, id)`,
      `CREATE INDEX servers_hostname ON servers (workspace_id, hostname)`,
      `CREATE INDEX servers_name ON servers (workspace_id, name)`,
      `CREATE INDEX servers_model ON servers (workspace_id, model, id)`,
      `CREATE INDEX servers_generation ON servers (workspace_id, server_generation, id)`,
      `CREATE INDEX servers_subscription ON servers (workspace_id, subscription_state, id)`,
      `CREATE INDEX servers_created ON servers (workspace_id, created_at, id)`,
      `CREATE TABLE server_details (
        workspace_id ${t.text} NOT NULL,
        server_id ${t.text} NOT NULL,
        inventory ${t.json} NOT NULL,
        security_parameters ${t.json} NOT NULL,
        tor_port_mappings ${t.json} NOT NULL,
        external_storage ${t.json},
        has_storage_volume ${t.bool} NOT NULL,
        PRIMARY KEY (workspace_id, server_id),
        FOREIGN KEY (workspace_id, server_id) REFERENCES servers (workspace_id, id) ON DELETE CASCADE
      )`,
      `CREATE TABLE server_notifications (
        workspace_id ${t.text} NOT NULL,
        server_id ${t.text} NOT NULL,
        user_id ${t.text} NOT NULL REFERENCES users(id),
        critical_notification ${t.bool} NOT NULL,
        critical_non_service_notification ${t.bool},
        warning_notification ${t.bool},
        health_notification ${t.bool},
        power_reset_notification ${t.bool},
        disconnect_notification ${t.int},
        updated_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (workspace_id, server_id, user_id),
        FOREIGN KEY (workspace_id, server_id) REFERENCES servers (workspace_id, id) ON DELETE CASCADE
      )`,
    ],
  },
  {
    id: 'servers-002',
    up: (t) => [
      // The tier gets its own column so v1beta2's capitalised spelling matches through the enum's
      // case-insensitive comparison (servers.md §2.1); `->>` reads JSON the same way on both databases.
      `ALTER TABLE servers ADD COLUMN subscription_tier ${t.text}`,
      `UPDATE servers SET subscription_tier = state ->> 'subscriptionTier'`,
      // The BMC password stays out of the filterable hardware document, so no filter can probe it.
      `ALTER TABLE servers ADD COLUMN bmc_password ${t.text}`,
      `CREATE TABLE server_registrations (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        id ${t.text} NOT NULL,
        created_by ${t.text} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        state ${t.text} NOT NULL,
        host ${t.text} NOT NULL,
        username ${t.text} NOT NULL,
        password ${t.text} NOT NULL,
        certificate_fingerprint ${t.text} NOT NULL,
        appliance_id ${t.text},
        server_id ${t.text},
        failure_reason ${t.text},
        PRIMARY KEY (workspace_id, id)
      )`,
      `CREATE INDEX server_registrations_state ON server_registrations (workspace_id, state, created_at)`,
      `CREATE TABLE server_log_downloads (
        token ${t.text} PRIMARY KEY,
        workspace_id ${t.text} NOT NULL,
        server_id ${t.text} NOT NULL,
        expires_at ${t.timestamp} NOT NULL,
        FOREIGN KEY (workspace_id, server_id) REFERENCES servers (workspace_id, id) ON DELETE CASCADE
      )`,
    ],
  },
  {
    // Lists are ordered by createdAt then id; the filter indexes carry that order (and the generation the
    // render cache keys on), so a filtered page is read from the index without sorting every match.
    id: 'servers-003',
    up: () => [
      'DROP INDEX servers_power',
      'DROP INDEX servers_health',
      'DROP INDEX servers_model',
      'DROP INDEX servers_generation',
      'DROP INDEX servers_subscription',
      'DROP INDEX servers_created',
      'CREATE INDEX servers_power ON servers (workspace_id, power_state, created_at, id, generation)',
      'CREATE INDEX servers_health ON servers (workspace_id, health_summary, created_at, id, generation)',
      'CREATE INDEX servers_model ON servers (workspace_id, model, created_at, id, generation)',
      'CREATE INDEX servers_generation ON servers (workspace_id, server_generation, created_at, id, generation)',
      'CREATE INDEX servers_subscription ON servers (workspace_id, subscription_state, created_at, id, generation)',
      'CREATE INDEX servers_created ON servers (workspace_id, created_at, id, generation)',
    ],
  },
  {
    // The entries of a server's latest successful log collection (CollectServerLog), which the
    // download-logs archive hands out; one row per server, replaced by the next collection.
    id: 'servers-004',
    up: (t) => [
      `CREATE TABLE server_log_collections (
        workspace_id ${t.text} NOT NULL,
        server_id ${t.text} NOT NULL,
        collected_at ${t.timestamp} NOT NULL,
        iel_entries ${t.json} NOT NULL,
        iml_entries ${t.json} NOT NULL,
        ahs_log ${t.json},
        PRIMARY KEY (workspace_id, server_id),
        FOREIGN KEY (workspace_id, server_id) REFERENCES servers (workspace_id, id) ON DELETE CASCADE
      )`,
    ],
  },
];
