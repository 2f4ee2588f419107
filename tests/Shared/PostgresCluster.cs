using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Matcher.Testing;

/// <summary>
/// A throw-away PostgreSQL cluster: <c>initdb</c> into a temp folder, started on a free loopback port with its socket
/// in that folder, one fresh database per caller, stopped and removed at the end. Started on first use, so runs that
/// need no PostgreSQL do not pay for it. Shared by the test projects and the load bench.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private string? _folder;
    private string? _bin;
    private int _port;
    private bool _started;
    private string? _failure;
    private int _databases;

    /// <summary>Folder holding initdb and pg_ctl: MATCHER_PG_BIN, else Debian's newest, else the PATH.</summary>
    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("MATCHER_PG_BIN") is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
                return newest;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>Why the cluster could not start (no server binaries), or null once it runs.</summary>
    public async Task<string?> TryStartAsync(CancellationToken cancellationToken)
    {
        await _start.WaitAsync(cancellationToken);
        try
        {
            if (!_started && _failure is null)
                await StartAsync(cancellationToken);
        }
        finally
        {
            _start.Release();
        }
        return _failure;
    }

    /// <summary>
    /// A new database on the cluster, as an Npgsql connection string: empty, or a copy of the database named by
    /// <paramref name="template"/> (which nobody may be connected to while it is copied).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken, string? template = null)
    {
        if (await TryStartAsync(cancellationToken) is { } failure)
            throw new InvalidOperationException(failure);
        var name = $"matcher_test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        var copy = template is null ? "" : $" TEMPLATE \"{template}\"";
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        // No pooling: each database is dropped with the cluster, and idle pooled connections would only linger.
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=false;Timeout=30";

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            _failure = "No PostgreSQL server binaries found (initdb, pg_ctl): install Debian's postgresql, or set MATCHER_PG_BIN to its bin folder.";
            return;
        }
        _folder = Directory.CreateTempSubdirectory("matcher-pg-").FullName;
        // initdb refuses to run as root; the cluster then belongs to the postgres account.
        if (IsRoot())
            await RunAsync("chown", ["postgres:postgres", _folder], asPostgres: false, cancellationToken);
        var data = Path.Combine(_folder, "data");
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync", "--no-instructions"], IsRoot(), cancellationToken);

        _port = FreePort();
        // Durability is worth nothing for a cluster deleted at the end; skipping fsync keeps it quick.
        var settings = $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-o", settings, "-w", "-t", "60", "start"], IsRoot(), cancellationToken);
        _started = true;
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        }
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_started && _bin is not null && _folder is not null)
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], IsRoot(), CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Already gone; the folder is removed all the same.
            }
        }
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        _start.Dispose();
    }
}
