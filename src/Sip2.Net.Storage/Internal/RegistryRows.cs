using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;

namespace Sip2.Net.Storage.Internal;

/// <summary>Commands, their parameters, and rows turned back into the records: plain ADO.NET, one mapping per table.</summary>
internal static class RegistryRows
{
    public static DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static DbCommand Text(this DbCommand command, string name, string? value) => command.Add(name, DbType.String, value);

    public static DbCommand Int(this DbCommand command, string name, int value) => command.Add(name, DbType.Int32, value);

    public static DbCommand Long(this DbCommand command, string name, long value) => command.Add(name, DbType.Int64, value);

    public static DbCommand Bool(this DbCommand command, string name, bool value) => command.Add(name, DbType.Boolean, value);

    public static DbCommand Time(this DbCommand command, string name, DateTimeOffset value) => command.Add(name, DbType.DateTimeOffset, value);

    public static DbCommand Id(this DbCommand command, RegistryDatabase database, Guid id)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = database.IdValue(id); // the database's own type for ids: no DbType fits both
        command.Parameters.Add(parameter);
        return command;
    }

    public static async Task<long> CountAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        using (command)
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    public static async Task<int> RunAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every row the command returns that <paramref name="map"/> can read (null: left out, already logged).</summary>
    public static async Task<List<T>> ReadAsync<T>(this DbCommand command, Func<DbDataReader, T?> map, CancellationToken cancellationToken)
        where T : class
    {
        using (command)
        {
            var rows = new List<T>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (map(reader) is { } row)
                    {
                        rows.Add(row);
                    }
                }
            }

            return rows;
        }
    }

    public static DbCommand Registration(this DbCommand command, RegistryDatabase database, Sip2ClientRegistration registration) =>
        command.Id(database, registration.Id)
            .Text("ip_address", RegistryKeys.Of(registration.IPAddress))
            .Text("login_id", registration.LoginId)
            .Text("login_key", RegistryKeys.OfOptional(registration.LoginId))
            .Text("password_hash", registration.PasswordHash?.ToStoredString())
            .Text("description", registration.Description)
            .Text("institution_id", registration.InstitutionId)
            .Text("institution_key", RegistryKeys.Of(registration.InstitutionId))
            .Text("branch_id", registration.BranchId)
            .Text("branch_key", RegistryKeys.Of(registration.BranchId))
            .Text("vendor", registration.Vendor)
            .Int("encoding", (int)registration.Encoding)
            .Int("resolution_level", (int)registration.ResolutionLevel)
            .Bool("activated", registration.Activated);

    public static DbCommand Group(this DbCommand command, Sip2InstitutionGroup group) =>
        command.Text("group_key", RegistryKeys.Of(group.Id)).Text("id", group.Id).Text("name", group.Name);

    public static DbCommand Institution(this DbCommand command, Sip2Institution institution) =>
        command.Text("institution_key", RegistryKeys.Of(institution.Id)).Text("id", institution.Id).Text("name", institution.Name)
            .Text("group_id", institution.GroupId).Text("group_key", RegistryKeys.OfOptional(institution.GroupId));

    public static DbCommand Branch(this DbCommand command, string institutionId, string branchId) =>
        command.Text("institution_key", RegistryKeys.Of(institutionId)).Text("branch_key", RegistryKeys.Of(branchId));

    public static DbCommand BranchConfiguration(this DbCommand command, Sip2BranchConfiguration configuration) =>
        command.Branch(configuration.InstitutionId, configuration.BranchId)
            .Text("institution_id", configuration.InstitutionId)
            .Text("branch_id", configuration.BranchId)
            .Int("supported_messages", (int)configuration.SupportedMessages)
            .Int("timeout_seconds", configuration.TimeoutSeconds)
            .Int("retries_allowed", configuration.RetriesAllowed)
            .Text("terminal_location", configuration.TerminalLocation)
            .Text("library_name", configuration.LibraryName)
            .Bool("send_personal_data", configuration.SendPersonalData)
            .Bool("use_sort_bin", configuration.UseSortBin)
            .Bool("available_hold_allowed", configuration.AvailableHoldAllowed)
            .Bool("online_status", configuration.OnlineStatus)
            .Bool("checkin_ok", configuration.CheckinOk)
            .Bool("checkout_ok", configuration.CheckoutOk)
            .Bool("renewal_policy", configuration.RenewalPolicy)
            .Bool("status_update_ok", configuration.StatusUpdateOk)
            .Bool("offline_ok", configuration.OfflineOk);

    /// <summary>A registration row; null (and an error logged) for one whose address cannot be read, which then admits nothing.</summary>
    public static Sip2ClientRegistration? ReadRegistration(DbDataReader row, ILogger logger)
    {
        var id = row.GetGuid(0);
        if (!IPAddress.TryParse(row.GetString(1), out var address))
        {
            Log.UnreadableRow(logger, "sip2_registrations", id.ToString(), "the address is not an IP address");
            return null;
        }

        Sip2PasswordHash? hash = null;
        if (!row.IsDBNull(3) && !Sip2PasswordHash.TryParse(row.GetString(3), out hash))
        {
            // Failing closed: without a readable hash the registration cannot authenticate. The value is not logged.
            Log.UnreadableRow(logger, "sip2_registrations", id.ToString(), "the password hash is not in the stored form; the registration cannot authenticate");
        }

        return new Sip2ClientRegistration
        {
            Id = id,
            IPAddress = address,
            LoginId = OptionalText(row, 2),
            PasswordHash = hash,
            Description = OptionalText(row, 4),
            InstitutionId = row.GetString(5),
            BranchId = row.GetString(6),
            Vendor = row.GetString(7),
            Encoding = (Sip2CharacterEncoding)row.GetInt32(8),
            ResolutionLevel = (Sip2ResolutionLevel)row.GetInt32(9),
            Activated = row.GetBoolean(10),
        };
    }

    public static Sip2InstitutionGroup ReadGroup(DbDataReader row) => new() { Id = row.GetString(0), Name = OptionalText(row, 1) };

    public static Sip2Institution ReadInstitution(DbDataReader row) =>
        new() { Id = row.GetString(0), Name = OptionalText(row, 1), GroupId = OptionalText(row, 2) };

    public static Sip2BranchConfiguration ReadBranchConfiguration(DbDataReader row) => new()
    {
        InstitutionId = row.GetString(0),
        BranchId = row.GetString(1),
        SupportedMessages = (SupportedMessages)row.GetInt32(2),
        TimeoutSeconds = row.GetInt32(3),
        RetriesAllowed = row.GetInt32(4),
        TerminalLocation = OptionalText(row, 5),
        LibraryName = OptionalText(row, 6),
        SendPersonalData = row.GetBoolean(7),
        UseSortBin = row.GetBoolean(8),
        AvailableHoldAllowed = row.GetBoolean(9),
        OnlineStatus = row.GetBoolean(10),
        CheckinOk = row.GetBoolean(11),
        CheckoutOk = row.GetBoolean(12),
        RenewalPolicy = row.GetBoolean(13),
        StatusUpdateOk = row.GetBoolean(14),
        OfflineOk = row.GetBoolean(15),
    };

    public static Sip2MessageOverride ReadMessageOverride(DbDataReader row) =>
        new() { InstitutionId = row.GetString(0), Scenario = (Sip2MessageScenario)row.GetInt32(1), Text = row.GetString(2) };

    public static Sip2AuditEntry ReadAuditEntry(DbDataReader row) => new()
    {
        Sequence = row.GetInt64(0),
        Time = row.GetFieldValue<DateTimeOffset>(1),
        Actor = row.GetString(2),
        Action = (Sip2AuditAction)row.GetInt32(3),
        Subject = row.GetString(4),
        Details = row.GetString(5),
    };

    private static string? OptionalText(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static DbCommand Add(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
