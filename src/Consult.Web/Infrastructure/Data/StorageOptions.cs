namespace Consult.Web.Infrastructure.Data;

public sealed class StorageOptions
{
    /// <summary>Holds the database file (and with it the search index). Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "consult.db");

    /// <summary>How long a statement waits for another writer before the request is answered 503.</summary>
    public int BusyTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Where uploaded files (comment, feedback and opinion attachments, a draft's papers) are kept; relative paths are
    /// taken from the data directory. Nodes that share a database point this at one shared folder.
    /// </summary>
    public string AttachmentDirectory { get; set; } = "attachments";

    public string AttachmentPath => Path.Combine(Path.GetFullPath(DataDirectory), AttachmentDirectory);

    public string ConnectionString => $"Data Source={DatabasePath};Foreign Keys=True;Pooling=True;Default Timeout={BusyTimeoutSeconds}";
}
