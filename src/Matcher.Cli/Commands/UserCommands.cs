using System.CommandLine;
using Matcher.Core.Documents;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Accounts;
using Matcher.Data.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher users add</c>: creates an account in the web app's database, e.g. the first administrator of a server.</summary>
internal static class UserCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "E-mail address; it is also the sign-in name", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"Role to give, repeatable: {string.Join(", ", Roles.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var name = new Option<string?>("--name") { Description = "Name shown to others (default: the part of the e-mail before @)" };
        var dataFolder = new Option<string?>("--data-folder")
        {
            Description = "The web app's data folder holding matcher.db (default: Matcher__DataFolder, else ./data); "
                + "ignored when Matcher__Store__Provider is PostgreSQL, where Matcher__Store__ConnectionString names the database",
        };
        var passwordFile = new Option<FileInfo?>("--password-file")
        {
            Description = "Read the password from the first line of this file instead of asking (or reading piped input)",
        };

        var add = new Command("add", "Create an account. The password is asked for (or read from piped input), never passed as an argument.");
        add.Options.Add(email);
        add.Options.Add(roles);
        add.Options.Add(name);
        add.Options.Add(dataFolder);
        add.Options.Add(passwordFile);
        add.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (output, token) =>
        {
            var (store, database) = Store(parse.GetValue(dataFolder));
            var password = await ReadPasswordAsync(parse.GetValue(passwordFile), parse.InvocationConfiguration.Error, token);
            await using var services = AccountServices(store);
            await services.MigrateMatcherStoreAsync(token);
            await using var scope = services.CreateAsyncScope();
            var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
            var result = await directory.CreateAsync(parse.GetValue(email)!, parse.GetValue(name) ?? "", password, parse.GetValue(roles)!, token);
            if (!result.Succeeded)
                throw new InputException(string.Join(" ", result.Errors));
            await output.WriteLineAsync($"Created {result.User!.Email} ({string.Join(", ", parse.GetValue(roles)!)}) in {database}");
            return CommandRunner.Ok;
        }, ct));

        var users = new Command("users", "Manage the web app's accounts");
        users.Subcommands.Add(add);
        return users;
    }

    /// <summary>The web app's store as the same environment variables configure it; returns it and how to name it without its password.</summary>
    private static (StoreOptions Store, string Description) Store(string? folder)
    {
        var store = new StoreOptions
        {
            Provider = Environment.GetEnvironmentVariable("Matcher__Store__Provider") is { Length: > 0 } provider ? provider : StoreOptions.Sqlite,
            ConnectionString = Environment.GetEnvironmentVariable("Matcher__Store__ConnectionString") ?? "",
        };
        if (store.IsPostgreSql)
        {
            if (string.IsNullOrWhiteSpace(store.ConnectionString))
                throw new InputException("Matcher__Store__Provider is PostgreSQL but Matcher__Store__ConnectionString is empty. Set it to the web app's connection string.");
            var parts = new Npgsql.NpgsqlConnectionStringBuilder(store.ConnectionString);
            return (store, $"PostgreSQL database {parts.Database} on {parts.Host}");
        }
        if (folder is not null || string.IsNullOrWhiteSpace(store.ConnectionString))
        {
            var file = DatabaseFile(folder);
            store.ConnectionString = $"Data Source={file}";
            return (store, file);
        }
        return (store, store.ConnectionString);
    }

    private static string DatabaseFile(string? folder)
    {
        folder ??= Environment.GetEnvironmentVariable("Matcher__DataFolder") is { Length: > 0 } configured ? configured : "data";
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
            throw new InputException($"There is no data folder at {full}. Pass --data-folder with the web app's data folder (src/Matcher.Web/data when started with dotnet run).");
        return Path.Combine(full, "matcher.db");
    }

    private static async Task<string> ReadPasswordAsync(FileInfo? file, TextWriter prompt, CancellationToken cancellationToken)
    {
        if (file is not null)
            return (await File.ReadAllLinesAsync(file.FullName, cancellationToken)).FirstOrDefault() ?? "";
        if (Console.IsInputRedirected)
            return await Console.In.ReadLineAsync(cancellationToken) ?? "";
        var first = Prompt("Password: ", prompt);
        var second = Prompt("Password again: ", prompt);
        if (first != second)
            throw new InputException("The two passwords are not the same. Run the command again.");
        return first;
    }

    private static string Prompt(string label, TextWriter prompt)
    {
        prompt.Write(label);
        var buffer = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && buffer.Length > 0)
                buffer.Length--;
            else if (!char.IsControl(key.KeyChar))
                buffer.Append(key.KeyChar);
        }
        prompt.WriteLine();
        return buffer.ToString();
    }

    private static ServiceProvider AccountServices(StoreOptions store)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddMatcherStore(store);
        services.AddMatcherAccountStore();
        return services.BuildServiceProvider();
    }
}
