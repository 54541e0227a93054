namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>SQLite stores, each database a new file in a temporary directory.</summary>
public sealed class SqliteHarness : StoreHarness
{
    public override string Name => "SQLite";

    public override bool IsDurable => true;

    public override Task<StoreDatabase> CreateDatabaseAsync() => Task.FromResult<StoreDatabase>(new SqliteTestDatabase());
}
