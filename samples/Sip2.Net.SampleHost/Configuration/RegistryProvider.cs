using System;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using Sip2.Net.DependencyInjection;

namespace Sip2.Net.SampleHost.Configuration;

/// <summary>Puts the store Sip2:Registry:Provider names behind the server, the admin site and the seeding.</summary>
internal static class RegistryProvider
{
    public static Sip2ServerBuilder Use(this Sip2ServerBuilder builder, RegistrySettings settings, string dataDirectory)
    {
        var connection = string.IsNullOrWhiteSpace(settings.ConnectionString) ? null : settings.ConnectionString.Trim();
        switch (settings.Provider.Trim().ToUpperInvariant())
        {
            case "" or "INMEMORY":
                if (connection is not null)
                {
                    throw new SampleHostStartupException("configuration: Sip2:Registry:ConnectionString is set, but the in-memory registry has no database; set Sip2:Registry:Provider to Sqlite or PostgreSql.");
                }

                return builder; // AddSip2Server's default store
            case "SQLITE":
                var file = connection ?? Path.Combine(dataDirectory, "registry.db"); // next to the library data file
                if (!file.Contains('=', StringComparison.Ordinal))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                }

                return builder.AddSqliteRegistryStore(file);
            case "POSTGRESQL":
                return builder.AddPostgreSqlRegistryStore(connection
                    ?? throw new SampleHostStartupException("configuration: Sip2:Registry:Provider is PostgreSql, which needs Sip2:Registry:ConnectionString (an Npgsql connection string)."));
            default:
                throw new SampleHostStartupException($"configuration: Sip2:Registry:Provider '{settings.Provider}' is not InMemory, Sqlite or PostgreSql.");
        }
    }
}
