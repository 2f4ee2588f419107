namespace Matcher.Data;

/// <summary>Which database holds Matcher's data. SQLite in a local file unless configured otherwise.</summary>
public sealed class StoreOptions
{
    public const string Section = "Matcher:Store";

    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSQL</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// For SQLite, empty means a <c>matcher.db</c> file in the data folder. For PostgreSQL an Npgsql connection
    /// string, e.g. <c>Host=db;Database=matcher;Username=matcher;Password=…</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Where uploaded originals are kept (<c>Matcher:Files:Folder</c>). Empty means a <c>files</c> folder beside the
    /// SQLite database. With PostgreSQL and several instances it must be one folder all instances share.
    /// </summary>
    public string FilesFolder { get; set; } = "";

    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
