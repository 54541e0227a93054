namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>PostgreSQL stores, each database a new schema in the cluster SIP2_TEST_POSTGRES names (.ci/services/postgres.sh).</summary>
public sealed class PostgreSqlHarness(string variable = "SIP2_TEST_POSTGRES") : StoreHarness
{
    public override string Name => "PostgreSQL";

    public override bool IsDurable => true;

    public string ConnectionString => ServiceFactAttribute.Require(variable);

    public override Task<StoreDatabase> CreateDatabaseAsync() => Task.FromResult<StoreDatabase>(new PostgreSqlTestDatabase(ConnectionString));
}
