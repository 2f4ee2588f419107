using Matcher.Data;
using Matcher.Data.Accounts;
using Matcher.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matcher.Cli.Tests.Cli;

/// <summary><c>matcher users add</c> creates a real account in the web app's database.</summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-users-").FullName;

    private string PasswordFile(string password)
    {
        var path = Path.Combine(_folder, "password.txt");
        File.WriteAllText(path, password + "\n");
        return path;
    }

    [Fact]
    public async Task Adds_an_account_that_can_sign_in_with_its_roles()
    {
        var (exit, output, error) = await CliRun.RunAsync("users", "add", "--email", "ada@example.org", "--role", "admin", "advisor",
            "--name", "Ada Admin", "--data-folder", _folder, "--password-file", PasswordFile("long enough password"));

        Assert.True(exit == 0, error);
        Assert.Contains("Created ada@example.org", output, StringComparison.Ordinal);
        await using var services = Accounts();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MatcherUser>>();
        var user = await users.FindByEmailAsync("ada@example.org");
        Assert.NotNull(user);
        Assert.Equal("Ada Admin", user.DisplayName);
        Assert.True(await users.CheckPasswordAsync(user, "long enough password"));
        Assert.False(await users.CheckPasswordAsync(user, "another password"));
        Assert.Equal(["admin", "advisor"], (await users.GetRolesAsync(user)).Order());
    }

    [Theory]
    [InlineData("boss", "long enough password", "'boss' is not a role")]
    [InlineData("candidate", "short", "at least 10 characters")]
    public async Task Refuses_an_unknown_role_or_a_short_password_and_creates_nothing(string role, string password, string message)
    {
        var (exit, _, error) = await CliRun.RunAsync("users", "add", "--email", "bo@example.org", "--role", role,
            "--data-folder", _folder, "--password-file", PasswordFile(password));

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        await using var services = Accounts();
        await using var scope = services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<MatcherUser>>().FindByEmailAsync("bo@example.org"));
    }

    [Fact]
    public async Task A_missing_data_folder_is_explained()
    {
        var (exit, _, error) = await CliRun.RunAsync("users", "add", "--email", "bo@example.org", "--role", "candidate",
            "--data-folder", Path.Combine(_folder, "nowhere"), "--password-file", PasswordFile("long enough password"));

        Assert.Equal(2, exit);
        Assert.Contains("There is no data folder", error, StringComparison.Ordinal);
    }

    private ServiceProvider Accounts()
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddMatcherStore(new Matcher.Data.StoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "matcher.db")}" });
        services.AddMatcherAccountStore();
        var provider = services.BuildServiceProvider();
        provider.MigrateMatcherStoreAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        return provider;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
