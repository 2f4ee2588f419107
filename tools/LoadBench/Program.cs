using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Files;
using Matcher.Data.Accounts;
using Matcher.Data.Mapping;
using Matcher.EndToEnd.Tests.Infrastructure;
using Matcher.Testing;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Ranking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Npgsql;
using StoreOptions = Matcher.Data.StoreOptions;

// Two app instances on one throw-away PostgreSQL database. Simulated users, each in their own headless Chromium
// profile, upload a CV and match it against a posting on Check my fit, over and over; meanwhile a coordinator's ranking
// of generated CVs runs on both instances. Run once with both instances up and once with one killed half-way.
var settings = LoadSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/LoadBench -c Release -- [--users 20] [--seconds 120] [--cvs 1000]");
    return 2;
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

await using var cluster = new PostgresCluster();
if (await cluster.TryStartAsync(stop.Token) is { } failure)
{
    Console.Error.WriteLine("error: " + failure);
    return 2;
}
var cvs = await LoadRun.MakeCvsAsync(settings.Cvs, stop.Token);
var rows = new List<LoadResult>();
foreach (var kill in new[] { false, true })
    rows.Add(await new LoadRun(settings, cluster, cvs, kill).RunAsync(stop.Token));

Console.WriteLine();
Console.WriteLine($"{settings.Users} users, {settings.Seconds} s, a ranking of {settings.Cvs:N0} CVs, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine("| instances | matches | match p50 | match p95 | errors | CVs ranked | ranking CVs/min |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var r in rows)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Label} | {r.Matches} | {r.P50:0.0} s | {r.P95:0.0} s | {r.Errors} | {r.Ranked} | {r.PerMinute:0} |"));
foreach (var r in rows.Where(r => r.ErrorKinds.Count > 0))
    Console.WriteLine($"errors, {r.Label}: " + string.Join("; ", r.ErrorKinds.Select(k => $"{k.Value}× {k.Key}")));
try { Directory.Delete(Path.GetDirectoryName(cvs[0].Path)!, recursive: true); } catch (IOException) { }
return 0;

internal sealed record LoadSettings(int Users, int Seconds, int Cvs)
{
    public static LoadSettings? Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--users"] = 20, ["--seconds"] = 120, ["--cvs"] = 1000 };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) || value < 1)
                return null;
            values[args[i]] = value;
        }
        return new(values["--users"], values["--seconds"], values["--cvs"]);
    }
}

internal sealed record LoadResult(string Label, int Matches, double P50, double P95, int Errors, int Ranked, double PerMinute, Dictionary<string, int> ErrorKinds);

internal sealed record CvFile(string Path, byte[] Content);

internal sealed partial class LoadRun(LoadSettings settings, PostgresCluster cluster, IReadOnlyList<CvFile> cvs, bool killHalfway)
{
    private const string Password = "load bench password";
    private static readonly string UserCv = RepositoryPaths.Fixture("e2e", "priya-raman-cv.md");
    private static readonly string PostingFile = RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt");

    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly AppProcess?[] _instances = new AppProcess?[2];
    private string? _files;
    private readonly bool[] _dead = new bool[2];

