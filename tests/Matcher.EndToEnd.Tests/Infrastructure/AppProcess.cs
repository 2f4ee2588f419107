using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Matcher.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real web app, started as its own process the way <c>dotnet run</c> starts it, on a free loopback
/// port with its own data folder (and so its own SQLite file).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public Uri BaseUri { get; }
    public string DataFolder { get; }

    private AppProcess(Process process, Uri baseUri, string dataFolder)
    {
        _process = process;
        BaseUri = baseUri;
        DataFolder = dataFolder;
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>The process id, which the app also writes into the names it claims shared work under.</summary>
    public int ProcessId => _process.Id;

    /// <param name="environment">Settings beyond the defaults, as environment variables (<c>Matcher__Store__Provider</c>…).</param>
    public static async Task<AppProcess> StartAsync(
        string dataFolder, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? environment = null)
    {
        var projectDir = Path.Combine(RepositoryPaths.Root, "src", "Matcher.Web");
        var dll = FindBuiltApp(projectDir);
        var port = FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseUri.ToString()])
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Matcher__DataFolder"] = dataFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        var app = new AppProcess(process, baseUri, dataFolder);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilServingAsync(cancellationToken);
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The web app exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(BaseUri, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The web app did not answer on {BaseUri}:\n{Output}");
    }

    private static string FindBuiltApp(string projectDir)
    {
        // The solution build puts the app beside its project; take the configuration this test was built in.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(projectDir, "bin", configuration, "net10.0", "Matcher.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the web app is not built.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Ends the app at once, as a crash or a pulled plug would: no shutdown, nothing finished or handed back.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
