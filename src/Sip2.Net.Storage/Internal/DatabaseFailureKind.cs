namespace Sip2.Net.Storage.Internal;

/// <summary>What a database exception means to the store.</summary>
internal enum DatabaseFailureKind
{
    /// <summary>Not a failure the store handles: a bug (bad SQL) or misuse; it propagates.</summary>
    Other,

    /// <summary>The database cannot be reached, or refused the work for a reason of its own (shut down, out of space, busy).</summary>
    Unavailable,

    /// <summary>A unique index or primary key.</summary>
    UniqueViolation,

    /// <summary>A foreign key: a referenced row is missing, or a deleted row is still referenced.</summary>
    ForeignKeyViolation,

    /// <summary>A check constraint.</summary>
    CheckViolation,
}
