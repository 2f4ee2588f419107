using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Matcher.Data.Erasure;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection the store opens. Without it a deleted row only
/// leaves the table: its bytes (a CV's text, an e-mail address, a note) stay in the file's free space until
/// something happens to overwrite them, and anyone with the file can read them back. With it, SQLite writes
/// zeros over deleted content and freed pages as it deletes. The setting is per connection, so it is set on
/// each open, pooled ones included.
/// </summary>
public sealed class SecureDeleteInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection)
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection)
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
