namespace Sip2.Net.Storage.Tests;

/// <summary>The tests that stop PostgreSQL: alone, on a cluster of their own (SIP2_TEST_POSTGRES_OUTAGE), never beside another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgreSqlOutageGroup
{
    public const string Name = "PostgreSQL outage";
}
