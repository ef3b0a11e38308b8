namespace Consult.Web.Infrastructure.Data;

public sealed class StorageOptions
{
    /// <summary>"sqlite" (the default: one file in the data folder) or "postgres" (<see cref="ConnectionString"/>).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The PostgreSQL server's Npgsql connection string; SQLite's file is always the data folder's consult.db.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Holds this node's search index, and the SQLite database file. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "consult.db");

    /// <summary>How long a statement waits for another SQLite writer before the request is answered 503.</summary>
    public int BusyTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Where uploaded files (comment, feedback and opinion attachments, a draft's papers) are kept; relative paths are
    /// taken from the data directory. Nodes that share a database point this at one shared folder.
    /// </summary>
    public string AttachmentDirectory { get; set; } = "attachments";

    public string AttachmentPath => Path.Combine(Path.GetFullPath(DataDirectory), AttachmentDirectory);
}
