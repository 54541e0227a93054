namespace Sip2.Net.Storage.Internal;

// A store's configuration section as the database packages bind it: a connection string and the store's options.
internal interface IStoreSettings
{
    string? ConnectionString { get; }

    /// <summary>The first problem of the bound values, naming its key under <paramref name="path"/>; null when none.</summary>
    string? Problem(string path);
}
