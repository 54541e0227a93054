namespace Sip2.Net.Storage.Internal;

/// <summary>
/// A classified database exception: its kind, the constraint's name when the database says it (PostgreSQL does;
/// SQLite names the columns of a unique index, which the SQLite provider turns into the index's name), and a problem
/// text for operators that never carries a connection string or a password.
/// </summary>
internal readonly record struct DatabaseFailure(DatabaseFailureKind Kind, string? Constraint, string Problem)
{
    public static DatabaseFailure Other { get; } = new(DatabaseFailureKind.Other, null, "");
}
