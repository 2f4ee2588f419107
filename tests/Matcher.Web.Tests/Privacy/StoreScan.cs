using System.Data.Common;
using System.Text;
using System.Text.Json;
using Matcher.Data;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Tests.Privacy;

/// <summary>One row of one table, read raw: every column as text (blobs decoded as UTF-8).</summary>
public sealed record RawRow(string Table, IReadOnlyDictionary<string, string> Columns)
{
    public string Flat => string.Join(" | ", Columns.Select(c => $"{c.Key}={c.Value}"));

    public bool Mentions(string value) => Columns.Values.Any(v => v.Contains(value, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Reads every table of the model with plain SQL, so a test can search all stored text and bytes for traces of
/// a person without trusting the code under test to know where it put them.
/// </summary>
public static class StoreScan
{
    public static async Task<IReadOnlyList<RawRow>> ReadAllAsync(IDbContextFactory<MatcherDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Contains("AspNetUsers", tables);
        Assert.Contains("Embeddings", tables);

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var rows = new List<RawRow>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(new RawRow(table, ReadColumns(reader)));
        }
        return rows;
    }

    private static Dictionary<string, string> ReadColumns(DbDataReader reader)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns[reader.GetName(i)] = reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
        }
        return columns;
    }

    /// <summary>The value and the forms JSON may have stored it in (escaped non-ASCII and HTML characters).</summary>
    public static IEnumerable<string> StoredForms(string value)
    {
        yield return value;
        var escaped = JsonSerializer.Serialize(value)[1..^1];
        if (escaped != value)
            yield return escaped;
    }

    /// <summary>Rows that mention any of the values, with the value found, for a readable failure message.</summary>
    public static IReadOnlyList<string> Traces(IEnumerable<RawRow> rows, IEnumerable<string> values)
    {
        var forms = values.SelectMany(StoredForms).Distinct(StringComparer.Ordinal).ToList();
        return rows.SelectMany(row => forms.Where(row.Mentions).Select(form => $"{row.Table}: '{form}' in {Shorten(row.Flat)}")).ToList();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
