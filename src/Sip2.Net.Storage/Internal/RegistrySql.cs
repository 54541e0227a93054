namespace Sip2.Net.Storage.Internal;

/// <summary>
/// The SQL of every read and write, the same on SQLite and PostgreSQL (named parameters, upserts with ON CONFLICT,
/// LIMIT). Every id is stored twice: as written (what the snapshot shows) and as a key folded by
/// <see cref="RegistryKeys"/>, the comparison the rules use, which primary keys, foreign keys and the login-id index
/// are built on; so the constraints agree with the rules whatever the database's collation.
/// </summary>
internal static class RegistrySql
{
    private const string RegistrationColumns =
        "id, ip_address, login_id, password_hash, description, institution_id, branch_id, vendor, encoding, resolution_level, activated";

    private const string BranchColumns =
        "institution_id, branch_id, supported_messages, timeout_seconds, retries_allowed, terminal_location, library_name, send_personal_data, " +
        "use_sort_bin, available_hold_allowed, online_status, checkin_ok, checkout_ok, renewal_policy, status_update_ok, offline_ok";

    public const string SelectGroups = "SELECT id, name FROM sip2_groups";

    public const string SelectInstitutions = "SELECT id, name, group_id FROM sip2_institutions";

    public const string SelectBranchConfigurations = "SELECT " + BranchColumns + " FROM sip2_branch_configurations";

    public const string SelectMessageOverrides = "SELECT institution_id, scenario, text FROM sip2_message_overrides";

    public const string SelectRegistrations = "SELECT " + RegistrationColumns + " FROM sip2_registrations";

    public const string SelectRegistrationById = SelectRegistrations + " WHERE id = @id";

    public const string SelectRegistrationsByAddress = SelectRegistrations + " WHERE ip_address = @ip_address";

    public const string CountBranchConfiguration =
        "SELECT COUNT(*) FROM sip2_branch_configurations WHERE institution_key = @institution_key AND branch_key = @branch_key";

    public const string CountRegistrationsOfInstitution = "SELECT COUNT(*) FROM sip2_registrations WHERE institution_key = @institution_key";

    public const string CountRegistrationsOfBranch =
        "SELECT COUNT(*) FROM sip2_registrations WHERE institution_key = @institution_key AND branch_key = @branch_key";

    public const string InsertRegistration =
        "INSERT INTO sip2_registrations (" + RegistrationColumns + ", login_key, institution_key, branch_key) VALUES " +
        "(@id, @ip_address, @login_id, @password_hash, @description, @institution_id, @branch_id, @vendor, @encoding, @resolution_level, @activated, @login_key, @institution_key, @branch_key)";

    // The address is never written by an update: it cannot change.
    public const string UpdateRegistration =
        "UPDATE sip2_registrations SET login_id = @login_id, login_key = @login_key, password_hash = @password_hash, description = @description, " +
        "institution_id = @institution_id, institution_key = @institution_key, branch_id = @branch_id, branch_key = @branch_key, vendor = @vendor, " +
        "encoding = @encoding, resolution_level = @resolution_level, activated = @activated WHERE id = @id";

    public const string DeleteRegistration = "DELETE FROM sip2_registrations WHERE id = @id";

    public const string UpsertGroup =
        "INSERT INTO sip2_groups (group_key, id, name) VALUES (@group_key, @id, @name) " +
        "ON CONFLICT (group_key) DO UPDATE SET id = excluded.id, name = excluded.name";

    public const string DeleteGroup = "DELETE FROM sip2_groups WHERE group_key = @group_key";

    public const string UpsertInstitution =
        "INSERT INTO sip2_institutions (institution_key, id, name, group_id, group_key) VALUES (@institution_key, @id, @name, @group_id, @group_key) " +
        "ON CONFLICT (institution_key) DO UPDATE SET id = excluded.id, name = excluded.name, group_id = excluded.group_id, group_key = excluded.group_key";

    public const string DeleteInstitutionOverrides = "DELETE FROM sip2_message_overrides WHERE institution_key = @institution_key";

    public const string DeleteInstitution = "DELETE FROM sip2_institutions WHERE institution_key = @institution_key";

    public const string UpsertBranchConfiguration =
        "INSERT INTO sip2_branch_configurations (institution_key, branch_key, " + BranchColumns + ") VALUES " +
        "(@institution_key, @branch_key, @institution_id, @branch_id, @supported_messages, @timeout_seconds, @retries_allowed, @terminal_location, @library_name, " +
        "@send_personal_data, @use_sort_bin, @available_hold_allowed, @online_status, @checkin_ok, @checkout_ok, @renewal_policy, @status_update_ok, @offline_ok) " +
        "ON CONFLICT (institution_key, branch_key) DO UPDATE SET institution_id = excluded.institution_id, branch_id = excluded.branch_id, " +
        "supported_messages = excluded.supported_messages, timeout_seconds = excluded.timeout_seconds, retries_allowed = excluded.retries_allowed, " +
        "terminal_location = excluded.terminal_location, library_name = excluded.library_name, send_personal_data = excluded.send_personal_data, " +
        "use_sort_bin = excluded.use_sort_bin, available_hold_allowed = excluded.available_hold_allowed, online_status = excluded.online_status, " +
        "checkin_ok = excluded.checkin_ok, checkout_ok = excluded.checkout_ok, renewal_policy = excluded.renewal_policy, " +
        "status_update_ok = excluded.status_update_ok, offline_ok = excluded.offline_ok";

    public const string DeleteBranchConfiguration =
        "DELETE FROM sip2_branch_configurations WHERE institution_key = @institution_key AND branch_key = @branch_key";

    public const string UpsertMessageOverride =
        "INSERT INTO sip2_message_overrides (institution_key, scenario, institution_id, text) VALUES (@institution_key, @scenario, @institution_id, @text) " +
        "ON CONFLICT (institution_key, scenario) DO UPDATE SET institution_id = excluded.institution_id, text = excluded.text";

    public const string DeleteMessageOverride = "DELETE FROM sip2_message_overrides WHERE institution_key = @institution_key AND scenario = @scenario";

    public const string InsertAudit =
        "INSERT INTO sip2_audit (changed_at, actor, action, subject, details) VALUES (@changed_at, @actor, @action, @subject, @details)";

    public const string SelectAudit =
        "SELECT sequence, changed_at, actor, action, subject, details FROM sip2_audit WHERE sequence < @before ORDER BY sequence DESC LIMIT @limit";

    public const string SelectMigrations = "SELECT version FROM sip2_schema_migrations";

    public const string CountMigration = "SELECT COUNT(*) FROM sip2_schema_migrations WHERE version = @version";

    public const string InsertMigration = "INSERT INTO sip2_schema_migrations (version, applied_at) VALUES (@version, @applied_at)";
}
