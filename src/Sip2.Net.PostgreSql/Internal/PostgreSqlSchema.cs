using System.Collections.Generic;

namespace Sip2.Net.PostgreSql.Internal;

/// <summary>
/// The PostgreSQL schema, one script per version (never edited once released: a change is a new version). Every
/// constraint is named, and a violation is mapped by its name to the rule it stands for. Enum columns are checked
/// against the values the library knows; a value added later comes with a migration that widens the check.
/// </summary>
internal static class PostgreSqlSchema
{
    public const string CreateMigrationsTable =
        "CREATE TABLE IF NOT EXISTS sip2_schema_migrations (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL)";

    public static IReadOnlyList<string> Migrations { get; } = [Version1];

    private const string Version1 = """
        CREATE TABLE sip2_groups (
            group_key text NOT NULL CONSTRAINT sip2_groups_pkey PRIMARY KEY,
            id text NOT NULL,
            name text
        );
        CREATE TABLE sip2_institutions (
            institution_key text NOT NULL CONSTRAINT sip2_institutions_pkey PRIMARY KEY,
            id text NOT NULL,
            name text,
            group_id text,
            group_key text CONSTRAINT sip2_institutions_group_fkey REFERENCES sip2_groups (group_key)
        );
        CREATE INDEX sip2_institutions_group ON sip2_institutions (group_key);
        CREATE TABLE sip2_branch_configurations (
            institution_key text NOT NULL CONSTRAINT sip2_branch_configurations_institution_fkey REFERENCES sip2_institutions (institution_key),
            branch_key text NOT NULL,
            institution_id text NOT NULL,
            branch_id text NOT NULL,
            supported_messages integer NOT NULL,
            timeout_seconds integer NOT NULL,
            retries_allowed integer NOT NULL,
            terminal_location text,
            library_name text,
            send_personal_data boolean NOT NULL,
            use_sort_bin boolean NOT NULL,
            available_hold_allowed boolean NOT NULL,
            online_status boolean NOT NULL,
            checkin_ok boolean NOT NULL,
            checkout_ok boolean NOT NULL,
            renewal_policy boolean NOT NULL,
            status_update_ok boolean NOT NULL,
            offline_ok boolean NOT NULL,
            CONSTRAINT sip2_branch_configurations_pkey PRIMARY KEY (institution_key, branch_key)
        );
        CREATE TABLE sip2_registrations (
            id uuid NOT NULL CONSTRAINT sip2_registrations_pkey PRIMARY KEY,
            ip_address text NOT NULL,
            login_id text,
            login_key text,
            password_hash text,
            description text,
            institution_id text NOT NULL,
            institution_key text NOT NULL,
            branch_id text NOT NULL,
            branch_key text NOT NULL,
            vendor text NOT NULL,
            encoding integer NOT NULL CONSTRAINT sip2_registrations_encoding_check CHECK (encoding IN (0, 1, 2)),
            resolution_level integer NOT NULL CONSTRAINT sip2_registrations_resolution_level_check CHECK (resolution_level IN (0, 1)),
            activated boolean NOT NULL,
            CONSTRAINT sip2_registrations_branch_fkey FOREIGN KEY (institution_key, branch_key)
                REFERENCES sip2_branch_configurations (institution_key, branch_key)
        );
        CREATE UNIQUE INDEX sip2_registrations_login_key ON sip2_registrations (ip_address, login_key);
        CREATE UNIQUE INDEX sip2_registrations_sole_without_login ON sip2_registrations (ip_address) WHERE login_key IS NULL;
        CREATE INDEX sip2_registrations_branch ON sip2_registrations (institution_key, branch_key);
        CREATE TABLE sip2_message_overrides (
            institution_key text NOT NULL CONSTRAINT sip2_message_overrides_institution_fkey REFERENCES sip2_institutions (institution_key) ON DELETE CASCADE,
            scenario integer NOT NULL,
            institution_id text NOT NULL,
            text text NOT NULL,
            CONSTRAINT sip2_message_overrides_pkey PRIMARY KEY (institution_key, scenario)
        );
        CREATE TABLE sip2_audit (
            sequence bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT sip2_audit_pkey PRIMARY KEY,
            changed_at timestamptz NOT NULL,
            actor text NOT NULL,
            action integer NOT NULL,
            subject text NOT NULL,
            details text NOT NULL
        );
        """;
}