    /// <summary>The benchmark's CVs as <c>matcher bench make-cvs</c> writes them: the same files on every machine.</summary>
    public static async Task<IReadOnlyList<CvFile>> MakeCvsAsync(int count, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("matcher-load-cvs-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "matcher.dll"), "bench", "make-cvs", count.ToString(CultureInfo.InvariantCulture), folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException("matcher bench make-cvs failed: " + await error);
        return Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => new CvFile(f, File.ReadAllBytes(f))).ToList();
    }

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        var label = killHalfway ? "two, one killed half-way" : "two";
        Console.WriteLine($"{label}: starting a database and two instances");
        // Pooled, as a deployment would connect; the cluster hands out unpooled strings for tests.
        var connection = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync(cancellationToken)) { Pooling = true }.ConnectionString;
        await using var store = Store(connection);
        await store.MigrateMatcherStoreAsync(cancellationToken);
        var emails = Enumerable.Range(1, settings.Users).Select(n => $"user{n:D2}@example.org").ToList();
        foreach (var email in emails)
        {
            await using var scope = store.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<UserDirectory>().CreateAsync(email, email.Split('@')[0], Password, [Roles.Candidate], cancellationToken);
            if (!created.Succeeded)
                throw new InvalidOperationException(string.Join(" ", created.Errors));
        }

        var root = Directory.CreateTempSubdirectory("matcher-load-").FullName;
        _files = Path.Combine(root, "files");
        var environment = new Dictionary<string, string>
        {
            // Instances on one database share one file store.
            ["Matcher__Files__Folder"] = _files,
            ["Matcher__Store__Provider"] = "PostgreSQL",
            ["Matcher__Store__ConnectionString"] = connection,
            // Short enough that a killed instance's batch is taken over within the run.
            ["Matcher__Ranking__LeaseDuration"] = "00:00:30",
        };
        try
        {
            for (var i = 0; i < 2; i++)
                _instances[i] = await AppProcess.StartAsync(Directory.CreateDirectory(Path.Combine(root, $"instance-{i + 1}")).FullName, cancellationToken, environment);
            return await MeasureAsync(label, store, cancellationToken);
        }
        finally
        {
            // Also when a run fails: no app process outlives the bench.
            foreach (var instance in _instances)
                if (instance is not null)
                    await instance.DisposeAsync();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private async Task<LoadResult> MeasureAsync(string label, ServiceProvider store, CancellationToken cancellationToken)
    {
        var emails = Enumerable.Range(1, settings.Users).Select(n => $"user{n:D2}@example.org").ToList();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var users = new List<SimulatedUser>();
        for (var i = 0; i < emails.Count; i++)
        {
            var context = await browser.NewContextAsync();
            context.SetDefaultTimeout(60_000);
            users.Add(new SimulatedUser(emails[i], context, await context.NewPageAsync(), i % 2));
        }
        // Sign-in cookies are per host, not per port, and both instances read them: one sign-in serves either.
        await Task.WhenAll(users.Select(u => SignInAsync(u, cancellationToken)));

        var jobId = await QueueRankingAsync(store, cancellationToken);
        var window = TimeSpan.FromSeconds(settings.Seconds);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"{label}: {settings.Users} users matching for {settings.Seconds} s while {cvs.Count:N0} CVs are ranked");
        var loops = users.Select(u => UserLoopAsync(u, clock, window, cancellationToken)).ToList();
        if (killHalfway)
        {
            await Task.Delay(window / 2, cancellationToken);
            Console.WriteLine($"{label}: killing instance 1 at {clock.Elapsed.TotalSeconds:0} s");
            _dead[0] = true;
            await _instances[0]!.KillAsync();
            // Its users see their page fail at once (the match in flight is an error) and carry on at the other instance.
            foreach (var user in users.Where(u => u.Instance == 0))
            {
                try { await user.Page.CloseAsync(); } catch (PlaywrightException) { }
            }
            await Task.Delay(window - clock.Elapsed is { } rest && rest > TimeSpan.Zero ? rest : TimeSpan.Zero, cancellationToken);
        }
        else
        {
            await Task.Delay(window, cancellationToken);
        }
        var (ranked, seconds) = await RankedAsync(store, jobId, clock, window, cancellationToken);
        await Task.WhenAll(loops);

        foreach (var user in users)
            await user.Context.CloseAsync();

        var sorted = _latencies.Order().ToList();
        return new(label, sorted.Count, Percentile(sorted, 0.50), Percentile(sorted, 0.95), _errors.Values.Sum(), ranked, ranked / (seconds / 60), new(_errors));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private Uri BaseOf(SimulatedUser user) => _instances[user.Instance]!.BaseUri;

    private async Task SignInAsync(SimulatedUser user, CancellationToken cancellationToken)
    {
        await user.Page.GotoAsync(new Uri(BaseOf(user), "/account/login").ToString());
        await user.Page.Locator("#email").FillAsync(user.Email);
        await user.Page.Locator("#password").FillAsync(Password);
        await user.Page.GetByTestId("sign-in").ClickAsync();
        try
        {
            await user.Page.GetByTestId("signed-in-as").WaitForAsync();
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{user.Email} could not sign in at {user.Page.Url}: {await user.Page.InnerTextAsync("body")}");
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Matches until the window closes; a match started before then is let finish. A user whose instance died moves to the other, as a load balancer would send them.</summary>
    private async Task UserLoopAsync(SimulatedUser user, Stopwatch clock, TimeSpan window, CancellationToken cancellationToken)
    {
        var posting = await File.ReadAllTextAsync(PostingFile, cancellationToken);
        while (clock.Elapsed < window && !cancellationToken.IsCancellationRequested)
        {
            if (_dead[user.Instance])
            {
                user.Instance = 1 - user.Instance;
                await user.Page.CloseAsync();
                user.Page = await user.Context.NewPageAsync();
            }
            try
            {
                var page = user.Page;
                await page.GotoAsync(BaseOf(user).ToString());
                await page.Locator("[data-testid=cv-upload][data-ready=true]").WaitForAsync();
                await page.Locator("[data-testid=cv-upload] input[type=file]").SetInputFilesAsync(UserCv);
                await page.GetByTestId("cv-summary").WaitForAsync();
                await page.GetByLabel("Posting text").FillAsync(posting);
                var watch = Stopwatch.StartNew();
                await page.GetByTestId("match-button").ClickAsync();
                await page.WaitForURLAsync(ReportAddress(), new() { Timeout = 120_000 });
                await page.GetByTestId("requirement-text").First.WaitForAsync();
                _latencies.Add(watch.Elapsed.TotalSeconds);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                var kind = ex.Message.Split('\n')[0];
                _errors.AddOrUpdate(kind.Length > 80 ? kind[..80] : kind, 1, (_, n) => n + 1);
            }
        }
    }

    private async Task<Guid> QueueRankingAsync(ServiceProvider store, CancellationToken cancellationToken)
    {
        var factory = store.GetRequiredService<IDbContextFactory<MatcherDbContext>>();
        var text = await File.ReadAllTextAsync(PostingFile, cancellationToken);
        var entity = PostingMapping.ToEntity(new PostingReader().ReadText(text), Coordinator.CoordinatorId, text, null, DateTimeOffset.UtcNow);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            db.Postings.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
        }
        // Queued through the store, as a ranking started on either instance is; the instances hear of it from the database.
        var limits = Options.Create(new RankingOptions { MaxApplicants = Math.Max(cvs.Count, 500), MaxTotalBytes = long.MaxValue });
        var coordinator = new Coordinator();
        var jobs = new RankingJobs(factory, coordinator, new AccessScope(coordinator), new RankingSignal(), TimeProvider.System, limits, new FileStore(_files!));
        return await jobs.StartAsync(entity.Id, [0], cvs.Select(c => new ApplicantFile(Path.GetFileName(c.Path), c.Content)).ToList(), blind: false, cancellationToken);
    }

    /// <summary>CVs ranked by the end of the window (or when the ranking finished, if sooner) and over how many seconds.</summary>
    private static async Task<(int Ranked, double Seconds)> RankedAsync(ServiceProvider store, Guid jobId, Stopwatch clock, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var db = await store.GetRequiredService<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(cancellationToken);
        var job = await db.RankingJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        var seconds = job is { FinishedAt: { } finished, StartedAt: { } started } ? (finished - started).TotalSeconds : Math.Max(clock.Elapsed.TotalSeconds, window.TotalSeconds);
        return (job.Done, seconds);
    }

    private static ServiceProvider Store(string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddMatcherStore(new StoreOptions { Provider = StoreOptions.PostgreSql, ConnectionString = connection });
        services.AddMatcherAccountStore();
        return services.BuildServiceProvider();
    }

    [GeneratedRegex("/reports/[0-9a-f-]{36}$")]
    private static partial Regex ReportAddress();

    private sealed class SimulatedUser(string email, IBrowserContext context, IPage page, int instance)
    {
        public string Email { get; } = email;
        public IBrowserContext Context { get; } = context;
        public IPage Page { get; set; } = page;
        public int Instance { get; set; } = instance;
    }

    private sealed class Coordinator : ICurrentUser
    {
        public const string CoordinatorId = "load-coordinator";
        public string Id => CoordinatorId;
        public bool IsInRole(string role) => role == Roles.Coordinator;
    }
}
