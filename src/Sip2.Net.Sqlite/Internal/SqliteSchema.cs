using System.Collections.Generic;

namespace Sip2.Net.Sqlite.Internal;

/// <summary>
/// The SQLite schema, one script per version (never edited once released: a change is a new version). Constraints are
/// named as in the PostgreSQL schema, so a violation maps to the same rule.
/// </summary>
internal static class SqliteSchema
{
    public const string CreateMigrationsTable =
        "CREATE TABLE IF NOT EXISTS sip2_schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)";

    public static IReadOnlyList<string> Migrations { get; } = [Version1];

    private const string Version1 = """
        CREATE TABLE sip2_groups (
            group_key TEXT NOT NULL CONSTRAINT sip2_groups_pkey PRIMARY KEY,
            id TEXT NOT NULL,
            name TEXT
        );
        CREATE TABLE sip2_institutions (
            institution_key TEXT NOT NULL CONSTRAINT sip2_institutions_pkey PRIMARY KEY,
            id TEXT NOT NULL,
            name TEXT,
            group_id TEXT,
            group_key TEXT CONSTRAINT sip2_institutions_group_fkey REFERENCES sip2_groups (group_key)
        );
        CREATE INDEX sip2_institutions_group ON sip2_institutions (group_key);
        CREATE TABLE sip2_branch_configurations (
            institution_key TEXT NOT NULL CONSTRAINT sip2_branch_configurations_institution_fkey REFERENCES sip2_institutions (institution_key),
            branch_key TEXT NOT NULL,
            institution_id TEXT NOT NULL,
            branch_id TEXT NOT NULL,
            supported_messages INTEGER NOT NULL,
            timeout_seconds INTEGER NOT NULL,
            retries_allowed INTEGER NOT NULL,
            terminal_location TEXT,
            library_name TEXT,
            send_personal_data INTEGER NOT NULL,
            use_sort_bin INTEGER NOT NULL,
            available_hold_allowed INTEGER NOT NULL,
            online_status INTEGER NOT NULL,
            checkin_ok INTEGER NOT NULL,
            checkout_ok INTEGER NOT NULL,
            renewal_policy INTEGER NOT NULL,
            status_update_ok INTEGER NOT NULL,
            offline_ok INTEGER NOT NULL,
            CONSTRAINT sip2_branch_configurations_pkey PRIMARY KEY (institution_key, branch_key)
        );
        CREATE TABLE sip2_registrations (
            id TEXT NOT NULL CONSTRAINT sip2_registrations_pkey PRIMARY KEY,
            ip_address TEXT NOT NULL,
            login_id TEXT,
            login_key TEXT,
            password_hash TEXT,
            description TEXT,
            institution_id TEXT NOT NULL,
            institution_key TEXT NOT NULL,
            branch_id TEXT NOT NULL,
            branch_key TEXT NOT NULL,
            vendor TEXT NOT NULL,
            encoding INTEGER NOT NULL CONSTRAINT sip2_registrations_encoding_check CHECK (encoding IN (0, 1, 2)),
            resolution_level INTEGER NOT NULL CONSTRAINT sip2_registrations_resolution_level_check CHECK (resolution_level IN (0, 1)),
            activated INTEGER NOT NULL,
            CONSTRAINT sip2_registrations_branch_fkey FOREIGN KEY (institution_key, branch_key)
                REFERENCES sip2_branch_configurations (institution_key, branch_key)
        );
        CREATE UNIQUE INDEX sip2_registrations_login_key ON sip2_registrations (ip_address, login_key);
        CREATE UNIQUE INDEX sip2_registrations_sole_without_login ON sip2_registrations (ip_address) WHERE login_key IS NULL;
        CREATE INDEX sip2_registrations_branch ON sip2_registrations (institution_key, branch_key);
        CREATE TABLE sip2_message_overrides (
            institution_key TEXT NOT NULL CONSTRAINT sip2_message_overrides_institution_fkey REFERENCES sip2_institutions (institution_key) ON DELETE CASCADE,
            scenario INTEGER NOT NULL,
            institution_id TEXT NOT NULL,
            text TEXT NOT NULL,
            CONSTRAINT sip2_message_overrides_pkey PRIMARY KEY (institution_key, scenario)
        );
        CREATE TABLE sip2_audit (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            changed_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action INTEGER NOT NULL,
            subject TEXT NOT NULL,
            details TEXT NOT NULL
        );
        """;
}
