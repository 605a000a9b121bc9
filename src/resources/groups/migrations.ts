// Groups: the groups themselves, the settings each references, their members (one group per device, enforced
// by the members' primary key), and the compliance results the compliance jobs write. Append-only.
import type { Migration } from '../../store/store.ts';

export const groupMigrations: Migration[] = [
  {
    id: 'groups-001',
    up: (t) => [
      // `groups` is a window-frame keyword in SQLite, hence device_groups.
      `CREATE TABLE device_groups (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        id ${t.text} NOT NULL,
        name ${t.text} NOT NULL,
        name_key ${t.text} NOT NULL,
        description ${t.text},
        device_type ${t.text} NOT NULL,
        setting_ids ${t.text} NOT NULL,
        policies ${t.json} NOT NULL,
        auto_add_tags ${t.json} NOT NULL,
        auto_tag_key ${t.text},
        auto_fw_update ${t.bool} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, name_key),
        UNIQUE (workspace_id, auto_tag_key)
      )`,
      `CREATE INDEX device_groups_name ON device_groups (workspace_id, name, id)`,
      `CREATE TABLE group_settings (
        workspace_id ${t.text} NOT NULL,
        group_id ${t.text} NOT NULL,
        setting_id ${t.text} NOT NULL REFERENCES device_settings(id),
        category ${t.text} NOT NULL,
        position ${t.int} NOT NULL,
        PRIMARY KEY (workspace_id, group_id, setting_id),
        FOREIGN KEY (workspace_id, group_id) REFERENCES device_groups (workspace_id, id) ON DELETE CASCADE
      )`,
      `CREATE INDEX group_settings_setting ON group_settings (workspace_id, setting_id)`,
      `CREATE TABLE group_devices (
        workspace_id ${t.text} NOT NULL,
        device_id ${t.text} NOT NULL,
        group_id ${t.text} NOT NULL,
        etag ${t.text} NOT NULL,
        added_at ${t.timestamp} NOT NULL,
        policies_pending ${t.bool} NOT NULL,
        PRIMARY KEY (workspace_id, device_id),
        UNIQUE (workspace_id, group_id, device_id),
        FOREIGN KEY (workspace_id, group_id) REFERENCES device_groups (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, device_id) REFERENCES servers (workspace_id, id) ON DELETE CASCADE
      )`,
      // A record belongs to a membership: a device that leaves (or moves) takes its results with it.
      `CREATE TABLE group_compliance (
        workspace_id ${t.text} NOT NULL,
        id ${t.text} NOT NULL,
        group_id ${t.text} NOT NULL,
        device_id ${t.text} NOT NULL,
        category ${t.text} NOT NULL,
        serial ${t.text} NOT NULL,
        product_id ${t.text} NOT NULL,
        bundle_id ${t.text},
        deviations ${t.json} NOT NULL,
        score ${t.int},
        compliance_state ${t.text} NOT NULL,
        error_reason ${t.text} NOT NULL,
        remediation ${t.json},
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, group_id, device_id, category),
        FOREIGN KEY (workspace_id, group_id, device_id) REFERENCES group_devices (workspace_id, group_id, device_id) ON DELETE CASCADE
      )`,
      `CREATE TABLE group_external_storage_compliance (
        workspace_id ${t.text} NOT NULL,
        group_id ${t.text} NOT NULL,
        host_os ${t.text} NOT NULL,
        compliance_state ${t.text} NOT NULL,
        deviations ${t.json} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (workspace_id, group_id),
        FOREIGN KEY (workspace_id, group_id) REFERENCES device_groups (workspace_id, id) ON DELETE CASCADE
      )`,
    ],
  },
];
